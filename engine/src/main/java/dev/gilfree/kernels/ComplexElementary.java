package dev.gilfree.kernels;

/**
 * Complex square root, exponentials, logarithms, power and sign, each writing (re, im) to {@code r}.
 * sqrt, exp and log follow C99 Annex G's special values (what NumPy gets from the C library); the others
 * use NumPy's own formulas from them (log2 and log10 scale log, exp2 scales its argument, log1p and expm1
 * are NumPy's direct formulas, power is NumPy's: repeated products for small integer exponents, else
 * exp(y·log x)), so that their results and special values are NumPy's.
 */
final class ComplexElementary {
    private ComplexElementary() {}

    // NumPy's constants, correctly rounded (1 / Math.log(10) is an ulp off, and log10(100i) would not be 2)
    private static final double LOG2E = 1.4426950408889634, LOG10E = 0.4342944819032518, LN2 = 0.6931471805599453;
    private static final double LN2_F = (float) LN2;

    // sqrt keeps the sign of the imaginary part and has a non-negative real part; an infinite imaginary
    // part wins over NaN.
    static void sqrt(double x, double y, double[] r) {
        if (Double.isInfinite(y)) { r[0] = Double.POSITIVE_INFINITY; r[1] = y; return; }
        if (Double.isNaN(x)) { r[0] = x; r[1] = Double.NaN; return; }
        if (Double.isInfinite(x)) {
            if (x > 0) { r[0] = x; r[1] = Double.isNaN(y) ? y : Math.copySign(0.0, y); }
            else { r[0] = Double.isNaN(y) ? y : 0.0; r[1] = Math.copySign(Double.POSITIVE_INFINITY, y); }
            return;
        }
        if (Double.isNaN(y)) { r[0] = y; r[1] = y; return; }
        if (x == 0 && y == 0) { r[0] = 0.0; r[1] = y; return; }
        // Scale huge inputs down (x + |z| would overflow) and tiny ones up (their halves would underflow).
        double ax = Math.abs(x), ay = Math.abs(y), scale = 1;
        if (ax > 0x1p1020 || ay > 0x1p1020) { x *= 0x1p-4; y *= 0x1p-4; scale = 0x1p2; }
        else if (ax < 0x1p-1020 && ay < 0x1p-1020) { x *= 0x1p100; y *= 0x1p100; scale = 0x1p-50; }
        double t = Math.sqrt((Math.abs(x) + Math.hypot(x, y)) * 0.5);
        if (x >= 0) { r[0] = t * scale; r[1] = y / (2 * t) * scale; }
        else { r[0] = Math.abs(y) / (2 * t) * scale; r[1] = Math.copySign(t, y) * scale; }
    }

    static void exp(double x, double y, double[] r) {
        if (y == 0) { r[0] = Math.exp(x); r[1] = y; return; } // exactly real (NaN ± 0i for a NaN x)
        if (Double.isInfinite(x) && !Double.isFinite(y)) {
            if (x > 0) { r[0] = x; r[1] = Double.NaN; }
            else { r[0] = 0.0; r[1] = Math.copySign(0.0, y); }
            return;
        }
        if (Double.isInfinite(x)) { // finite non-zero y
            double m = x > 0 ? x : 0.0;
            r[0] = m * Math.cos(y); r[1] = m * Math.sin(y);
            return;
        }
        if (!Double.isFinite(y)) { r[0] = Double.NaN; r[1] = Double.NaN; return; }
        if (Double.isNaN(x)) { r[0] = x; r[1] = x; return; }
        double c = Math.cos(y), s = Math.sin(y);
        if (x > 709) { // exp(x) alone overflows where exp(x)·cos(y) may not: take it in two halves
            double h = Math.exp(x * 0.5);
            r[0] = h * c * h; r[1] = h * s * h;
        } else {
            double e = Math.exp(x);
            r[0] = e * c; r[1] = e * s;
        }
    }

