package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * np.matmul on stacks of float32/float64/complex64/complex128 matrices through OpenBLAS's ?gemm, one call
 * per matrix of the (broadcast) stack. Operands are read in place whenever their last two strides are legal
 * for BLAS (unit stride along rows or along columns: a transposed view becomes a trans flag); anything else
 * (other dtypes, odd strides, heap memory) is copied to a C-contiguous array first.
 *
 * <p>OpenBLAS runs single-threaded (see {@link OpenBlas}); parallelism comes from gilfree's executor:
 * a stack of small matrices splits over its matrices, one large product over blocks of rows of C (or of
 * columns when C is wide), each block an independent ?gemm call on views of A, B and C.
 */
public final class BlasMatmul {
    private BlasMatmul() {}

    /** Below this many multiply-adds (~128³) one product stays on the calling thread. */
    private static final long SPLIT_MACS = 1L << 21;

    private static final MemorySegment ONE_C = constant(ValueLayout.JAVA_FLOAT, 1), ZERO_C = constant(ValueLayout.JAVA_FLOAT, 0);
    private static final MemorySegment ONE_Z = constant(ValueLayout.JAVA_DOUBLE, 1), ZERO_Z = constant(ValueLayout.JAVA_DOUBLE, 0);

    private static MemorySegment constant(ValueLayout part, double re) {
        MemorySegment s = Arena.global().allocate(part.byteSize() * 2, part.byteSize());
        if (part == ValueLayout.JAVA_FLOAT) s.set(ValueLayout.JAVA_FLOAT, 0, (float) re);
        else s.set(ValueLayout.JAVA_DOUBLE, 0, re);
        return s;
    }

    /** True when products of dtype {@code t} (the promoted type) go to BLAS. */
    public static boolean handles(DType t) {
        return (t == DType.FLOAT32 || t == DType.FLOAT64 || t == DType.COMPLEX64 || t == DType.COMPLEX128) && OpenBlas.available();
    }

    /** One operand's matrices as BLAS sees them: base address, leading dimension, trans flag, batch strides. */
    private record Operand(MemorySegment seg, long offset, int ld, boolean trans, long[] batchStrides) {
        /** Byte offset of element (i, j) of matrix at batch offset {@code bo}, in the operand's own orientation. */
        long at(long bo, long i, long j, long item) {
            return offset + bo + (trans ? j * ld + i : i * ld + j) * item;
        }
    }

    /** a (..., n, k) @ b (..., k, m), broadcast batch shape {@code bshape}, result dtype {@code t}. */
    public static NDArray matmul(NDArray a, NDArray b, DType t, long[] bshape, int n, int k, int m) {
        long[] oshape = Arrays.copyOf(bshape, bshape.length + 2);
        oshape[bshape.length] = n;
        oshape[bshape.length + 1] = m;
        if ((long) n * k * m == 0 || Layout.size(bshape) == 0) return NDArray.zeros(t, oshape); // k = 0: a sum of nothing
        NDArray out = NDArray.empty(t, oshape);
        Operand x = operand(a, t, bshape), y = operand(b, t, bshape);
        long item = t.itemsize(), nb = Layout.size(bshape), macs = (long) n * k * m;
        MemorySegment c = out.segment();
        long co = out.offset();
        if (nb > 1 && nb >= Parallel.numThreads() && Parallel.worthSplitting(nb * macs / 16)) {
            // Enough matrices to keep every thread busy: split over them, each product single-threaded.
            Parallel.run((int) nb, bi -> {
                long[] idx = unravel(bi, bshape);
                gemm(t, x, dot(idx, x.batchStrides), y, dot(idx, y.batchStrides), c, co + bi * n * m * item, m, 0, n, 0, m, k);
                return 0;
            });
        } else {
            for (long bi = 0; bi < nb; bi++) {
                long[] idx = unravel(bi, bshape);
                product(t, x, dot(idx, x.batchStrides), y, dot(idx, y.batchStrides), c, co + bi * n * m * item, n, m, k);
            }
        }
        return out;
    }

    /** One matrix of the stack; a large one is cut into blocks of rows (or columns, when C is wide) over the executor. */
    private static void product(DType t, Operand x, long xo, Operand y, long yo, MemorySegment c, long co, int n, int m, int k) {
        long macs = (long) n * k * m;
        int parts = Parallel.worthSplitting(macs / 16) ? Math.min(Parallel.numThreads(), Math.max(n, m) / 16) : 1;
        if (parts <= 1) {
            gemm(t, x, xo, y, yo, c, co, m, 0, n, 0, m, k);
            return;
        }
        boolean byRows = n >= m;
        int len = byRows ? n : m, step = (len + parts - 1) / parts;
        Parallel.run(parts, p -> {
            int lo = p * step, hi = Math.min(len, lo + step);
            if (lo >= hi) return 0;
            if (byRows) gemm(t, x, xo, y, yo, c, co, m, lo, hi, 0, m, k);
            else gemm(t, x, xo, y, yo, c, co, m, 0, n, lo, hi, k);
            return 0;
        });
    }

