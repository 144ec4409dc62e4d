package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * det, slogdet, inv, solve and cholesky on stacks of float32/float64/complex64/complex128 matrices through
 * the LAPACKE functions of the same OpenBLAS library ({@link OpenBlas}): LU (?getrf, ?getri, ?gesv) and
 * Cholesky (?potrf), row-major, each matrix of a stack factored in a contiguous copy of the result dtype.
 * Stacks split over gilfree's executor; each LAPACK call is single-threaded like every BLAS call here.
 * Singular and non-positive-definite matrices raise LinAlgError with NumPy's messages.
 */
public final class Lapack {
    private Lapack() {}

    private static final int ROW_MAJOR = 101;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout A = ValueLayout.ADDRESS;

    /** One dtype's routines. */
    private record Routines(MethodHandle getrf, MethodHandle getri, MethodHandle gesv, MethodHandle potrf) {}

    private static final class Holder {
        static final Routines[] BY_TYPE = load();
    }

    private static Routines[] load() {
        OpenBlas.Lib lib = OpenBlas.lib();
        try {
            // LAPACKE rejects NaN input by default (info = -arg); NumPy computes through it and returns NaN.
            lib.handle("LAPACKE_set_nancheck", FunctionDescriptor.ofVoid(I)).invokeExact(0);
        } catch (Throwable t) {
            throw new IllegalStateException("LAPACKE_set_nancheck", t);
        }
        Routines[] r = new Routines[4];
        String[] p = {"s", "d", "c", "z"};
        for (int i = 0; i < 4; i++) {
            r[i] = new Routines(
                    lib.handle("LAPACKE_" + p[i] + "getrf", FunctionDescriptor.of(I, I, I, I, A, I, A)),
                    lib.handle("LAPACKE_" + p[i] + "getri", FunctionDescriptor.of(I, I, I, A, I, A)),
                    lib.handle("LAPACKE_" + p[i] + "gesv", FunctionDescriptor.of(I, I, I, I, A, I, A, A, I)),
                    lib.handle("LAPACKE_" + p[i] + "potrf", FunctionDescriptor.of(I, I, ValueLayout.JAVA_BYTE, I, A, I)));
        }
        return r;
    }

    private static Routines of(DType t) {
        return Holder.BY_TYPE[switch (t) {
            case FLOAT32 -> 0;
            case FLOAT64 -> 1;
            case COMPLEX64 -> 2;
            case COMPLEX128 -> 3;
            default -> throw new IllegalArgumentException("no LAPACK routine for " + t);
        }];
    }

    /** The dtype LAPACK computes in for input of dtype {@code t} (NumPy's: float32 and complex stay, the rest float64). */
    public static DType computeType(DType t) {
        return switch (t) {
            case FLOAT32, COMPLEX64, COMPLEX128 -> t;
            default -> DType.FLOAT64;
        };
    }

    /** True when linalg of input dtype {@code t} goes to LAPACK. */
    public static boolean handles(DType t) { return OpenBlas.available(); }

    private static GilfreeException linAlgError(String msg) { return new GilfreeException(GilfreeException.PyType.LinAlgError, msg); }

    @FunctionalInterface
    private interface PerMatrix {
        void run(int index, Arena arena) throws Throwable;
    }