    static void log(double x, double y, double[] r) {
        r[1] = Math.atan2(y, x);
        double ax = Math.abs(x), ay = Math.abs(y);
        if (Double.isInfinite(x) || Double.isInfinite(y)) { r[0] = Double.POSITIVE_INFINITY; return; }
        if (Double.isNaN(x) || Double.isNaN(y)) { r[0] = Double.NaN; r[1] = Double.NaN; return; }
        if (ax == 0 && ay == 0) { r[0] = Double.NEGATIVE_INFINITY; return; }
        double big = Math.max(ax, ay), small = Math.min(ax, ay);
        if (big > 0.5 && big < 2) { // |z| near 1: log(|z|) from log1p keeps its relative accuracy
            r[0] = 0.5 * Math.log1p((big - 1) * (big + 1) + small * small);
        } else if (big > 0x1p1000) { // |z| may overflow where log|z| does not: halve both parts first
            r[0] = Math.log(Math.hypot(x * 0.5, y * 0.5)) + LN2;
        } else {
            r[0] = Math.log(Math.hypot(x, y));
        }
    }

    static void log2(double x, double y, double[] r) { log(x, y, r); r[0] *= LOG2E; r[1] *= LOG2E; }

    static void log10(double x, double y, double[] r) { log(x, y, r); r[0] *= LOG10E; r[1] *= LOG10E; }

    /** exp(z·ln 2); complex64 rounds z·ln 2 to float as NumPy's float loop (it matters for a large y). */
    static void exp2(double x, double y, boolean f32, double[] r) {
        if (f32) exp((float) (x * LN2_F), (float) (y * LN2_F), r);
        else exp(x * LN2, y * LN2, r);
    }

    /**
     * NumPy's log(1 + z) as log|1 + z| + i·arg(1 + z) (it loses the digits of tiny z, as NumPy's does).
     * Near |1 + z| = 1 the logarithm magnifies any error of the modulus, so it is taken correctly rounded
     * (as the C library's hypot); complex64 rounds 1 + x and the modulus to float as NumPy's float loop.
     */
    static void log1p(double x, double y, boolean f32, double[] r) {
        double x1 = f32 ? (float) (x + 1) : x + 1;
        double m = f32 ? (float) Math.hypot(x1, y) : roundedHypot(x1, y);
        r[0] = Math.log(m);
        r[1] = Math.atan2(y, x1);
    }

    // sqrt(x² + y²) from the exact sum of squares (fma), corrected once: within the range where the squares
    // neither overflow nor underflow; Math.hypot elsewhere.
    private static double roundedHypot(double x, double y) {
        double ax = Math.abs(x), ay = Math.abs(y), big = Math.max(ax, ay), small = Math.min(ax, ay);
        if (!(big < 0x1p500) || small < 0x1p-450 || big > small * 0x1p60) return Math.hypot(x, y);
        double xx = big * big, xxe = Math.fma(big, big, -xx), yy = small * small, yye = Math.fma(small, small, -yy);
        double s = xx + yy, se = (xx - s) + yy + xxe + yye; // yy <= xx: (xx - s) + yy is the sum's exact error
        double h = Math.sqrt(s);
        return h + (Math.fma(-h, h, s) + se) / (2 * h);
    }

    /**
     * NumPy's exp(z) - 1: the real part as expm1(x)·cos(y) - 2 sin²(y/2), so small z keeps its digits;
     * complex64 rounds exp(x) and expm1(x) to float as NumPy's float loop (an overflow there meets sin 0).
     */
    static void expm1(double x, double y, boolean f32, double[] r) {
        double a = Math.sin(y / 2), em1 = Math.expm1(x), e = Math.exp(x);
        if (f32) { em1 = (float) em1; e = (float) e; }
        r[0] = em1 * Math.cos(y) - 2 * a * a;
        r[1] = e * Math.sin(y);
    }

    /** NumPy 2's sign: z/|z|, 0 for 0; an infinite part alone gives its unit direction, NaN otherwise. */
    static void sign(double x, double y, double[] r) {
        double m = Math.hypot(x, y);
        if (Double.isNaN(m) || Double.isInfinite(x) && Double.isInfinite(y)) { r[0] = Double.NaN; r[1] = Double.NaN; }
        else if (Double.isInfinite(x)) { r[0] = Math.copySign(1.0, x); r[1] = 0.0; }
        else if (Double.isInfinite(y)) { r[0] = 0.0; r[1] = Math.copySign(1.0, y); }
        else if (m == 0) { r[0] = 0.0; r[1] = 0.0; }
        else { r[0] = x / m; r[1] = y / m; }
    }

