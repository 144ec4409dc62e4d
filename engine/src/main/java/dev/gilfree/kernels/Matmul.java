package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Promotion;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Batched matrix products over the last two axes, batch axes broadcast (np.matmul): floats and complex go to
 * OpenBLAS ({@link BlasMatmul}) when it loaded; integers, and everything when it did not, run the Java kernels here.
 */
public final class Matmul {
    private Matmul() {}

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** a (..., n, k) @ b (..., k, m) with broadcast batch axes (1-D operands are handled by the caller). */
    public static NDArray matmul(NDArray a, NDArray b) {
        long[] sa = a.shape(), sb = b.shape();
        int n = (int) sa[sa.length - 2], k = (int) sa[sa.length - 1], k2 = (int) sb[sb.length - 2], m = (int) sb[sb.length - 1];
        if (k != k2) {
            throw GilfreeException.value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                    + "(n?,k),(k,m?)->(n?,m?) (size " + k2 + " is different from " + k + ")");
        }
        DType t = Promotion.promote(a.dtype(), b.dtype());
        long[] ba = Arrays.copyOf(sa, sa.length - 2), bb = Arrays.copyOf(sb, sb.length - 2);
        long[] bshape = Iteration.broadcastShapes(ba, bb);
        if (BlasMatmul.handles(t)) return BlasMatmul.matmul(a, b, t, bshape, n, k, m);
        if (t.kind() == 'c') return complexMatmul(a, b, t);
        long nb = Layout.size(bshape);
        boolean fl = t.isFloating();
        DType work = fl ? DType.FLOAT64 : DType.INT64;
        // float64 C-contiguous operands are read in place (no copy); the others are converted first.
        NDArray ac = fl && a.dtype() == DType.FLOAT64 && a.isCContiguous() ? a : Copy.astype(a, work);
        NDArray bc = fl && b.dtype() == DType.FLOAT64 && b.isCContiguous() ? b : Copy.astype(b, work);
        long[] strA = Iteration.broadcastStrides(ba, Layout.cStrides(ba, n * k), bshape);
        long[] strB = Iteration.broadcastStrides(bb, Layout.cStrides(bb, k * m), bshape);
        long[] oshape = Arrays.copyOf(bshape, bshape.length + 2);
        oshape[bshape.length] = n;
        oshape[bshape.length + 1] = m;
        NDArray out = NDArray.zeros(work, oshape);
        long[] idx = new long[bshape.length];
        for (long bi = 0; bi < nb; bi++) {
            long oa = 0, ob = 0;
            for (int d = 0; d < idx.length; d++) { oa += idx[d] * strA[d]; ob += idx[d] * strB[d]; }
            if (fl && Gemm.worthBlocking(n, k, m)) {
                Gemm.multiply(ac.segment(), ac.offset() + oa * 8, bc.segment(), bc.offset() + ob * 8,
                        out.segment(), bi * n * m * 8, n, k, m);
            } else if (fl) {
                double[] x = new double[n * k], y = new double[k * m], z = new double[n * m];
                MemorySegment.copy(ac.segment(), D, ac.offset() + oa * 8, x, 0, n * k);
                MemorySegment.copy(bc.segment(), D, bc.offset() + ob * 8, y, 0, k * m);
                Dense.matmul(x, y, z, n, k, m);
                MemorySegment.copy(z, 0, out.segment(), D, bi * n * m * 8, n * m);
            } else {
                long[] x = new long[n * k], y = new long[k * m], z = new long[n * m];
                MemorySegment.copy(ac.segment(), ValueLayout.JAVA_LONG_UNALIGNED, oa * 8, x, 0, n * k);
                MemorySegment.copy(bc.segment(), ValueLayout.JAVA_LONG_UNALIGNED, ob * 8, y, 0, k * m);
                Dense.matmulLong(x, y, z, n, k, m);
                MemorySegment.copy(z, 0, out.segment(), ValueLayout.JAVA_LONG_UNALIGNED, bi * n * m * 8, n * m);
            }
            for (int d = idx.length - 1; d >= 0; d--) {
                if (++idx[d] < bshape[d]) break;
                idx[d] = 0;
            }
        }
        return out.dtype() == t ? out : Copy.astype(out, t);
    }

    // (Ar + iAi)(Br + iBi) = (ArBr - AiBi) + i(ArBi + AiBr): four real products of the parts' views
    private static NDArray complexMatmul(NDArray a, NDArray b, DType t) {
        NDArray ac = a.dtype() == t ? a : Copy.astype(a, t), bc = b.dtype() == t ? b : Copy.astype(b, t);
        NDArray ar = ac.complexPart(false), ai = ac.complexPart(true);
        NDArray br = bc.complexPart(false), bi = bc.complexPart(true);
        NDArray rr = matmul(ar, br), out = NDArray.zeros(t, rr.shape());
        Elementwise.binary(BinaryOp.SUBTRACT, rr, matmul(ai, bi), out.complexPart(false));
        Elementwise.binary(BinaryOp.ADD, matmul(ar, bi), matmul(ai, br), out.complexPart(true));
        return out;
    }
}