    /** Runs {@code body} for matrices 0..count-1, split over the executor when the stack is large. */
    private static void forEach(long count, long n, PerMatrix body) {
        Parallel.Chunk chunk = i -> {
            try (Arena arena = Arena.ofConfined()) {
                body.run(i, arena);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return 0;
        };
        if (count > 1 && Parallel.worthSplitting(count * n * n * n / 16)) Parallel.run((int) count, chunk);
        else for (int i = 0; i < count; i++) chunk.run(i);
    }

    private static long batch(long[] shape) { return Layout.size(Arrays.copyOf(shape, shape.length - 2)); }

    /** LU factors of every matrix in a fresh copy; {@code piv[i]} the pivots of matrix i (null when singular). */
    private record Lu(NDArray f, int n, MemorySegment[] piv) {}

    private static Lu lu(NDArray a, DType t, boolean singularIsError) {
        int n = (int) a.shape()[a.ndim() - 1];
        NDArray f = Copy.astype(a, t);
        long nb = batch(a.shape()), bytes = (long) n * n * t.itemsize();
        MemorySegment[] piv = new MemorySegment[(int) nb];
        MethodHandle getrf = of(t).getrf();
        forEach(nb, n, (i, arena) -> {
            MemorySegment ipiv = Arena.ofAuto().allocate(I, Math.max(1, n));
            int info = (int) getrf.invokeExact(ROW_MAJOR, n, n, f.segment().asSlice(f.offset() + i * bytes), Math.max(1, n), ipiv);
            if (info < 0) throw new IllegalStateException("?getrf: illegal argument " + -info);
            if (info > 0 && singularIsError) throw linAlgError("Singular matrix");
            piv[i] = info > 0 ? null : ipiv;
        });
        return new Lu(f, n, piv);
    }

    /** {sign, logabsdet} (sign complex for complex input), NumPy's slogdet of each matrix. */
    public static NDArray[] slogdet(NDArray a) {
        DType t = computeType(a.dtype());
        Lu lu = lu(a, t, false);
        int n = lu.n, nb = lu.piv.length;
        boolean cx = t.kind() == 'c';
        long item = t.itemsize();
        double[] sign = new double[cx ? 2 * nb : nb], log = new double[nb];
        for (int i = 0; i < nb; i++) {
            if (lu.piv[i] == null) { // exactly singular: sign 0, log|det| = -inf
                log[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double sr = 1, si = 0, l = 0;
            long base = lu.f.offset() + i * n * n * item;
            for (int j = 0; j < n; j++) {
                if (lu.piv[i].getAtIndex(I, j) != j + 1) sr = -sr;
            }
            si = 0;
            for (int j = 0; j < n; j++) {
                long at = base + ((long) j * n + j) * item;
                double re = read(lu.f, t, at, 0), im = cx ? read(lu.f, t, at, 1) : 0;
                double abs = Math.hypot(re, im);
                l += Math.log(abs);
                if (cx) { // multiply the phase by d / |d|
                    double pr = re / abs, pi = im / abs, nr = sr * pr - si * pi;
                    si = sr * pi + si * pr;
                    sr = nr;
                } else if (re < 0) {
                    sr = -sr;
                }
            }
            if (cx) { sign[2 * i] = sr; sign[2 * i + 1] = si; } else sign[i] = sr;
            log[i] = l;
        }
        long[] bs = Arrays.copyOf(a.shape(), a.ndim() - 2);
        DType real = t == DType.FLOAT32 || t == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
        return new NDArray[]{build(sign, bs, t), build(log, bs, real)};
    }

    /** det = sign · exp(logabsdet), as NumPy computes it. */
    public static NDArray det(NDArray a) {
        NDArray[] sl = slogdet(a);
        DType t = sl[0].dtype();
        double[] s = t.kind() == 'c' ? sl[0].toComplexArray() : sl[0].toDoubleArray(), l = sl[1].toDoubleArray();
        int w = t.kind() == 'c' ? 2 : 1;
        for (int i = 0; i < l.length; i++) {
            double e = Math.exp(l[i]);
            for (int p = 0; p < w; p++) s[w * i + p] *= e;
        }
        return build(s, sl[0].shape(), t);
    }

    public static NDArray inv(NDArray a) {
        DType t = computeType(a.dtype());
        Lu lu = lu(a, t, true);
        int n = lu.n;
        long bytes = (long) n * n * t.itemsize();
        MethodHandle getri = of(t).getri();
        forEach(lu.piv.length, n, (i, arena) -> {
            int info = (int) getri.invokeExact(ROW_MAJOR, n, lu.f.segment().asSlice(lu.f.offset() + i * bytes), Math.max(1, n), lu.piv[i]);
            if (info > 0) throw linAlgError("Singular matrix");
            if (info < 0) throw new IllegalStateException("?getri: illegal argument " + -info);
        });
        return lu.f;
    }

    /** a (..., n, n), b (..., n, m) with the same batch shape; the result has the promoted compute type. */
    public static NDArray solve(NDArray a, NDArray b, DType promoted) {
        DType t = computeType(promoted);
        int n = (int) a.shape()[a.ndim() - 1], m = (int) b.shape()[b.ndim() - 1];
        NDArray f = Copy.astype(a, t), x = Copy.astype(b, t);
        long ab = (long) n * n * t.itemsize(), bb = (long) n * m * t.itemsize();
        MethodHandle gesv = of(t).gesv();
        forEach(batch(a.shape()), n, (i, arena) -> {
            MemorySegment ipiv = arena.allocate(I, Math.max(1, n));
            int info = (int) gesv.invokeExact(ROW_MAJOR, n, m, f.segment().asSlice(f.offset() + i * ab), Math.max(1, n), ipiv,
                    x.segment().asSlice(x.offset() + i * bb), Math.max(1, m));
            if (info > 0) throw linAlgError("Singular matrix");
            if (info < 0) throw new IllegalStateException("?gesv: illegal argument " + -info);
        });
        return x;
    }

    /** L (lower, from a's lower triangle) or U = L^H (upper, from a's upper triangle); the other triangle zero. */
    public static NDArray cholesky(NDArray a, boolean upper) {
        DType t = computeType(a.dtype());
        int n = (int) a.shape()[a.ndim() - 1];
        NDArray f = Copy.astype(a, t);
        long item = t.itemsize(), bytes = (long) n * n * item;
        MethodHandle potrf = of(t).potrf();
        forEach(batch(a.shape()), n, (i, arena) -> {
            long base = f.offset() + i * bytes;
            int info = (int) potrf.invokeExact(ROW_MAJOR, (byte) (upper ? 'U' : 'L'), n, f.segment().asSlice(base), Math.max(1, n));
            if (info > 0) throw linAlgError("Matrix is not positive definite");
            if (info < 0) throw new IllegalStateException("?potrf: illegal argument " + -info);
            for (int r = 0; r < n; r++) { // LAPACK leaves the other triangle as it was
                int from = upper ? 0 : r + 1, to = upper ? r : n;
                if (to > from) f.segment().asSlice(base + ((long) r * n + from) * item, (long) (to - from) * item).fill((byte) 0);
            }
        });
        return f;
    }

    private static double read(NDArray f, DType t, long at, int part) {
        return t == DType.FLOAT32 || t == DType.COMPLEX64
                ? f.segment().get(ValueLayout.JAVA_FLOAT_UNALIGNED, at + part * 4L)
                : f.segment().get(ValueLayout.JAVA_DOUBLE_UNALIGNED, at + part * 8L);
    }

    private static NDArray build(double[] values, long[] shape, DType t) {
        NDArray d = t.kind() == 'c' ? NDArray.empty(DType.COMPLEX128, shape) : NDArray.empty(DType.FLOAT64, shape);
        MemorySegment.copy(values, 0, d.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED, d.offset(), values.length);
        return d.dtype() == t ? d : Copy.astype(d, t);
    }
}
