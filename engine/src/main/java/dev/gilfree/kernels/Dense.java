package dev.gilfree.kernels;

/**
 * Dense linear algebra on row-major double[] matrices (one matrix of a stack at a time): matrix product,
 * LU (det, solve, inverse), Householder QR, Cholesky, Jacobi symmetric eigensolver and one-sided Jacobi SVD.
 * Straightforward O(n^3) algorithms, chosen for accuracy and clarity over speed.
 */
public final class Dense {
    private Dense() {}

    /** C (n×m) += A (n×k) · B (k×m); i-k-j order so the inner loop runs over contiguous rows. */
    public static void matmul(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                if (aip == 0 && Double.isFinite(aip)) {
                    boolean finite = true;
                    for (int j = 0; j < m && finite; j++) finite = Double.isFinite(b[p * m + j]);
                    if (finite) continue;
                }
                int bp = p * m;
                for (int j = 0; j < m; j++) c[ci + j] += aip * b[bp + j];
            }
        }
    }

    /** Integer product with wrap-around (int64 accumulation). */
    public static void matmulLong(long[] a, long[] b, long[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                long aip = a[i * k + p];
                if (aip == 0) continue;
                for (int j = 0; j < m; j++) c[i * m + j] += aip * b[p * m + j];
            }
        }
    }

    /** In-place LU with partial pivoting of n×n a; returns the permutation sign (0 when singular). */
    public static int lu(double[] a, int n, int[] piv) {
        int sign = 1;
        for (int i = 0; i < n; i++) piv[i] = i;
        for (int c = 0; c < n; c++) {
            int p = c;
            double best = Math.abs(a[c * n + c]);
            for (int r = c + 1; r < n; r++) {
                double v = Math.abs(a[r * n + c]);
                if (v > best) { best = v; p = r; }
            }
            if (best == 0) { sign = 0; continue; }
            if (p != c) {
                for (int j = 0; j < n; j++) {
                    double t = a[c * n + j]; a[c * n + j] = a[p * n + j]; a[p * n + j] = t;
                }
                int t = piv[c]; piv[c] = piv[p]; piv[p] = t;
                sign = -sign;
            }
            double d = a[c * n + c];
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] / d;
                a[r * n + c] = f;
                if (f != 0) for (int j = c + 1; j < n; j++) a[r * n + j] -= f * a[c * n + j];
            }
        }
        return sign;
    }

    public static double det(double[] m, int n) {
        double[] a = m.clone();
        int sign = lu(a, n, new int[n]);
        if (sign == 0) return 0.0;
        double d = sign;
        for (int i = 0; i < n; i++) d *= a[i * n + i];
        return d;
    }

    /** log|det| and sign. */
    public static double[] slogdet(double[] m, int n) {
        double[] a = m.clone();
        int sign = lu(a, n, new int[n]);
        if (sign == 0) return new double[]{0.0, Double.NEGATIVE_INFINITY};
        double s = sign, l = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i * n + i];
            if (v < 0) s = -s;
            l += Math.log(Math.abs(v));
        }
        return new double[]{s, l};
    }

    /** Solves A X = B (A n×n, B n×m); false when A is singular. */
    public static boolean solve(double[] am, int n, double[] b, int m, double[] x) {
        double[] a = am.clone();
        int[] piv = new int[n];
        if (lu(a, n, piv) == 0) return false;
        for (int col = 0; col < m; col++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[piv[i] * m + col];
                for (int j = 0; j < i; j++) s -= a[i * n + j] * y[j];
                y[i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int j = i + 1; j < n; j++) s -= a[i * n + j] * x[j * m + col];
                x[i * m + col] = s / a[i * n + i];
            }
        }
        return true;
    }

    /** Lower Cholesky factor L (A = L Lᵀ); false when A is not positive definite. */
    public static boolean cholesky(double[] a, int n, double[] l) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                if (i == j) {
                    if (!(s > 0)) return false;
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return true;
    }

    /** Householder QR of m×n a: q (m×k), r (k×n), k = min(m, n) (NumPy's 'reduced' mode). */
    public static void qr(double[] a0, int m, int n, double[] q, double[] r) {
        int k = Math.min(m, n);
        double[] a = a0.clone();
        double[][] vs = new double[k][];
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int i = c; i < m; i++) norm = Math.hypot(norm, a[i * n + c]);
            double[] v = new double[m];
            if (norm != 0) {
                double alpha = a[c * n + c] > 0 ? -norm : norm;
                for (int i = c; i < m; i++) v[i] = a[i * n + c];
                v[c] -= alpha;
                double vn = 0;
                for (int i = c; i < m; i++) vn += v[i] * v[i];
                if (vn > 0) {
                    for (int j = c; j < n; j++) {
                        double s = 0;
                        for (int i = c; i < m; i++) s += v[i] * a[i * n + j];
                        s = 2 * s / vn;
                        for (int i = c; i < m; i++) a[i * n + j] -= s * v[i];
                    }
                    double sc = Math.sqrt(vn);
                    for (int i = c; i < m; i++) v[i] /= sc;
                } else {
                    v = new double[m];
                }
            }
            vs[c] = v;
        }
        for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) r[i * n + j] = j >= i ? a[i * n + j] : 0.0;
        // Q = H0 H1 ... H(k-1) applied to the first k columns of the identity
        for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) q[i * k + j] = i == j ? 1.0 : 0.0;
        for (int c = k - 1; c >= 0; c--) {
            double[] v = vs[c];
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = c; i < m; i++) s += v[i] * q[i * k + j];
                s *= 2;
                if (s != 0) for (int i = c; i < m; i++) q[i * k + j] -= s * v[i];
            }
        }
    }

    /** Symmetric eigen-decomposition by cyclic Jacobi: w ascending, v columns the eigenvectors (n×n). */
    public static void eighJacobi(double[] a0, int n, double[] w, double[] v) {
        double[] a = a0.clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) v[i * n + j] = i == j ? 1 : 0;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
            if (off == 0 || off < 1e-300) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (apq == 0) continue;
                    double app = a[p * n + p], aqq = a[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) { order[i] = i; d[i] = a[i * n + i]; }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d[x], d[y]));
        double[] vv = v.clone();
        for (int j = 0; j < n; j++) {
            w[j] = d[order[j]];
            for (int i = 0; i < n; i++) v[i * n + j] = vv[i * n + order[j]];
        }
    }

    /**
     * Thin SVD of m×n a by one-sided Jacobi: u (m×k), s (k, descending), vt (k×n), k = min(m, n).
     */
    public static void svd(double[] a0, int m, int n, double[] u, double[] s, double[] vt) {
        boolean tall = m >= n;
        int rows = tall ? m : n, cols = tall ? n : m;
        double[] a = new double[rows * cols];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) {
            if (tall) a[i * cols + j] = a0[i * n + j]; else a[j * cols + i] = a0[i * n + j];
        }
        double[] v = new double[cols * cols];
        for (int i = 0; i < cols; i++) v[i * cols + i] = 1;
        for (int sweep = 0; sweep < 80; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < cols; p++) {
                for (int q = p + 1; q < cols; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < rows; i++) {
                        double x = a[i * cols + p], y = a[i * cols + q];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.sqrt(1 + t * t), sn = c * t;
                    for (int i = 0; i < rows; i++) {
                        double x = a[i * cols + p], y = a[i * cols + q];
                        a[i * cols + p] = c * x - sn * y;
                        a[i * cols + q] = sn * x + c * y;
                    }
                    for (int i = 0; i < cols; i++) {
                        double x = v[i * cols + p], y = v[i * cols + q];
                        v[i * cols + p] = c * x - sn * y;
                        v[i * cols + q] = sn * x + c * y;
                    }
                }
            }
            if (!rotated) break;
        }
        double[] sv = new double[cols];
        for (int j = 0; j < cols; j++) {
            double nn = 0;
            for (int i = 0; i < rows; i++) nn = Math.hypot(nn, a[i * cols + j]);
            sv[j] = nn;
        }
        Integer[] order = new Integer[cols];
        for (int i = 0; i < cols; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sv[y], sv[x]));
        int k = cols;
        // left vectors U' (rows×k) = A V / s; right vectors V (cols×k)
        double[] uu = new double[rows * k], vv = new double[cols * k];
        for (int jj = 0; jj < k; jj++) {
            int j = order[jj];
            s[jj] = sv[j];
            for (int i = 0; i < rows; i++) uu[i * k + jj] = sv[j] == 0 ? 0 : a[i * cols + j] / sv[j];
            for (int i = 0; i < cols; i++) vv[i * k + jj] = v[i * cols + j];
        }
        completeOrthonormal(uu, rows, k, s);
        // tall: A = U S Vᵀ with U = uu, Vᵀ = vvᵀ. wide (we decomposed Aᵀ = uu S vvᵀ): A = vv S uuᵀ.
        double[] left = tall ? uu : vv, right = tall ? vv : uu;
        int lrows = tall ? rows : cols, rrows = tall ? cols : rows;
        for (int i = 0; i < lrows; i++) for (int j = 0; j < k; j++) u[i * k + j] = left[i * k + j];
        for (int j = 0; j < k; j++) for (int i = 0; i < rrows; i++) vt[j * rrows + i] = right[i * k + j];
    }

    // Columns of u with zero singular value get orthonormal replacements (Gram-Schmidt against the rest).
    private static void completeOrthonormal(double[] u, int rows, int k, double[] s) {
        for (int j = 0; j < k; j++) {
            if (s[j] != 0) continue;
            for (int e = 0; e < rows; e++) {
                double[] cand = new double[rows];
                cand[e] = 1;
                for (int c = 0; c < k; c++) {
                    if (c == j || (s[c] == 0 && c > j)) continue;
                    double d = 0;
                    for (int i = 0; i < rows; i++) d += u[i * k + c] * cand[i];
                    for (int i = 0; i < rows; i++) cand[i] -= d * u[i * k + c];
                }
                double nn = 0;
                for (int i = 0; i < rows; i++) nn = Math.hypot(nn, cand[i]);
                if (nn > 1e-8) {
                    for (int i = 0; i < rows; i++) u[i * k + j] = cand[i] / nn;
                    break;
                }
            }
        }
    }
}
