package dev.gilfree.kernels;

/**
 * NumPy's Poisson sampler (shared by Generator and RandomState): multiplication of uniforms below lam = 10,
 * Hörmann's transformed rejection (PTRS) from 10 up. The result is an integer, so the JVM's log standing in
 * for the C library's changes a draw only when a rejection test ties to the last bit.
 */
public final class Poisson {
    private Poisson() {}

    private static final double[] LOGGAM_COEFF = {8.333333333333333e-02, -2.777777777777778e-03,
        7.936507936507937e-04, -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
        6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00};

    public static long draw(BitSource g, double lam) {
        if (lam >= 10) return ptrs(g, lam);
        if (lam == 0) return 0;
        double enlam = Math.exp(-lam), prod = 1.0;
        long x = 0;
        for (;;) {
            prod *= g.nextDouble();
            if (prod > enlam) x++;
            else return x;
        }
    }

    private static long ptrs(BitSource g, double lam) {
        double slam = Math.sqrt(lam), loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = g.nextDouble() - 0.5;
            double v = g.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1.0)) return k;
        }
    }

    /** log Gamma(x) by Stirling's series after shifting x to at least 7 (NumPy's random_loggam). */
    static double loggam(double x) {
        if (x == 1.0 || x == 2.0) return 0.0;
        long n = x < 7.0 ? (long) (7 - x) : 0;
        double x0 = x + n;
        double x2 = (1.0 / x0) * (1.0 / x0);
        double gl0 = LOGGAM_COEFF[9];
        for (int k = 8; k >= 0; k--) {
            gl0 *= x2;
            gl0 += LOGGAM_COEFF[k];
        }
        double gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * Math.log(x0) - x0;
        if (x < 7.0) {
            for (long k = 1; k <= n; k++) {
                gl -= Math.log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }
}
