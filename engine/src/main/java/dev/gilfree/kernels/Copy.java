package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;

/** Copies (with broadcasting and dtype conversion) from one array into another of the broadcast shape. */
public final class Copy {
    private Copy() {}

    private enum Path { SAME, LONG, DOUBLE, COMPLEX, TRUTH }

    /** Elements converted at a time. */
    private static final int CHUNK = 512;

    private static Path path(DType st, DType dt) {
        if (st == dt) return Path.SAME;
        if (st.kind() == 'c' && dt.kind() == 'c') return Path.COMPLEX;
        if (dt.kind() == 'c') return Path.COMPLEX;
        if (st.kind() == 'c' && dt == DType.BOOL) return Path.TRUTH; // either part non-zero (NaN counts: NaN != 0)
        // integers (and bool) convert exactly through long, except uint64 into a float (unsigned value)
        if ((st.isInteger() || st == DType.BOOL) && (dt.isInteger() || dt == DType.BOOL)) return Path.LONG;
        if ((st.isInteger() || st == DType.BOOL) && st != DType.UINT64) return Path.LONG;
        return Path.DOUBLE;
    }

    /** True when {@link #convert} converts st to dt through a typed chunk (real dtypes: through long or double). */
    static boolean convertsByRun(DType st, DType dt) {
        Path p = path(st, dt);
        return p == Path.LONG || p == Path.DOUBLE;
    }

    public static void into(NDArray src, NDArray dst) {
        long[] shape = dst.shape();
        long[][] strides = {Iteration.broadcastStrides(src.shape(), src.strides(), shape), dst.strides()};
        MemorySegment s = src.segment(), d = dst.segment();
        DType st = src.dtype(), dt = dst.dtype();
        Iteration.run(shape, strides, new long[]{src.offset(), dst.offset()}, (off, str, n) ->
                convert(st, s, off[0], str[0], dt, d, off[1], str[1], n));
    }

    /** Per-thread conversion buffers (a chunk of longs and of doubles). */
    private static final ThreadLocal<Object[]> CHUNKS = ThreadLocal.withInitial(() -> new Object[]{new long[CHUNK], new double[CHUNK]});

    /** One strided run of n elements of dtype st converted into a strided run of dtype dt (byte offsets and strides). */
    public static void convert(DType st, MemorySegment s, long so, long ss, DType dt, MemorySegment d, long dso, long ds, long n) {
        int isz = dt.itemsize();
        switch (path(st, dt)) {
            case SAME -> {
                if (ss == isz && ds == isz) MemorySegment.copy(s, so, d, dso, n * isz);
                else Buffered.copy(s, so, ss, d, dso, ds, isz, n);
            }
            // Conversions go a chunk at a time through typed loops (TypedRuns), not a dtype switch per element.
            case LONG -> {
                long[] chunkL = (long[]) CHUNKS.get()[0];
                for (long i = 0; i < n; i += CHUNK) {
                    int m = (int) Math.min(CHUNK, n - i);
                    TypedRuns.gatherL(st, s, so + i * ss, ss, chunkL, 0, m);
                    TypedRuns.scatterL(chunkL, m, dt, d, dso + i * ds, ds);
                }
            }
            case DOUBLE -> {
                double[] chunkD = (double[]) CHUNKS.get()[1];
                for (long i = 0; i < n; i += CHUNK) {
                    int m = (int) Math.min(CHUNK, n - i);
                    TypedRuns.gatherD(st, s, so + i * ss, ss, chunkD, 0, m);
                    TypedRuns.scatterD(chunkD, m, dt, d, dso + i * ds, ds);
                }
            }
            case COMPLEX -> {
                for (long i = 0; i < n; i++) {
                    Elements.setComplex(dt, d, dso + i * ds, Elements.getDouble(st, s, so + i * ss), Elements.getImag(st, s, so + i * ss));
                }
            }
            case TRUTH -> {
                for (long i = 0; i < n; i++) {
                    boolean nz = ComplexLoops.truth(Elements.getDouble(st, s, so + i * ss), Elements.getImag(st, s, so + i * ss));
                    Elements.setLong(dt, d, dso + i * ds, nz ? 1 : 0);
                }
            }
        }
    }

    /**
     * {@code dst[...] = src}: NumPy's assignment broadcasting (src may have extra leading 1s) and casting;
     * src may overlap dst. The shapes are checked before anything is written.
     */
    public static void assign(NDArray src, NDArray dst) {
        long[] target = dst.shape();
        if (!Iteration.broadcastsTo(src.shape(), target)) {
            throw GilfreeException.value("could not broadcast input array from shape " + Iteration.pyShape(src.shape())
                    + " into shape " + Iteration.pyShape(target));
        }
        NDArray s = Gather.squeezeLeading(src, target.length);
        if (s.overlapsOtherwise(dst)) s = astype(s, s.dtype());
        into(s, dst);
    }

    /** A new C-contiguous copy of {@code a} converted to {@code dtype}. */
    public static NDArray astype(NDArray a, DType dtype) {
        NDArray out = NDArray.empty(dtype, a.shape());
        into(a, out);
        return out;
    }
}
