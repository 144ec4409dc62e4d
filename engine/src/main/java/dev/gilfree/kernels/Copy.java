package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
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
            if (p == Path.SAME) {
                if (str[0] == isz && str[1] == isz) MemorySegment.copy(s, off[0], d, off[1], n * isz);
                else Buffered.copy(s, off[0], str[0], d, off[1], str[1], isz, n);
                return;
            }
            if (p == Path.LONG || p == Path.DOUBLE) {
                for (long i = 0; i < n; i += CHUNK) {
                    int m = (int) Math.min(CHUNK, n - i);
                    if (p == Path.LONG) {
                        TypedRuns.gatherL(st, s, off[0] + i * str[0], str[0], chunkL, 0, m);
                        TypedRuns.scatterL(chunkL, m, dt, d, off[1] + i * str[1], str[1]);
                    } else {
                        TypedRuns.gatherD(st, s, off[0] + i * str[0], str[0], chunkD, 0, m);
                        TypedRuns.scatterD(chunkD, m, dt, d, off[1] + i * str[1], str[1]);
                    }
                }
                return;
            }
            long so = off[0], doff = off[1];
            for (long i = 0; i < n; i++, so += str[0], doff += str[1]) {
                switch (p) {
                    case SAME -> throw new AssertionError(); // copied above
                    case LONG, DOUBLE -> throw new AssertionError(); // converted above
                    case COMPLEX -> Elements.setComplex(dt, d, doff, Elements.getDouble(st, s, so), Elements.getImag(st, s, so));
                    case TRUTH -> Elements.setLong(dt, d, doff,
                            ComplexLoops.truth(Elements.getDouble(st, s, so), Elements.getImag(st, s, so)) ? 1 : 0);
                }
            }
        });
    }

    /** A new C-contiguous copy of {@code a} converted to {@code dtype}. */
    public static NDArray astype(NDArray a, DType dtype) {
        NDArray out = NDArray.empty(dtype, a.shape());
        into(a, out);
        return out;
    }
}
