package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.MemorySegment;

/**
 * Loops for complex64 and complex128 (stored as interleaved real, imaginary), with NumPy's formulas:
 * the product with fused multiply-adds (complex64 in float), Smith's quotient (scaled by the larger part
 * of the divisor), |z| as NumPy's scaled formula, equality of both parts, NumPy's lexicographic order (real part first; a
 * NaN in either operand makes an ordering false, and maximum/minimum propagate it), and a value is "true"
 * when either part is non-zero. The elementary functions are in {@link ComplexElementary} and
 * {@link ComplexTrig}. Otherwise complex64 computes in double and rounds each part, which can differ from
 * NumPy's float arithmetic by an ulp in quotients. Floating-point conditions are reported from the results
 * (a NaN from non-NaN inputs is invalid, an infinity from finite inputs an overflow, or a division by zero
 * at a pole).
 */
final class ComplexLoops {
    private ComplexLoops() {}

    static int binary(BinaryOp op, DType t, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                      MemorySegment o, long oo, long os, long n) {
        DType ot = op.outType(t);
        double[] r = new double[2];
        int flags = 0;
        for (long i = 0; i < n; i++) {
            long ai = ao + i * as, bi = bo + i * bs, oi = oo + i * os;
            double xr = Elements.getDouble(t, a, ai), xi = Elements.getImag(t, a, ai);
            double yr = Elements.getDouble(t, b, bi), yi = Elements.getImag(t, b, bi);
            if (op.boolOut()) {
                Elements.setLong(ot, o, oi, compare(op, xr, xi, yr, yi) ? 1 : 0);
                if (ordering(op) && orderingSignals(xr, xi, yr, yi)) flags |= FpFlags.INVALID;
                continue;
            }
            flags |= arithmetic(op, xr, xi, yr, yi, ot == DType.COMPLEX64, r);
            if (ot == DType.COMPLEX64) flags |= overflowInFloat(xr, xi, yr, yi, r);
            Elements.setComplex(ot, o, oi, r[0], r[1]);
        }
        return flags;
    }

    private static boolean compare(BinaryOp op, double xr, double xi, double yr, double yi) {
        return switch (op) {
            case EQUAL -> xr == yr && xi == yi;
            case NOT_EQUAL -> xr != yr || xi != yi;
            case LOGICAL_AND -> truth(xr, xi) && truth(yr, yi);
            case LOGICAL_OR -> truth(xr, xi) || truth(yr, yi);
            case LOGICAL_XOR -> truth(xr, xi) != truth(yr, yi);
            case LESS -> less(xr, xi, yr, yi, false);
            case LESS_EQUAL -> less(xr, xi, yr, yi, true);
            case GREATER -> less(yr, yi, xr, xi, false);
            case GREATER_EQUAL -> less(yr, yi, xr, xi, true);
            default -> throw new IllegalArgumentException("no complex loop for " + op);
        };
    }

    private static boolean ordering(BinaryOp op) {
        return op == BinaryOp.LESS || op == BinaryOp.LESS_EQUAL || op == BinaryOp.GREATER || op == BinaryOp.GREATER_EQUAL;
    }

    // NumPy's C comparisons signal invalid on the NaNs they reach: a real part, or an imaginary part once
    // the real parts tie
    private static boolean orderingSignals(double xr, double xi, double yr, double yi) {
        return Double.isNaN(xr) || Double.isNaN(yr) || xr == yr && (Double.isNaN(xi) || Double.isNaN(yi));
    }

    // NumPy's x < y (or x <= y): by real parts unless an imaginary part is NaN, then by imaginary parts
    private static boolean less(double xr, double xi, double yr, double yi, boolean orEqual) {
        if (xr < yr) return !Double.isNaN(xi) && !Double.isNaN(yi);
        return xr == yr && (orEqual ? xi <= yi : xi < yi);
    }

    /** bool(z): either part non-zero; a NaN part counts (NaN != 0), as NumPy. */
    static boolean truth(double re, double im) { return re != 0 || im != 0; }

