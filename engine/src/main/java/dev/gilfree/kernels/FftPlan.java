package dev.gilfree.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A complex discrete Fourier transform of one length n, on interleaved (re, im) doubles. Lengths whose
 * prime factors are small run a mixed-radix Stockham (self-sorting) Cooley-Tukey pass per factor (radix 4,
 * 2, and an odd-radix pass for 3, 5, 7, ...); lengths with a large prime factor run Bluestein's chirp
 * convolution through a plan of a 2-3-5-smooth length, so every length costs O(n log n). Plans are immutable
 * and shared by threads; callers pass their own scratch ({@link #scratchLength}).
 */
public final class FftPlan {
    /** Plans made so far, by length (cleared when it grows large: plans of big lengths hold O(n) tables). */
    private static final ConcurrentHashMap<Integer, FftPlan> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 64;

    final int n;
    private final int[] factors;
    private final double[][] twiddles;   // per pass: twiddle (j1, k2) at [2 * (j1 * (p - 1) + k2 - 1)]
    private final double[][] radixRoots; // per odd pass: cos and sin of 2*pi*q/p, q < p
    private final FftPlan inner;         // Bluestein: the plan of the convolution length, else null
    private final double[] chirp;        // Bluestein: exp(-i*pi*j^2/n), j < n
    private final double[] kernel;       // Bluestein: the forward transform of the conjugate chirp, scaled 1/m
    private volatile double[] halfRoots; // exp(-i pi k/n), k <= n, made on first use by a real transform of length 2n

    public static FftPlan of(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT length " + n);
        FftPlan p = CACHE.get(n);
        if (p != null) return p;
        p = new FftPlan(n);
        if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
        CACHE.putIfAbsent(n, p);
        return p;
    }

    private FftPlan(int n) {
        this.n = n;
        int[] f = factorize(n);
        if (useBluestein(n, f)) {
            int m = goodSize(2 * n - 1);
            inner = of(m);
            factors = new int[0];
            twiddles = radixRoots = null;
            chirp = new double[2 * n];
            long twoN = 2L * n;
            for (long j = 0; j < n; j++) root(j * j % twoN, twoN, chirp, (int) (2 * j));
            double[] b = new double[2 * m];
            b[0] = chirp[0];
            b[1] = -chirp[1];
            for (int j = 1; j < n; j++) {
                b[2 * j] = b[2 * (m - j)] = chirp[2 * j];
                b[2 * j + 1] = b[2 * (m - j) + 1] = -chirp[2 * j + 1];
            }
            inner.forward(b, new double[inner.scratchLength()]);
            for (int i = 0; i < 2 * m; i++) b[i] /= m;
            kernel = b;
            return;
        }
        inner = null;
        chirp = kernel = null;
        factors = f;
        twiddles = new double[f.length][];
        radixRoots = new double[f.length][];
        int l1 = 1;
        for (int s = 0; s < f.length; s++) {
            int p = f[s], m = n / (l1 * p);
            double[] t = new double[2 * m * (p - 1)];
            for (int j1 = 0; j1 < m; j1++) {
                for (int k2 = 1; k2 < p; k2++) root((long) j1 * k2 * l1, n, t, 2 * (j1 * (p - 1) + k2 - 1));
            }
            twiddles[s] = t;
            if (p != 2 && p != 4) {
                double[] r = new double[2 * p];
                for (int q = 0; q < p; q++) root(q, p, r, 2 * q);
                radixRoots[s] = r;
            }
            l1 *= p;
        }
    }

    /** exp(-i pi k/n) for k = 0..n: the twiddles that split a real transform of length 2n into this one. */
    double[] halfRoots() {
        double[] r = halfRoots;
        if (r == null) {
            r = new double[2 * n + 2];
            for (int k = 0; k <= n; k++) root(k, 2L * n, r, 2 * k);
            halfRoots = r;   // a racing thread computes the same table
        }
        return r;
    }

    /** Doubles of scratch {@link #forward} needs. */
    public int scratchLength() { return 2 * (inner == null ? n : inner.n); }

    /** In place: x (2n doubles) becomes its unnormalised forward transform, sum x[j] exp(-2 pi i jk/n). */
    public void forward(double[] x, double[] scratch) {
        if (n == 1) return;
        if (inner != null) {
            bluestein(x, scratch);
            return;
        }
        double[] a = x, b = scratch;
        int l1 = 1;
        for (int s = 0; s < factors.length; s++) {
            int p = factors[s], m = n / (l1 * p);
            switch (p) {
                case 4 -> pass4(a, b, l1, m, twiddles[s]);
                case 2 -> pass2(a, b, l1, m, twiddles[s]);
                case 3 -> pass3(a, b, l1, m, twiddles[s], radixRoots[s]);
                default -> passOdd(a, b, l1, m, p, twiddles[s], radixRoots[s]);
            }
            double[] t = a; a = b; b = t;
            l1 *= p;
        }
        if (a != x) System.arraycopy(a, 0, x, 0, 2 * n);
    }

    /** In place: the unnormalised backward transform, sum x[k] exp(+2 pi i jk/n). */
    public void backward(double[] x, double[] scratch) {
        for (int i = 1; i < 2 * n; i += 2) x[i] = -x[i];
        forward(x, scratch);
        for (int i = 1; i < 2 * n; i += 2) x[i] = -x[i];
    }

    // X[k] = c[k] * sum_j (x[j] c[j]) conj(c[k - j]): a cyclic convolution of length m >= 2n - 1.
    private void bluestein(double[] x, double[] scratch) {
        int m = inner.n;
        double[] c = chirp, kern = kernel;
        double[] a = new double[2 * m];
        for (int j = 0; j < n; j++) {
            double xr = x[2 * j], xi = x[2 * j + 1], cr = c[2 * j], ci = c[2 * j + 1];
            a[2 * j] = xr * cr - xi * ci;
            a[2 * j + 1] = xr * ci + xi * cr;
        }
        inner.forward(a, scratch);
        // multiply by the kernel and conjugate, so the inverse is one more forward transform
        for (int k = 0; k < m; k++) {
            double ar = a[2 * k], ai = a[2 * k + 1], br = kern[2 * k], bi = kern[2 * k + 1];
            a[2 * k] = ar * br - ai * bi;
            a[2 * k + 1] = -(ar * bi + ai * br);
        }
        inner.forward(a, scratch);
        for (int k = 0; k < n; k++) {
            double ar = a[2 * k], ai = -a[2 * k + 1], cr = c[2 * k], ci = c[2 * k + 1];
            x[2 * k] = ar * cr - ai * ci;
            x[2 * k + 1] = ar * ci + ai * cr;
        }
    }

    // One Stockham pass of radix p: l1 sub-transforms done so far, m = n / (l1 p) the new sub-length.
    // Input a[k + l1 (j1 + m j2)], output b[k + l1 (k2 + p j1)], k < l1, j1 < m.
    private static void pass2(double[] a, double[] b, int l1, int m, double[] tw) {
        int half = l1 * m;
        for (int j1 = 0; j1 < m; j1++) {
            double wr = tw[2 * j1], wi = tw[2 * j1 + 1];
            int in = 2 * l1 * j1, out = 2 * l1 * 2 * j1;
            for (int k = 0; k < 2 * l1; k += 2) {
                int i0 = in + k, i1 = i0 + 2 * half;
                double x0r = a[i0], x0i = a[i0 + 1], x1r = a[i1], x1i = a[i1 + 1];
                double dr = x0r - x1r, di = x0i - x1i;
                int o0 = out + k, o1 = o0 + 2 * l1;
                b[o0] = x0r + x1r;
                b[o0 + 1] = x0i + x1i;
                twiddled(b, o1, dr, di, wr, wi);
            }
        }
    }

    private static void pass4(double[] a, double[] b, int l1, int m, double[] tw) {
        int q = 2 * l1 * m, lo = 2 * l1;
        for (int j1 = 0; j1 < m; j1++) {
            int t = 6 * j1;
            double w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3], w3r = tw[t + 4], w3i = tw[t + 5];
            int in = 2 * l1 * j1, out = 2 * l1 * 4 * j1;
            for (int k = 0; k < lo; k += 2) {
                int i0 = in + k;
                double a0r = a[i0], a0i = a[i0 + 1];
                double a1r = a[i0 + q], a1i = a[i0 + q + 1];
                double a2r = a[i0 + 2 * q], a2i = a[i0 + 2 * q + 1];
                double a3r = a[i0 + 3 * q], a3i = a[i0 + 3 * q + 1];
                double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
                double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
                double y1r = t1r + t3i, y1i = t1i - t3r;   // t1 - i t3
                double y2r = t0r - t2r, y2i = t0i - t2i;
                double y3r = t1r - t3i, y3i = t1i + t3r;   // t1 + i t3
                int o = out + k;
                b[o] = t0r + t2r;
                b[o + 1] = t0i + t2i;
                twiddled(b, o + lo, y1r, y1i, w1r, w1i);
                twiddled(b, o + 2 * lo, y2r, y2i, w2r, w2i);
                twiddled(b, o + 3 * lo, y3r, y3i, w3r, w3i);
            }
        }
    }

    private static void pass3(double[] a, double[] b, int l1, int m, double[] tw, double[] roots) {
        int q = 2 * l1 * m, lo = 2 * l1;
        double c = roots[2], s = roots[3];   // cos(2pi/3) and -sin(2pi/3)
        for (int j1 = 0; j1 < m; j1++) {
            int t = 4 * j1;
            double w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
            int in = 2 * l1 * j1, out = 2 * l1 * 3 * j1;
            for (int k = 0; k < lo; k += 2) {
                int i0 = in + k;
                double a0r = a[i0], a0i = a[i0 + 1];
                double a1r = a[i0 + q], a1i = a[i0 + q + 1];
                double a2r = a[i0 + 2 * q], a2i = a[i0 + 2 * q + 1];
                double sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
                double mr = a0r + c * sr, mi = a0i + c * si;
                // y1 = m + i s d (s = -sin), y2 = m - i s d
                double y1r = mr - s * di, y1i = mi + s * dr, y2r = mr + s * di, y2i = mi - s * dr;
                int o = out + k;
                b[o] = a0r + sr;
                b[o + 1] = a0i + si;
                twiddled(b, o + lo, y1r, y1i, w1r, w1i);
                twiddled(b, o + 2 * lo, y2r, y2i, w2r, w2i);
            }
        }
    }

    // Odd radix p: pairs inputs j and p - j, so each output costs (p - 1) / 2 complex products per pair.
    private static void passOdd(double[] a, double[] b, int l1, int m, int p, double[] tw, double[] roots) {
        int q = 2 * l1 * m, lo = 2 * l1, h = (p - 1) / 2;
        double[] sr = new double[h + 1], si = new double[h + 1], dr = new double[h + 1], di = new double[h + 1];
        for (int j1 = 0; j1 < m; j1++) {
            int in = 2 * l1 * j1, out = 2 * l1 * p * j1, t = 2 * (p - 1) * j1;
            for (int k = 0; k < lo; k += 2) {
                int i0 = in + k;
                double x0r = a[i0], x0i = a[i0 + 1], totr = x0r, toti = x0i;
                for (int j = 1; j <= h; j++) {
                    int u = i0 + j * q, v = i0 + (p - j) * q;
                    sr[j] = a[u] + a[v];
                    si[j] = a[u + 1] + a[v + 1];
                    dr[j] = a[u] - a[v];
                    di[j] = a[u + 1] - a[v + 1];
                    totr += sr[j];
                    toti += si[j];
                }
                int o = out + k;
                b[o] = totr;
                b[o + 1] = toti;
                for (int k2 = 1; k2 <= h; k2++) {
                    // re/im of sum over pairs: s_j cos(2pi j k2/p) and i d_j (-sin(2pi j k2/p))
                    double cr = x0r, ci = x0i, er = 0, ei = 0;
                    int idx = 0;
                    for (int j = 1; j <= h; j++) {
                        idx += k2;
                        if (idx >= p) idx -= p;
                        double co = roots[2 * idx], sn = roots[2 * idx + 1];   // sn = -sin
                        cr += co * sr[j];
                        ci += co * si[j];
                        er += sn * dr[j];
                        ei += sn * di[j];
                    }
                    // y_k2 = c + i e, y_{p-k2} = c - i e
                    double y1r = cr - ei, y1i = ci + er, y2r = cr + ei, y2i = ci - er;
                    int w1 = t + 2 * (k2 - 1), w2 = t + 2 * (p - k2 - 1);
                    int o1 = o + k2 * lo, o2 = o + (p - k2) * lo;
                    twiddled(b, o1, y1r, y1i, tw[w1], tw[w1 + 1]);
                    twiddled(b, o2, y2r, y2i, tw[w2], tw[w2 + 1]);
                }
            }
        }
    }

    // b[o], b[o + 1] = (yr + i yi) (wr + i wi)
    private static void twiddled(double[] b, int o, double yr, double yi, double wr, double wi) {
        b[o] = yr * wr - yi * wi;
        b[o + 1] = yr * wi + yi * wr;
    }

    /** exp(-2 pi i num/den) into out[at], out[at + 1], reduced to the first octant so it is accurate to an ulp. */
    static void root(long num, long den, double[] out, int at) {
        long d = 8 * den, x = 8 * (num % den);
        double sSign = -1;   // exp(-i t) = cos t - i sin t
        if (x > d / 2) { x = d - x; sSign = 1; }
        double cSign = 1;
        if (x > d / 4) { x = d / 2 - x; cSign = -1; }
        boolean swap = false;
        if (x > d / 8) { x = d / 4 - x; swap = true; }
        double ang = 2 * Math.PI * ((double) x / d);
        double c = Math.cos(ang), s = Math.sin(ang);
        if (swap) { double t = c; c = s; s = t; }
        out[at] = cSign * c;
        out[at + 1] = sSign * s;
    }

    /** Factors for the passes: 4s first, then a 2, then odd primes ascending. */
    static int[] factorize(int n) {
        List<Integer> f = new ArrayList<>();
        int r = n;
        while (r % 4 == 0) { f.add(4); r /= 4; }
        if (r % 2 == 0) { f.add(2); r /= 2; }
        for (int p = 3; (long) p * p <= r; p += 2) {
            while (r % p == 0) { f.add(p); r /= p; }
        }
        if (r > 1) f.add(r);
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    // Direct passes cost about n * p per odd factor p; Bluestein two transforms of length m plus O(n + m).
    private static boolean useBluestein(int n, int[] f) {
        int largest = 1;
        for (int p : f) largest = Math.max(largest, p);
        if (largest <= 11) return false;
        double direct = 0;
        for (int p : f) direct += p <= 5 ? 2.5 : p;
        direct *= n;
        int m = goodSize(2 * n - 1);
        double blue = 0;
        for (int p : factorize(m)) blue += p <= 5 ? 2.5 : p;
        blue = 2.5 * m * blue + 6.0 * m;
        return blue < direct;
    }

    /** The smallest 2-3-5-smooth integer >= n. */
    static int goodSize(int n) {
        if (n <= 6) return n;
        long best = Long.MAX_VALUE;
        for (long f5 = 1; f5 < best; f5 *= 5) {
            for (long f35 = f5; f35 < best; f35 *= 3) {
                long x = f35;
                while (x < n) x *= 2;
                best = Math.min(best, x);
            }
        }
        return Math.toIntExact(best);
    }
}