    /**
     * NumPy's complex power x**y (npy_cpow). complex64 rounds log x and y·log x to float as the C library's
     * float cpow does: their error, magnified by exp, dominates its result.
     */
    static void power(double xr, double xi, double yr, double yi, boolean f32, double[] r) {
        if (yr == 0 && yi == 0) { r[0] = 1.0; r[1] = 0.0; return; }
        if (xr == 0 && xi == 0) { // 0**y: zero for Re y > 0, else undefined
            if (yr > 0) { r[0] = 0.0; r[1] = 0.0; } else { r[0] = Double.NaN; r[1] = Double.NaN; }
            return;
        }
        if (yi == 0 && yr == Math.rint(yr) && Math.abs(yr) < 100) {
            int n = (int) yr;
            switch (n) {
                case 1 -> { r[0] = xr; r[1] = xi; }
                case 2 -> ComplexLoops.multiply(xr, xi, xr, xi, f32, r);
                case 3 -> { ComplexLoops.multiply(xr, xi, xr, xi, f32, r); ComplexLoops.multiply(xr, xi, r[0], r[1], f32, r); }
                default -> { // binary powering of |n|, then 1/xⁿ for a negative n
                    double ar = 1, ai = 0, pr = xr, pi = xi;
                    for (int k = Math.abs(n); ; ) {
                        if ((k & 1) != 0) { ComplexLoops.multiply(ar, ai, pr, pi, f32, r); ar = r[0]; ai = r[1]; }
                        k >>= 1;
                        if (k == 0) break;
                        ComplexLoops.multiply(pr, pi, pr, pi, f32, r); pr = r[0]; pi = r[1];
                    }
                    if (n < 0) ComplexLoops.divide(1, 0, ar, ai, f32, r);
                    else { r[0] = ar; r[1] = ai; }
                }
            }
            return;
        }
        log(xr, xi, r);
        if (f32) { r[0] = (float) r[0]; r[1] = (float) r[1]; }
        annexGProduct(yr, yi, r[0], r[1], f32, r);
        exp(r[0], r[1], r);
    }

    // The C library's product y·log x (C99 Annex G): when the textbook formula gives NaN in both parts
    // because an operand is infinite, the infinities are recovered from the operands' directions.
    private static void annexGProduct(double a, double b, double c, double d, boolean f32, double[] r) {
        double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
        if (f32) { ac = (float) ac; bd = (float) bd; ad = (float) ad; bc = (float) bc; }
        double x = f32 ? (float) (ac - bd) : ac - bd, y = f32 ? (float) (ad + bc) : ad + bc;
        if (Double.isNaN(x) && Double.isNaN(y)) {
            boolean redo = false;
            if (Double.isInfinite(a) || Double.isInfinite(b)) {
                a = unitOrZero(a); b = unitOrZero(b); c = nanToZero(c); d = nanToZero(d);
                redo = true;
            }
            if (Double.isInfinite(c) || Double.isInfinite(d)) {
                c = unitOrZero(c); d = unitOrZero(d); a = nanToZero(a); b = nanToZero(b);
                redo = true;
            }
            if (!redo && (Double.isInfinite(ac) || Double.isInfinite(bd) || Double.isInfinite(ad) || Double.isInfinite(bc))) {
                a = nanToZero(a); b = nanToZero(b); c = nanToZero(c); d = nanToZero(d);
                redo = true;
            }
            if (redo) {
                x = Double.POSITIVE_INFINITY * (a * c - b * d);
                y = Double.POSITIVE_INFINITY * (a * d + b * c);
            }
        }
        r[0] = x;
        r[1] = y;
    }

    private static double unitOrZero(double v) { return Math.copySign(Double.isInfinite(v) ? 1.0 : 0.0, v); }

    private static double nanToZero(double v) { return Double.isNaN(v) ? Math.copySign(0.0, v) : v; }
}