    // r = x op y; returns the conditions met.
    private static int arithmetic(BinaryOp op, double xr, double xi, double yr, double yi, boolean f32, double[] r) {
        switch (op) {
            case ADD -> { r[0] = xr + yr; r[1] = xi + yi; }
            case SUBTRACT -> { r[0] = xr - yr; r[1] = xi - yi; }
            case MULTIPLY -> {
                fusedMultiply(xr, xi, yr, yi, f32, r);
                return conditions(xr, xi, yr, yi, r[0], r[1]) | zeroTimesInfinity(xr, xi, yr, yi);
            }
            case DIVIDE -> {
                divide(xr, xi, yr, yi, f32, r);
                if (yr == 0 && yi == 0) { // NumPy divides each part by |0|: x/0 divides by zero, 0/0 is invalid,
                    return byZero(xr) | byZero(xi); // inf/0 and NaN/0 are exact
                }
                // Smith's ratio of the divisor's parts is 0 when one part is: an infinite dividend part times it
                int zeroRatio = (yr == 0 || yi == 0) && (Double.isInfinite(xr) || Double.isInfinite(xi)) ? FpFlags.INVALID : 0;
                return conditions(xr, xi, yr, yi, r[0], r[1]) | comparedNaN(yr, yi) | scaleOverflows(yr, yi, f32) | zeroRatio;
            }
            case POWER, FLOAT_POWER -> {
                ComplexElementary.power(xr, xi, yr, yi, f32, r);
                // NumPy's cpow signals invalid for 0**y it leaves undefined (Re y <= 0 or NaN, y != 0)
                if (xr == 0 && xi == 0 && !(yr > 0) && !(yr == 0 && yi == 0)) return FpFlags.INVALID;
                // ... and it tries a real exponent as a C integer first: NaN, inf and beyond 2**63 signal invalid
                if (!(yr == 0 && yi == 0) && !(xr == 0 && xi == 0) && yi == 0 && !(Math.abs(yr) < 0x1p63)) {
                    return FpFlags.INVALID | conditions(xr, xi, yr, yi, r[0], r[1]);
                }
            }
            // NumPy keeps x when it wins or is NaN (maximum/minimum) or when y is NaN (fmax/fmin)
            case MAXIMUM -> pick(Double.isNaN(xr) || Double.isNaN(xi) || less(yr, yi, xr, xi, true), xr, xi, yr, yi, r);
            case MINIMUM -> pick(Double.isNaN(xr) || Double.isNaN(xi) || less(xr, xi, yr, yi, true), xr, xi, yr, yi, r);
            case FMAX -> pick(Double.isNaN(yr) || Double.isNaN(yi) || less(yr, yi, xr, xi, true), xr, xi, yr, yi, r);
            case FMIN -> pick(Double.isNaN(yr) || Double.isNaN(yi) || less(xr, xi, yr, yi, true), xr, xi, yr, yi, r);
            default -> throw new IllegalArgumentException("no complex loop for " + op);
        }
        return conditions(xr, xi, yr, yi, r[0], r[1]);
    }

    /** r = x op y for the reductions (ComplexReductions), conditions dropped; NumPy folds with the textbook product. */
    static void combine(BinaryOp op, double xr, double xi, double yr, double yi, boolean f32, double[] r) {
        if (op == BinaryOp.MULTIPLY) multiply(xr, xi, yr, yi, f32, r);
        else arithmetic(op, xr, xi, yr, yi, f32, r);
    }

    /**
     * NumPy's SIMD product (FMA-capable x86): each part one fused multiply-add, in float for complex64,
     * so a part that cancels or overflows halfway comes out as NumPy's.
     */
    static void fusedMultiply(double xr, double xi, double yr, double yi, boolean f32, double[] r) {
        if (f32) {
            float a = (float) xr, b = (float) xi, c = (float) yr, d = (float) yi;
            r[0] = Math.fma(a, c, -(b * d));
            r[1] = Math.fma(a, d, b * c);
        } else {
            double re = Math.fma(xr, yr, -(xi * yi));
            r[1] = Math.fma(xr, yi, xi * yr);
            r[0] = re;
        }
    }

