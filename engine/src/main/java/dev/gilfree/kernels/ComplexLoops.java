package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.MemorySegment;

/**
 * Loops for complex64 and complex128 (stored as interleaved real, imaginary), with NumPy's formulas:
 * the product with fused multiply-adds (complex64 in float), Smith's quotient (scaled by the larger part
 * of the divisor), |z| as hypot, equality of both parts, NumPy's lexicographic order (real part first; a
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
            case MULTIPLY -> fusedMultiply(xr, xi, yr, yi, f32, r);
            case DIVIDE -> {
                if (yr == 0 && yi == 0) { // NumPy divides each part by |0|: inf or nan, with its conditions
                    r[0] = xr / Math.abs(yr);
                    r[1] = xi / Math.abs(yr);
                    return (xr != 0 && !Double.isNaN(xr)) || (xi != 0 && !Double.isNaN(xi))
                            ? FpFlags.DIVIDE | (xr == 0 || xi == 0 ? FpFlags.INVALID : 0) : FpFlags.INVALID;
                }
                divide(xr, xi, yr, yi, r);
            }
            case POWER, FLOAT_POWER -> ComplexElementary.power(xr, xi, yr, yi, f32, r);
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

    /** Smith's quotient for a non-zero divisor: scaled by its larger part, so neither overflows. */
    static void divide(double xr, double xi, double yr, double yi, double[] r) {
        if (Math.abs(yr) >= Math.abs(yi)) {
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

    private static int conditions(double xr, double xi, double yr, double yi, double rr, double ri) {
        boolean nanIn = Double.isNaN(xr) || Double.isNaN(xi) || Double.isNaN(yr) || Double.isNaN(yi);
        if ((Double.isNaN(rr) || Double.isNaN(ri)) && !nanIn) return FpFlags.INVALID;
        boolean finiteIn = Double.isFinite(xr) && Double.isFinite(xi) && Double.isFinite(yr) && Double.isFinite(yi);
        if ((Double.isInfinite(rr) || Double.isInfinite(ri)) && finiteIn) return FpFlags.OVERFLOW;
        return 0;
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
                case RECIPROCAL -> { // NumPy's own formula (not 1/z by the quotient): 1/0 is nan+nanj, invalid
                    double rr, ri;
                    if (Math.abs(re) >= Math.abs(im)) {
                        double r = im / re, d = re + im * r;
                        rr = 1 / d;
                        ri = -r / d;
                    } else {
                        double r = re / im, d = re * r + im;
                        rr = r / d;
                        ri = -1 / d;
                    }
                    flags |= conditions(re, im, 0, 0, rr, ri);
                    Elements.setComplex(ot, o, oi, rr, ri);
                }
                case ABSOLUTE -> {
                    double m = Math.hypot(re, im);
                    if (ot == DType.FLOAT32) m = (float) m;
                    if (Double.isInfinite(m) && Double.isFinite(re) && Double.isFinite(im)) flags |= FpFlags.OVERFLOW;
                    Elements.setDouble(ot, o, oi, m);
                }
                case SIGN, SQRT, EXP, EXP2, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, ARCSIN, ARCCOS, ARCTAN,
                     SINH, COSH, TANH, ARCSINH, ARCCOSH, ARCTANH -> {
                    function(op, re, im, ot == DType.COMPLEX64, res);
                    double rr = ot == DType.COMPLEX64 ? (float) res[0] : res[0], ri = ot == DType.COMPLEX64 ? (float) res[1] : res[1];
                    int f = conditions(re, im, 0, 0, rr, ri);
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
