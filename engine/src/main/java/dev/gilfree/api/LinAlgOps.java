package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Promotion;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Matmul;
import dev.gilfree.kernels.Dense;
import dev.gilfree.kernels.Lapack;
import dev.gilfree.kernels.OpenBlas;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Linear algebra over stacks of matrices (the last two axes): matmul and the gf.linalg
 * decompositions. det, slogdet, inv, solve and cholesky go to LAPACK (kernels/Lapack) when OpenBLAS loaded,
 * in the input's precision, complex included; the rest, and everything without it, run the Java kernels in
 * double, float32 input giving float32 results (as NumPy). Errors that
 * NumPy reports as LinAlgError have that Python type.
 */
@Facade("LinAlg")
final class LinAlgOps {
    private LinAlgOps() {}

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private static GilfreeException linAlgError(String msg) { return new GilfreeException(GilfreeException.PyType.LinAlgError, msg); }

    /** Result float type of a decomposition: float32 stays, everything else computes in float64. */
    private static DType floatType(DType t) { return t == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64; }

    private static double[] readMatrix(NDArray c, long start, int count) {
        double[] m = new double[count];
        MemorySegment.copy(c.segment(), D, start * 8, m, 0, count);
        return m;
    }

    private static NDArray writeAll(double[][] mats, long[] shape, DType t) {
        NDArray out = NDArray.zeros(DType.FLOAT64, shape);
        long pos = 0;
        for (double[] m : mats) {
            MemorySegment.copy(m, 0, out.segment(), D, pos * 8, m.length);
            pos += m.length;
        }
        return t == DType.FLOAT64 ? out : Copy.astype(out, t);
    }

    private static NDArray f64(NDArray a) {
        return a.dtype() == DType.FLOAT64 && a.isCContiguous() && a.offset() == 0 ? a : Copy.astype(a, DType.FLOAT64);
    }

    private static long batch(long[] shape, int core) {
        long b = 1;
        for (int i = 0; i < shape.length - core; i++) b *= shape[i];
        return b;
    }

    private static long[] withCore(long[] shape, int drop, long... core) {
        long[] out = Arrays.copyOf(shape, shape.length - drop + core.length);
        System.arraycopy(core, 0, out, shape.length - drop, core.length);
        return out;
    }

    private static int[] square(NDArray a) {
        long[] s = a.shape();
        if (s.length < 2) throw linAlgError(s.length + "-dimensional array given. Array must be at least two-dimensional");
        if (s[s.length - 1] != s[s.length - 2]) throw linAlgError("Last 2 dimensions of the array must be square");
        return new int[]{(int) s[s.length - 1]};
    }

    // ---------------- matmul ----------------

    /** a (..., n, k) @ b (..., k, m) with broadcast batch axes (1-D operands are handled by the caller). */
    @Entry(reads = {"a", "b"}, sample = "xp.matmul(a, b.T)")
    static NDArray matmul(NDArray a, NDArray b) { return Matmul.matmul(a, b); }

    // ---------------- decompositions ----------------

    /** True when linalg of dtype t goes to LAPACK; complex input without it is a TypeError (the Java kernels are real). */
    private static boolean lapack(DType t) {
        if (Lapack.handles(t)) return true;
        if (t.kind() == 'c') throw GilfreeException.type("gilfree.linalg needs OpenBLAS for complex arrays: " + OpenBlas.backend());
        return false;
    }

    @Entry(reads = "a", sample = "xp.linalg.det(a[:, :3])")
    static NDArray det(NDArray a) {
        int n = square(a)[0];
        if (lapack(a.dtype())) return Lapack.det(a);
        NDArray c = f64(a);
        long nb = batch(a.shape(), 2);
        double[][] r = new double[(int) nb][];
        for (int i = 0; i < nb; i++) r[i] = new double[]{Dense.det(readMatrix(c, (long) i * n * n, n * n), n)};
        return writeAll(r, Arrays.copyOf(a.shape(), a.ndim() - 2), floatType(a.dtype()));
    }