    /**
     * The textbook product, as NumPy's scalar code (reductions, power's repeated products) computes it;
     * complex64 rounds each product and sum to float as NumPy's float code does.
     */
    static void multiply(double xr, double xi, double yr, double yi, boolean f32, double[] r) {
        if (f32) {
            float a = (float) xr, b = (float) xi, c = (float) yr, d = (float) yi;
            r[0] = a * c - b * d;
            r[1] = a * d + b * c;
        } else {
            double re = xr * yr - xi * yi;
            r[1] = xr * yi + xi * yr;
            r[0] = re;
        }
    }

    /**
     * NumPy's quotient: Smith's, scaled by the larger part of the divisor so neither overflows (in float for
     * complex64, where 1/tiny can overflow as in NumPy); a zero divisor divides each part by |0|.
     */
    static void divide(double xr, double xi, double yr, double yi, boolean f32, double[] r) {
        if (yr == 0 && yi == 0) {
            r[0] = xr / Math.abs(yr);
            r[1] = xi / Math.abs(yr);
        } else if (f32) {
            float a = (float) xr, b = (float) xi, c = (float) yr, d = (float) yi;
            boolean realBig = Math.abs(c) >= Math.abs(d);
            float rat = realBig ? d / c : c / d, scl = 1.0f / (realBig ? c + d * rat : d + c * rat);
            r[0] = realBig ? (a + b * rat) * scl : (a * rat + b) * scl;
            r[1] = realBig ? (b - a * rat) * scl : (b * rat - a) * scl;
        } else if (Math.abs(yr) >= Math.abs(yi)) {
            double rat = yi / yr, scl = 1.0 / (yr + yi * rat);
            double re = (xr + xi * rat) * scl;
            r[1] = (xi - xr * rat) * scl;
            r[0] = re;
        } else {
            double rat = yr / yi, scl = 1.0 / (yi + yr * rat);
            double re = (xr * rat + xi) * scl;
            r[1] = (xi * rat - xr) * scl;
            r[0] = re;
        }
    }

    private static void pick(boolean first, double xr, double xi, double yr, double yi, double[] r) {
        r[0] = first ? xr : yr;
        r[1] = first ? xi : yi;
    }

    // A part finite in double that complex64 cannot hold, from finite inputs
    private static int overflowInFloat(double xr, double xi, double yr, double yi, double[] r) {
        boolean big = Float.isInfinite((float) r[0]) && Double.isFinite(r[0]) || Float.isInfinite((float) r[1]) && Double.isFinite(r[1]);
        return big && Double.isFinite(xr) && Double.isFinite(xi) && Double.isFinite(yr) && Double.isFinite(yi) ? FpFlags.OVERFLOW : 0;
    }

    // Both can hold at once: one part overflows while the other becomes NaN (inf·0)
    private static int conditions(double xr, double xi, double yr, double yi, double rr, double ri) {
        boolean nanIn = Double.isNaN(xr) || Double.isNaN(xi) || Double.isNaN(yr) || Double.isNaN(yi);
        boolean finiteIn = Double.isFinite(xr) && Double.isFinite(xi) && Double.isFinite(yr) && Double.isFinite(yi);
        return ((Double.isNaN(rr) || Double.isNaN(ri)) && !nanIn ? FpFlags.INVALID : 0)
                | ((Double.isInfinite(rr) || Double.isInfinite(ri)) && finiteIn ? FpFlags.OVERFLOW : 0);
    }

    private static int byZero(double part) {
        return part == 0 ? FpFlags.INVALID : Double.isFinite(part) ? FpFlags.DIVIDE : 0;
    }

    // One of the four products of a complex multiplication is 0·inf: invalid, even where a NaN is already in
    private static int zeroTimesInfinity(double xr, double xi, double yr, double yi) {
        return zeroInf(xr, yr) || zeroInf(xi, yi) || zeroInf(xr, yi) || zeroInf(xi, yr) ? FpFlags.INVALID : 0;
    }

    private static boolean zeroInf(double a, double b) {
        return a == 0 && Double.isInfinite(b) || Double.isInfinite(a) && b == 0;
    }

