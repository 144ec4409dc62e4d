package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;

/**
 * Complex reductions and accumulations that fold in order with the complex loops' own arithmetic
 * (products, quotients, powers, NumPy's lexicographic extremes). complex64 rounds each step to float, as
 * NumPy's float loop does. Floating-point conditions are not reported from these folds.
 */
public final class ComplexReductions {
    private ComplexReductions() {}

    /**
     * Folds each run of {@code run} adjacent elements of the C-ordered {@code c} into one element of
     * {@code out}: from {@code init} (re, im) when given, else from the run's first element.
     */
    public static void fold(BinaryOp op, NDArray c, long run, double[] init, NDArray out) {
        check(op);
        DType t = c.dtype();
        long outN = out.size(), isz = c.itemsize();
        if (init == null && run == 0 && outN > 0) {
            throw GilfreeException.value("zero-size array to reduction operation " + op.ufuncName() + " which has no identity");
        }
        MemorySegment s = c.segment();
        double[] r = new double[2];
        for (long o = 0; o < outN; o++) {
            long base = o * run * isz;
            long j0 = init == null ? 1 : 0;
            r[0] = init == null ? Elements.getDouble(t, s, base) : init[0];
            r[1] = init == null ? Elements.getImag(t, s, base) : init[1];
            for (long j = j0; j < run; j++) step(op, t, r, s, base + j * isz);
            Elements.setComplex(t, out.segment(), o * isz, r[0], r[1]);
        }
    }

    /** out[..., i, ...] = a[..., 0, ...] op ... op a[..., i, ...] along {@code axis}; out has a's dtype and shape. */
    static void accumulate(BinaryOp op, NDArray a, int axis, NDArray out) {
        check(op);
        DType t = a.dtype();
        long[] outer = a.shape().clone();
        long n = outer[axis], sa = a.strides()[axis], so = out.strides()[axis];
        outer[axis] = 1;
        MemorySegment as = a.segment(), os = out.segment();
        Iteration.run(outer, new long[][] {a.strides(), out.strides()}, new long[] {a.offset(), out.offset()}, (off, st, cnt) -> {
            double[] r = new double[2];
            for (long k = 0; k < cnt; k++) {
                long ao = off[0] + k * st[0], oo = off[1] + k * st[1];
                for (long i = 0; i < n; i++) {
                    if (i == 0) { r[0] = Elements.getDouble(t, as, ao); r[1] = Elements.getImag(t, as, ao); }
                    else step(op, t, r, as, ao + i * sa);
                    Elements.setComplex(t, os, oo + i * so, r[0], r[1]);
                }
            }
        });
    }

    // r = r op a[off], rounded to complex64 when t is
    private static void step(BinaryOp op, DType t, double[] r, MemorySegment s, long off) {
        ComplexLoops.combine(op, r[0], r[1], Elements.getDouble(t, s, off), Elements.getImag(t, s, off), t == DType.COMPLEX64, r);
        if (t == DType.COMPLEX64) { r[0] = (float) r[0]; r[1] = (float) r[1]; }
    }

    private static void check(BinaryOp op) {
        if (op.boolOut()) throw GilfreeException.type("ufunc '" + op.ufuncName() + "' accumulate is not supported for complex input");
    }
}
