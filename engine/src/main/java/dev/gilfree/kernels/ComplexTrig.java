package dev.gilfree.kernels;

/**
 * Complex circular and hyperbolic functions and their inverses, each writing (re, im) to {@code r}.
 * Special values follow C99 Annex G with the signs C99 leaves open chosen as glibc does (NumPy calls the
 * C library). The circular functions are the hyperbolic ones turned a quarter: sin z = -i sinh(iz),
 * cos z = cosh(iz), tan z = -i tanh(iz), asin z = -i asinh(iz), atan z = -i atanh(iz). The inverse
 * functions use Kahan's square-root products (no cancellation near the branch points) and their
 * asymptotic forms where 1 ± z would lose everything.
 */
final class ComplexTrig {
    private ComplexTrig() {}

    private static final double LN2 = Math.log(2.0);
    private static final double HALF_PI = Math.PI / 2, QUARTER_PI = Math.PI / 4;
    // Above this |x| exp(|x|) overflows while cosh(x)·cos(y) may not: exp is taken in two halves.
    private static final double EXP_SPLIT = 709.0;
    // Above this |x| tanh's real part is ±1 and the imaginary part is 4 sin y cos y e^(-2|x|), scaled.
    private static final double TANH_SPLIT = 354.0;
    private static final double LARGE = Double.MAX_VALUE / 4, SQRT_LARGE = Math.sqrt(LARGE);
    private static final double SQRT_MIN = Math.sqrt(Double.MIN_NORMAL);