    // NumPy's quotients first compare |re| >= |im| of the divisor, an ordered comparison that signals
    // invalid on a NaN
    private static int comparedNaN(double re, double im) { return Double.isNaN(re) || Double.isNaN(im) ? FpFlags.INVALID : 0; }

    // Smith's scale 1/(c + d·(d/c)) overflows for a tiny divisor even when an infinite dividend hides it
    private static int scaleOverflows(double c, double d, boolean f32) {
        double big = Math.max(Math.abs(c), Math.abs(d)), small = Math.min(Math.abs(c), Math.abs(d));
        double den = big + small * (small / big), scl = 1 / (f32 ? (float) den : den);
        if (Double.isFinite(big) && Double.isInfinite(f32 ? (float) den : den)) return FpFlags.OVERFLOW; // c + d·(d/c)
        return Double.isFinite(den) && den != 0 && Double.isInfinite(f32 ? (float) scl : scl) ? FpFlags.OVERFLOW : 0;
    }

    /** NumPy's own 1/z (not the quotient 1/z): 1/0 is nan+nanj; in float for complex64, as NumPy. */
    static void reciprocal(double re, double im, boolean f32, double[] out) {
        if (f32) {
            float a = (float) re, b = (float) im;
            boolean realBig = Math.abs(a) >= Math.abs(b);
            float r = realBig ? b / a : a / b, d = realBig ? a + b * r : a * r + b;
            out[0] = realBig ? 1 / d : r / d;
            out[1] = realBig ? -r / d : -1 / d;
        } else if (Math.abs(re) >= Math.abs(im)) {
            double r = im / re, d = re + im * r;
            out[0] = 1 / d;
            out[1] = -r / d;
        } else {
            double r = re / im, d = re * r + im;
            out[0] = r / d;
            out[1] = -1 / d;
        }
    }

    /**
     * |z| as NumPy's loop computes it (not hypot): the larger part times sqrt(1 + r²) with r the ratio of
     * the parts, r² + 1 fused, in float for complex64; an infinite part wins over NaN.
     */
    static double modulus(double re, double im, boolean f32) {
        double ar = Math.abs(re), ai = Math.abs(im);
        if (Double.isInfinite(ar) || Double.isInfinite(ai)) return Double.POSITIVE_INFINITY;
        if (Double.isNaN(ar) || Double.isNaN(ai)) return Double.NaN;
        if (f32) {
            float big = (float) Math.max(ar, ai), small = (float) Math.min(ar, ai), r = big == 0 ? 0 : small / big;
            return big * (float) Math.sqrt(Math.fma(r, r, 1f));
        }
        double big = Math.max(ar, ai), small = Math.min(ar, ai), r = big == 0 ? 0 : small / big;
        return Math.sqrt(Math.fma(r, r, 1.0)) * big;
    }

    // An infinite part for finite z only here is a pole: a division by zero, as the C library reports it.
    private static boolean pole(UnaryOp op, double re, double im) {
        return switch (op) {
            case LOG, LOG2, LOG10 -> re == 0 && im == 0;
            case LOG1P -> re == -1 && im == 0;
            case ARCTANH -> Math.abs(re) == 1 && im == 0;
            case ARCTAN -> re == 0 && Math.abs(im) == 1;
            default -> false;
        };
    }

    private static void function(UnaryOp op, double x, double y, boolean f32, double[] r) {
        switch (op) {
            case SIGN -> ComplexElementary.sign(x, y, r);
            case SQRT -> ComplexElementary.sqrt(x, y, r);
            case EXP -> ComplexElementary.exp(x, y, r);
            case EXP2 -> ComplexElementary.exp2(x, y, f32, r);
            case EXPM1 -> ComplexElementary.expm1(x, y, f32, r);
            case LOG -> ComplexElementary.log(x, y, r);
            case LOG2 -> ComplexElementary.log2(x, y, r);
            case LOG10 -> ComplexElementary.log10(x, y, r);
            case LOG1P -> ComplexElementary.log1p(x, y, f32, r);
            case SIN -> ComplexTrig.sin(x, y, r);
            case COS -> ComplexTrig.cos(x, y, r);
            case TAN -> ComplexTrig.tan(x, y, r);
            case ARCSIN -> ComplexTrig.arcsin(x, y, r);
            case ARCCOS -> ComplexTrig.arccos(x, y, r);
            case ARCTAN -> ComplexTrig.arctan(x, y, r);
            case SINH -> ComplexTrig.sinh(x, y, r);
            case COSH -> ComplexTrig.cosh(x, y, r);
            case TANH -> ComplexTrig.tanh(x, y, r);
            case ARCSINH -> ComplexTrig.arcsinh(x, y, r);
            case ARCCOSH -> ComplexTrig.arccosh(x, y, r);
            case ARCTANH -> ComplexTrig.arctanh(x, y, r);
            default -> throw new IllegalArgumentException("no complex function " + op);
        }
    }

