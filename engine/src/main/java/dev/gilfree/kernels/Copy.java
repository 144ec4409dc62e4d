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
    static final int CHUNK = 512;

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

    /** True when {@link #convertRun} converts st to dt (real dtypes: through long or double). */
    static boolean convertsByRun(DType st, DType dt) {
        Path p = path(st, dt);
        return p == Path.LONG || p == Path.DOUBLE;
    }

    /**
     * Converts n elements of st at so, so+ss, ... to dt at dso, dso+ds, ... (a real conversion, {@link
     * #convertsByRun}) a chunk at a time; chunkL (through long) or chunkD (through double) is the caller's
     * scratch of at least CHUNK elements, the one the conversion's path needs.
     */
    static void convertRun(DType st, MemorySegment s, long so, long ss, DType dt, MemorySegment d, long dso, long ds,
                           long n, long[] chunkL, double[] chunkD) {
        boolean viaLong = path(st, dt) == Path.LONG;
        for (long i = 0; i < n; i += CHUNK) {
            int m = (int) Math.min(CHUNK, n - i);
            if (viaLong) {
                TypedRuns.gatherL(st, s, so + i * ss, ss, chunkL, 0, m);
                TypedRuns.scatterL(chunkL, m, dt, d, dso + i * ds, ds);
            } else {
                TypedRuns.gatherD(st, s, so + i * ss, ss, chunkD, 0, m);
                TypedRuns.scatterD(chunkD, m, dt, d, dso + i * ds, ds);
            }
        }
    }

    public static void into(NDArray src, NDArray dst) {
        long[] shape = dst.shape();
        long[][] strides = {Iteration.broadcastStrides(src.shape(), src.strides(), shape), dst.strides()};
        MemorySegment s = src.segment(), d = dst.segment();
        DType st = src.dtype(), dt = dst.dtype();
        int isz = dt.itemsize();
        Path p = path(st, dt);
        // Conversions go a chunk at a time through typed loops (TypedRuns), not a dtype switch per element.
        long[] chunkL = p == Path.LONG ? new long[CHUNK] : null;
        double[] chunkD = p == Path.DOUBLE ? new double[CHUNK] : null;
        Iteration.run(shape, strides, new long[]{src.offset(), dst.offset()}, (off, str, n) -> {
            long so = off[0], ss = str[0], dso = off[1], ds = str[1];
            switch (p) {
                case SAME -> {
                    if (ss == isz && ds == isz) MemorySegment.copy(s, so, d, dso, n * isz);
                    else Buffered.copy(s, so, ss, d, dso, ds, isz, n);
                }
                case LONG, DOUBLE -> convertRun(st, s, so, ss, dt, d, dso, ds, n, chunkL, chunkD);
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
        });
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