    static void sinh(double x, double y, double[] r) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            if (y == 0) { r[0] = Math.sinh(x); r[1] = y; return; }
            double c = Math.cos(y), s = Math.sin(y);
            if (Math.abs(x) <= EXP_SPLIT) { r[0] = Math.sinh(x) * c; r[1] = Math.cosh(x) * s; return; }
            double h = Math.exp(Math.abs(x) * 0.5);
            r[0] = Math.copySign(1.0, x) * (h * c * (0.5 * h));
            r[1] = h * s * (0.5 * h);
            return;
        }
        if (Double.isFinite(x)) { // imaginary part infinite or NaN
            r[0] = x == 0 ? x : Double.NaN;
            r[1] = Double.NaN;
        } else if (Double.isInfinite(x)) {
            if (y == 0) { r[0] = x; r[1] = y; }
            else if (Double.isFinite(y)) { r[0] = x * Math.copySign(1.0, Math.cos(y)); r[1] = Math.copySign(Double.POSITIVE_INFINITY, Math.sin(y)); }
            else { r[0] = Double.POSITIVE_INFINITY; r[1] = Double.NaN; }
        } else {
            r[0] = x;
            r[1] = y == 0 ? y : Double.NaN;
        }
    }

    static void cosh(double x, double y, double[] r) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            if (y == 0) { r[0] = Math.cosh(x); r[1] = Math.copySign(1.0, x) * y; return; }
            double c = Math.cos(y), s = Math.sin(y);
            if (Math.abs(x) <= EXP_SPLIT) { r[0] = Math.cosh(x) * c; r[1] = Math.sinh(x) * s; return; }
            double h = Math.exp(Math.abs(x) * 0.5);
            r[0] = h * c * (0.5 * h);
            r[1] = Math.copySign(1.0, x) * (h * s * (0.5 * h));
            return;
        }
        if (Double.isFinite(x)) { // imaginary part infinite or NaN
            r[0] = Double.NaN;
            r[1] = x == 0 ? 0.0 : Double.NaN;
        } else if (Double.isInfinite(x)) {
            if (y == 0) { r[0] = Double.POSITIVE_INFINITY; r[1] = Math.copySign(1.0, x) * y; }
            else if (Double.isFinite(y)) {
                r[0] = Math.copySign(Double.POSITIVE_INFINITY, Math.cos(y));
                r[1] = Math.copySign(Double.POSITIVE_INFINITY, Math.sin(y)) * Math.copySign(1.0, x);
            } else { r[0] = Double.POSITIVE_INFINITY; r[1] = Double.NaN; }
        } else {
            r[0] = Double.NaN;
            r[1] = y == 0 ? y : Double.NaN;
        }
    }

    static void tanh(double x, double y, double[] r) {
        if (Double.isInfinite(x)) {
            r[0] = Math.copySign(1.0, x);
            // the sign of the zero follows sin(2y), known only once y is past the first quadrant
            r[1] = Double.isFinite(y) && Math.abs(y) > 1 ? Math.copySign(0.0, Math.sin(y) * Math.cos(y)) : Math.copySign(0.0, y);
            return;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (y == 0) { r[0] = x; r[1] = y; return; }
            r[0] = x == 0 ? x : Double.NaN;
            r[1] = Double.NaN;
            return;
        }
        double s = Math.sin(y), c = Math.cos(y);
        if (Math.abs(x) > TANH_SPLIT) { // e^(2|x|) overflows: divide by it in steps
            r[0] = Math.copySign(1.0, x);
            double ax = Math.abs(x) - TANH_SPLIT, e = Math.exp(2 * TANH_SPLIT);
            double im = 4 * s * c / e;
            r[1] = ax > TANH_SPLIT ? im / e : im / Math.exp(2 * ax);
            return;
        }
        double sh = Math.sinh(x), ch = Math.cosh(x);
        double den = Math.abs(sh) > Math.abs(c) * Math.ulp(1.0) ? sh * sh + c * c : c * c;
        r[0] = sh * ch / den;
        r[1] = s * c / den;
    }

    static void sin(double x, double y, double[] r) {
        if (!Double.isFinite(x) && Double.isInfinite(y)) { r[0] = Double.NaN; r[1] = Double.POSITIVE_INFINITY; return; } // glibc's sign
        sinh(-y, x, r);
        turnBack(r);
    }

    static void cos(double x, double y, double[] r) { cosh(-y, x, r); }

    static void tan(double x, double y, double[] r) { tanh(-y, x, r); turnBack(r); }

    static void arcsin(double x, double y, double[] r) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            if (x == 0) { r[0] = x; r[1] = y; }
            else if (Double.isInfinite(x) || Double.isInfinite(y)) { r[0] = Double.NaN; r[1] = Math.copySign(Double.POSITIVE_INFINITY, y); }
            else { r[0] = Double.NaN; r[1] = Double.NaN; }
            return;
        }
        arcsinh(-y, x, r);
        turnBack(r);
    }

    static void arccos(double x, double y, double[] r) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) { // π/2 - asin z
            arcsin(x, y, r);
            r[0] = HALF_PI - r[0];
            if (r[0] == 0) r[0] = 0.0;
            r[1] = -r[1];
            return;
        }
        if (Math.abs(x) > LARGE || Math.abs(y) > LARGE) {
            r[0] = Math.atan2(Math.abs(y), x);
            r[1] = Math.copySign(logHalfHypot(x, y) + 2 * LN2, -y);
            return;
        }
        ComplexElementary.sqrt(1 - x, -y, r);
        double ar = r[0], ai = r[1];
        ComplexElementary.sqrt(1 + x, y, r);
        double br = r[0], bi = r[1];
        r[0] = 2 * Math.atan2(ar, br);
        r[1] = UnaryOp.asinh(br * ai - bi * ar);
    }

    static void arctan(double x, double y, double[] r) { arctanh(-y, x, r); turnBack(r); }

    static void arcsinh(double x, double y, double[] r) {
        if (Double.isInfinite(y)) {
            r[0] = Math.copySign(Double.POSITIVE_INFINITY, x);
            r[1] = Double.isNaN(x) ? Double.NaN : Math.copySign(Double.isFinite(x) ? HALF_PI : QUARTER_PI, y);
            return;
        }
        if (!Double.isFinite(x)) {
            r[0] = x;
            r[1] = Double.isInfinite(x) && !Double.isNaN(y) || Double.isNaN(x) && y == 0 ? Math.copySign(0.0, y) : Double.NaN;
            return;
        }
        if (Double.isNaN(y)) { r[0] = Double.NaN; r[1] = Double.NaN; return; }
        if (Math.abs(x) > LARGE || Math.abs(y) > LARGE) {
            r[0] = Math.copySign(logHalfHypot(x, y) + 2 * LN2, x);
            r[1] = Math.atan2(y, Math.abs(x));
            return;
        }
        ComplexElementary.sqrt(1 + y, -x, r);
        double ar = r[0], ai = r[1];
        ComplexElementary.sqrt(1 - y, x, r);
        double br = r[0], bi = r[1];
        r[0] = UnaryOp.asinh(ar * bi - br * ai);
        r[1] = Math.atan2(y, ar * br - ai * bi);
    }

    static void arccosh(double x, double y, double[] r) {
        if (Double.isInfinite(y)) {
            r[0] = Double.POSITIVE_INFINITY;
            r[1] = Double.isNaN(x) ? Double.NaN
                    : Math.copySign(Double.isInfinite(x) ? (x < 0 ? 3 * QUARTER_PI : QUARTER_PI) : HALF_PI, y);
            return;
        }
        if (Double.isInfinite(x)) {
            r[0] = Double.POSITIVE_INFINITY;
            r[1] = Double.isNaN(y) ? Double.NaN : Math.copySign(x < 0 ? Math.PI : 0.0, y);
            return;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            r[0] = Double.NaN;
            r[1] = x == 0 ? HALF_PI : Double.NaN;
            return;
        }
        if (Math.abs(x) > LARGE || Math.abs(y) > LARGE) {
            r[0] = logHalfHypot(x, y) + 2 * LN2;
            r[1] = Math.atan2(y, x);
            return;
        }
        ComplexElementary.sqrt(x - 1, y, r);
        double ar = r[0], ai = r[1];
        ComplexElementary.sqrt(x + 1, y, r);
        double br = r[0], bi = r[1];
        r[0] = UnaryOp.asinh(ar * br + ai * bi);
        r[1] = 2 * Math.atan2(ai, br);
    }

    static void arctanh(double x, double y, double[] r) {
        if (Double.isInfinite(y)) { r[0] = Math.copySign(0.0, x); r[1] = Math.copySign(HALF_PI, y); return; }
        if (Double.isInfinite(x) || x == 0 && Double.isNaN(y)) {
            r[0] = Math.copySign(0.0, x);
            r[1] = Double.isNaN(y) ? Double.NaN : Math.copySign(HALF_PI, y);
            return;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) { r[0] = Double.NaN; r[1] = Double.NaN; return; }
        if (Math.copySign(1.0, x) < 0) { // atanh(-z) = -atanh(z): work with a non-negative real part
            arctanh(-x, -y, r);
            r[0] = -r[0];
            r[1] = -r[1];
            return;
        }
        double ay = Math.abs(y);
        if (x > SQRT_LARGE || ay > SQRT_LARGE) { // atanh z ≈ 1/z ± iπ/2
            double h = Math.hypot(x * 0.5, y * 0.5);
            r[0] = x / 4 / h / h;
            r[1] = Math.copySign(HALF_PI, y);
        } else if (x == 1 && ay < SQRT_MIN) {
            if (ay == 0) { r[0] = Double.POSITIVE_INFINITY; r[1] = y; return; }
            r[0] = -Math.log(Math.sqrt(ay) / Math.sqrt(Math.hypot(ay, 2)));
            r[1] = Math.copySign(Math.atan2(2, -ay) / 2, y);
        } else {
            double d = 1 - x;
            r[0] = Math.log1p(4 * x / (d * d + ay * ay)) / 4;
            r[1] = -Math.atan2(-2 * y, d * (1 + x) - ay * ay) / 2;
        }
    }

    // (a, b) = f(iz) back to -i·(a + ib) = b - ia
    private static void turnBack(double[] r) {
        double re = r[1];
        r[1] = -r[0];
        r[0] = re;
    }

    // log|z| - log 2 without overflow, for |z| near the top of the range
    private static double logHalfHypot(double x, double y) { return Math.log(Math.hypot(x * 0.5, y * 0.5)); }
}