    /** {sign, logabsdet}. */
    @Entry(reads = "a", sample = "xp.linalg.slogdet(a[:, :3])")
    static NDArray[] slogdet(NDArray a) {
        int n = square(a)[0];
        if (lapack(a.dtype())) return Lapack.slogdet(a);
        NDArray c = f64(a);
        int nb = (int) batch(a.shape(), 2);
        double[][] s = new double[nb][], l = new double[nb][];
        for (int i = 0; i < nb; i++) {
            double[] r = Dense.slogdet(readMatrix(c, (long) i * n * n, n * n), n);
            s[i] = new double[]{r[0]};
            l[i] = new double[]{r[1]};
        }
        long[] bs = Arrays.copyOf(a.shape(), a.ndim() - 2);
        return new NDArray[]{writeAll(s, bs, floatType(a.dtype())), writeAll(l, bs, floatType(a.dtype()))};
    }

    @Entry(reads = "a", sample = "xp.linalg.inv(a[:, :3] + 5.0 * xp.eye(3))")
    static NDArray inv(NDArray a) {
        int n = square(a)[0];
        if (lapack(a.dtype())) return Lapack.inv(a);
        NDArray c = f64(a);
        int nb = (int) batch(a.shape(), 2);
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) eye[i * n + i] = 1;
        double[][] r = new double[nb][];
        for (int i = 0; i < nb; i++) {
            r[i] = new double[n * n];
            if (!Dense.solve(readMatrix(c, (long) i * n * n, n * n), n, eye, n, r[i])) throw linAlgError("Singular matrix");
        }
        return writeAll(r, a.shape(), floatType(a.dtype()));
    }

    /** a (..., n, n), b (..., n, m) with the same batch shape (the caller broadcasts). */
    @Entry(reads = {"a", "b"}, sample = "xp.linalg.solve(a[:, :3] + 5.0 * xp.eye(3), b[:, :2])")
    static NDArray solve(NDArray a, NDArray b) {
        int n = square(a)[0];
        long[] sb = b.shape();
        int m = (int) sb[sb.length - 1];
        if (sb[sb.length - 2] != n) {
            throw GilfreeException.value("solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                    + "(m,m),(m,n)->(m,n) (size " + sb[sb.length - 2] + " is different from " + n + ")");
        }
        if (batch(sb, 2) != batch(a.shape(), 2)) throw GilfreeException.value("solve: batch shapes differ");
        DType promoted = Promotion.promote(a.dtype(), b.dtype());
        if (lapack(promoted)) return Lapack.solve(a, b, promoted);
        NDArray c = f64(a), d = f64(b);
        int nb = (int) batch(a.shape(), 2);
        double[][] r = new double[nb][];
        for (int i = 0; i < nb; i++) {
            r[i] = new double[n * m];
            if (!Dense.solve(readMatrix(c, (long) i * n * n, n * n), n, readMatrix(d, (long) i * n * m, n * m), m, r[i])) {
                throw linAlgError("Singular matrix");
            }
        }
        return writeAll(r, sb, floatType(Promotion.promote(a.dtype(), b.dtype())));
    }

    @Entry(reads = "a", sample = "xp.linalg.cholesky(a[:, :3] @ a[:, :3].T + 5.0 * xp.eye(3))")
    static NDArray cholesky(NDArray a, boolean upper) {
        int n = square(a)[0];
        if (lapack(a.dtype())) return Lapack.cholesky(a, upper);
        NDArray c = f64(a);
        int nb = (int) batch(a.shape(), 2);
        double[][] r = new double[nb][];
        for (int i = 0; i < nb; i++) {
            r[i] = new double[n * n];
            if (!Dense.cholesky(readMatrix(c, (long) i * n * n, n * n), n, r[i])) throw linAlgError("Matrix is not positive definite");
            if (upper) r[i] = transpose(r[i], n, n);
        }
        return writeAll(r, a.shape(), floatType(a.dtype()));
    }

    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
    }

    /** {q, r} in NumPy's 'reduced' mode. */
    @Entry(reads = "a", sample = "xp.linalg.qr(a)")
    static NDArray[] qr(NDArray a) {
        long[] s = a.shape();
        if (s.length < 2) throw linAlgError(s.length + "-dimensional array given. Array must be at least two-dimensional");
        int m = (int) s[s.length - 2], n = (int) s[s.length - 1], k = Math.min(m, n);
        NDArray c = f64(a);
        int nb = (int) batch(s, 2);
        double[][] q = new double[nb][], r = new double[nb][];
        for (int i = 0; i < nb; i++) {
            q[i] = new double[m * k];
            r[i] = new double[k * n];
            Dense.qr(readMatrix(c, (long) i * m * n, m * n), m, n, q[i], r[i]);
        }
        DType t = floatType(a.dtype());
        return new NDArray[]{writeAll(q, withCore(s, 2, m, k), t), writeAll(r, withCore(s, 2, k, n), t)};
    }

    /** {eigenvalues ascending, eigenvectors as columns}; uses the lower triangle (UPLO='L'), as NumPy. */
    @Entry(reads = "a", sample = "xp.linalg.eigh(a[:, :3] + a[:, :3].T)")
    static NDArray[] eigh(NDArray a, boolean upper) {
        int n = square(a)[0];
        NDArray c = f64(a);
        int nb = (int) batch(a.shape(), 2);
        double[][] w = new double[nb][], v = new double[nb][];
        for (int i = 0; i < nb; i++) {
            double[] x = readMatrix(c, (long) i * n * n, n * n);
            for (int p = 0; p < n; p++) for (int q = 0; q < n; q++) {
                boolean lowerPart = p >= q;
                if (lowerPart != !upper && p != q) x[p * n + q] = x[q * n + p];
            }
            w[i] = new double[n];
            v[i] = new double[n * n];
            Dense.eighJacobi(x, n, w[i], v[i]);
        }
        DType t = floatType(a.dtype());
        return new NDArray[]{writeAll(w, Arrays.copyOf(a.shape(), a.ndim() - 1), t), writeAll(v, a.shape(), t)};
    }

    /** {u, s, vh}; full: u (m×m) and vh (n×n) completed to orthonormal bases. */
    @Entry(reads = "a", sample = "xp.linalg.svd(a)")
    static NDArray[] svd(NDArray a, boolean full) {
        long[] sh = a.shape();
        if (sh.length < 2) throw linAlgError(sh.length + "-dimensional array given. Array must be at least two-dimensional");
        int m = (int) sh[sh.length - 2], n = (int) sh[sh.length - 1], k = Math.min(m, n);
        NDArray c = f64(a);
        int nb = (int) batch(sh, 2);
        int ur = full ? m : k, vr = full ? n : k;
        double[][] u = new double[nb][], s = new double[nb][], vt = new double[nb][];
        for (int i = 0; i < nb; i++) {
            double[] uu = new double[m * k], ss = new double[k], vv = new double[k * n];
            Dense.svd(readMatrix(c, (long) i * m * n, m * n), m, n, uu, ss, vv);
            s[i] = ss;
            u[i] = full ? extendColumns(uu, m, k) : uu;
            vt[i] = full ? transpose(extendColumns(transpose(vv, k, n), n, k), n, n) : vv;
        }
        DType t = floatType(a.dtype());
        return new NDArray[]{writeAll(u, withCore(sh, 2, m, ur), t), writeAll(s, withCore(sh, 2, k), t),
            writeAll(vt, withCore(sh, 2, vr, n), t)};
    }

    // rows×k orthonormal columns → rows×rows orthonormal (Gram-Schmidt on unit vectors).
    private static double[] extendColumns(double[] q, int rows, int k) {
        double[] out = new double[rows * rows];
        for (int i = 0; i < rows; i++) for (int j = 0; j < k; j++) out[i * rows + j] = q[i * k + j];
        int col = k;
        for (int e = 0; e < rows && col < rows; e++) {
            double[] v = new double[rows];
            v[e] = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < col; c++) {
                    double d = 0;
                    for (int i = 0; i < rows; i++) d += out[i * rows + c] * v[i];
                    for (int i = 0; i < rows; i++) v[i] -= d * out[i * rows + c];
                }
            }
            double nn = 0;
            for (int i = 0; i < rows; i++) nn = Math.hypot(nn, v[i]);
            if (nn > 1e-6) {
                for (int i = 0; i < rows; i++) out[i * rows + col] = v[i] / nn;
                col++;
            }
        }
        return out;
    }

    /** Swaps the last two axes (a view). */
    @Entry
    static NDArray matrixTranspose(NDArray a) {
        int nd = a.ndim();
        if (nd < 2) throw GilfreeException.value("x must be at least 2-dimensional for matrix_transpose");
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = i;
        perm[nd - 1] = nd - 2;
        perm[nd - 2] = nd - 1;
        return ReduceOps.transpose(a, perm);
    }
}