    /** C[r0:r1, c0:c1] = A[r0:r1, :] · B[:, c0:c1] for one matrix of the stack (C row-major, row length ldc). */
    private static void gemm(DType t, Operand x, long xo, Operand y, long yo, MemorySegment c, long co, int ldc,
                             int r0, int r1, int c0, int c1, int k) {
        long item = t.itemsize();
        MemorySegment pa = x.seg.asSlice(x.at(xo, r0, 0, item)), pb = y.seg.asSlice(y.at(yo, 0, c0, item));
        MemorySegment pc = c.asSlice(co + ((long) r0 * ldc + c0) * item);
        int rows = r1 - r0, cols = c1 - c0;
        int ta = x.trans ? OpenBlas.TRANS : OpenBlas.NO_TRANS, tb = y.trans ? OpenBlas.TRANS : OpenBlas.NO_TRANS;
        OpenBlas.Lib lib = OpenBlas.lib();
        try {
            switch (t) {
                case FLOAT64 -> lib.dgemm().invokeExact(OpenBlas.ROW_MAJOR, ta, tb, rows, cols, k, 1.0, pa, x.ld, pb, y.ld, 0.0, pc, ldc);
                case FLOAT32 -> lib.sgemm().invokeExact(OpenBlas.ROW_MAJOR, ta, tb, rows, cols, k, 1.0f, pa, x.ld, pb, y.ld, 0.0f, pc, ldc);
                case COMPLEX64 -> complex(lib.cgemm(), ta, tb, rows, cols, k, ONE_C, pa, x.ld, pb, y.ld, ZERO_C, pc, ldc);
                case COMPLEX128 -> complex(lib.zgemm(), ta, tb, rows, cols, k, ONE_Z, pa, x.ld, pb, y.ld, ZERO_Z, pc, ldc);
                default -> throw new IllegalArgumentException("no BLAS product for " + t);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void complex(MethodHandle h, int ta, int tb, int rows, int cols, int k, MemorySegment one, MemorySegment pa,
                                int lda, MemorySegment pb, int ldb, MemorySegment zero, MemorySegment pc, int ldc) throws Throwable {
        h.invokeExact(OpenBlas.ROW_MAJOR, ta, tb, rows, cols, k, one, pa, lda, pb, ldb, zero, pc, ldc);
    }

    /**
     * The operand in a form BLAS reads: its own memory when the matrix strides are legal (positive, whole
     * elements, unit along one axis, the other at least the row length), a C-contiguous copy otherwise.
     */
    private static Operand operand(NDArray a, DType t, long[] bshape) {
        long item = t.itemsize();
        NDArray v = a.dtype() == t && a.segment().isNative() ? a : Copy.astype(a, t);
        long[] s = v.shape(), st = v.strides();
        int nd = s.length;
        long rows = s[nd - 2], cols = s[nd - 1];
        long rs = rows == 1 ? cols * item : st[nd - 2], cs = cols == 1 ? item : st[nd - 1];
        Operand o = legal(v, rows, cols, rs, cs, item, bshape);
        if (o == null) o = legal(Copy.astype(v, t), rows, cols, cols * item, item, item, bshape);
        return o;
    }

    private static Operand legal(NDArray v, long rows, long cols, long rs, long cs, long item, long[] bshape) {
        long[] s = v.shape(), st = v.strides();
        int nd = s.length;
        long[] batch = Iteration.broadcastStrides(Arrays.copyOf(s, nd - 2), Arrays.copyOf(st, nd - 2), bshape);
        if (rs % item != 0 || cs % item != 0) return null;
        long r = rs / item, c = cs / item;
        if (c == 1 && r >= Math.max(1, cols) && r <= Integer.MAX_VALUE) return new Operand(v.segment(), v.offset(), (int) r, false, batch);
        if (r == 1 && c >= Math.max(1, rows) && c <= Integer.MAX_VALUE) return new Operand(v.segment(), v.offset(), (int) c, true, batch);
        return null;
    }

    private static long[] unravel(long i, long[] shape) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = i % shape[d];
            i /= shape[d];
        }
        return idx;
    }

    private static long dot(long[] idx, long[] strides) {
        long o = 0;
        for (int d = 0; d < idx.length; d++) o += idx[d] * strides[d];
        return o;
    }
}