    static int unary(UnaryOp op, DType t, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        DType ot = op.outType(t);
        double[] res = new double[2];
        int flags = 0;
        for (long i = 0; i < n; i++) {
            long ai = ao + i * as, oi = oo + i * os;
            double re = Elements.getDouble(t, a, ai), im = Elements.getImag(t, a, ai);
            switch (op) {
                case NEGATIVE -> Elements.setComplex(ot, o, oi, -re, -im);
                case POSITIVE -> Elements.setComplex(ot, o, oi, re, im);
                case CONJUGATE -> Elements.setComplex(ot, o, oi, re, -im);
                case RINT -> Elements.setComplex(ot, o, oi, Math.rint(re), Math.rint(im)); // each part, as NumPy
                case SQUARE -> {
                    fusedMultiply(re, im, re, im, ot == DType.COMPLEX64, res);
                    flags |= conditions(re, im, 0, 0, res[0], res[1]);
                    Elements.setComplex(ot, o, oi, res[0], res[1]);
                }
                case RECIPROCAL -> {
                    reciprocal(re, im, ot == DType.COMPLEX64, res);
                    flags |= conditions(re, im, 0, 0, res[0], res[1]) | comparedNaN(re, im);
                    Elements.setComplex(ot, o, oi, res[0], res[1]);
                }
                case ABSOLUTE -> {
                    double m = modulus(re, im, ot == DType.FLOAT32);
                    if (Double.isInfinite(m) && Double.isFinite(re) && Double.isFinite(im)) flags |= FpFlags.OVERFLOW;
                    Elements.setDouble(ot, o, oi, m);
                }
                case SIGN, SQRT, EXP, EXP2, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, ARCSIN, ARCCOS, ARCTAN,
                     SINH, COSH, TANH, ARCSINH, ARCCOSH, ARCTANH -> {
                    function(op, re, im, ot == DType.COMPLEX64, res);
                    double rr = ot == DType.COMPLEX64 ? (float) res[0] : res[0], ri = ot == DType.COMPLEX64 ? (float) res[1] : res[1];
                    int f = conditions(re, im, 0, 0, rr, ri);
                    // expm1 takes exp(x) of the real part first: its overflow shows even where y makes the result NaN
                    if (op == UnaryOp.EXPM1 && Double.isFinite(re) && Double.isInfinite(ot == DType.COMPLEX64 ? (float) Math.exp(re) : Math.exp(re))) {
                        f |= FpFlags.OVERFLOW;
                    }
                    flags |= f == FpFlags.OVERFLOW && pole(op, re, im) ? FpFlags.DIVIDE : f;
                    Elements.setComplex(ot, o, oi, rr, ri);
                }
                case ISNAN -> Elements.setLong(ot, o, oi, Double.isNaN(re) || Double.isNaN(im) ? 1 : 0);
                case ISINF -> Elements.setLong(ot, o, oi, Double.isInfinite(re) || Double.isInfinite(im) ? 1 : 0);
                case ISFINITE -> Elements.setLong(ot, o, oi, Double.isFinite(re) && Double.isFinite(im) ? 1 : 0);
                case LOGICAL_NOT -> Elements.setLong(ot, o, oi, truth(re, im) ? 0 : 1);
                default -> throw new IllegalArgumentException("no complex loop for " + op);
            }
        }
        return flags;
    }
}
