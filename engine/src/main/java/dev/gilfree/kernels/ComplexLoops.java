package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.MemorySegment;

/**
 * Loops for complex64 and complex128 (stored as interleaved real, imaginary), with NumPy's formulas:
 * the textbook product, Smith's quotient (scaled by the larger part of the divisor), |z| as hypot,
 * comparisons of both parts, and a value is "true" when either part is non-zero. complex64 computes in
 * double and rounds each part, which can differ from NumPy's float arithmetic by an ulp in products and
 * quotients. Floating-point conditions are reported from the results (a NaN from non-NaN inputs is
 * invalid, an infinity from finite inputs an overflow, a zero divisor a division by zero).
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
                continue;
            }
            flags |= arithmetic(op, xr, xi, yr, yi, r);
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
            default -> throw new IllegalArgumentException("no complex loop for " + op);
        };
    }

    /** bool(z): either part non-zero; a NaN part counts (NaN != 0), as NumPy. */
    static boolean truth(double re, double im) { return re != 0 || im != 0; }

    // r = x op y; returns the conditions met.
    private static int arithmetic(BinaryOp op, double xr, double xi, double yr, double yi, double[] r) {
        switch (op) {
            case ADD -> { r[0] = xr + yr; r[1] = xi + yi; }
            case SUBTRACT -> { r[0] = xr - yr; r[1] = xi - yi; }
            case MULTIPLY -> { r[0] = xr * yr - xi * yi; r[1] = xr * yi + xi * yr; }
            case DIVIDE -> {
                double ar = Math.abs(yr), ai = Math.abs(yi);
                if (ar >= ai) {
                    if (ar == 0 && ai == 0) { // NumPy divides each part by |0|: inf or nan, with its conditions
                        r[0] = xr / ar;
                        r[1] = xi / ar;
                        return (xr != 0 && !Double.isNaN(xr)) || (xi != 0 && !Double.isNaN(xi))
                                ? FpFlags.DIVIDE | (xr == 0 || xi == 0 ? FpFlags.INVALID : 0) : FpFlags.INVALID;
                    }
                    double rat = yi / yr, scl = 1.0 / (yr + yi * rat);
                    r[0] = (xr + xi * rat) * scl;
                    r[1] = (xi - xr * rat) * scl;
                } else {
                    double rat = yr / yi, scl = 1.0 / (yi + yr * rat);
                    r[0] = (xr * rat + xi) * scl;
                    r[1] = (xi * rat - xr) * scl;
                }
            }
            default -> throw new IllegalArgumentException("no complex loop for " + op);
        }
        return conditions(xr, xi, yr, yi, r[0], r[1]);
    }

    private static int conditions(double xr, double xi, double yr, double yi, double rr, double ri) {
        boolean nanIn = Double.isNaN(xr) || Double.isNaN(xi) || Double.isNaN(yr) || Double.isNaN(yi);
        if ((Double.isNaN(rr) || Double.isNaN(ri)) && !nanIn) return FpFlags.INVALID;
        boolean finiteIn = Double.isFinite(xr) && Double.isFinite(xi) && Double.isFinite(yr) && Double.isFinite(yi);
        if ((Double.isInfinite(rr) || Double.isInfinite(ri)) && finiteIn) return FpFlags.OVERFLOW;
        return 0;
    }

    // The principal square root, exponential and logarithm with C99 Annex G's special values (what NumPy
    // gets from the C library): sqrt keeps the sign of the imaginary part and has a non-negative real part,
    // an infinite imaginary part wins over NaN. Each writes r and returns the conditions met.

    static int sqrt(double x, double y, double[] r) {
        if (Double.isInfinite(y)) { r[0] = Double.POSITIVE_INFINITY; r[1] = y; return 0; }
        if (Double.isNaN(x)) { r[0] = x; r[1] = Double.NaN; return 0; }
        if (Double.isInfinite(x)) {
            if (x > 0) { r[0] = x; r[1] = Double.isNaN(y) ? y : Math.copySign(0.0, y); }
            else { r[0] = Double.isNaN(y) ? y : 0.0; r[1] = Math.copySign(Double.POSITIVE_INFINITY, y); }
            return 0;
        }
        if (Double.isNaN(y)) { r[0] = y; r[1] = y; return 0; }
        if (x == 0 && y == 0) { r[0] = 0.0; r[1] = y; return 0; }
        // Scale huge inputs down (x + |z| would overflow) and tiny ones up (their halves would underflow).
        double ax = Math.abs(x), ay = Math.abs(y), scale = 1;
        if (ax > 0x1p1020 || ay > 0x1p1020) { x *= 0x1p-4; y *= 0x1p-4; scale = 0x1p2; }
        else if (ax < 0x1p-1020 && ay < 0x1p-1020) { x *= 0x1p100; y *= 0x1p100; scale = 0x1p-50; }
        double t = Math.sqrt((Math.abs(x) + Math.hypot(x, y)) * 0.5);
        if (x >= 0) { r[0] = t * scale; r[1] = y / (2 * t) * scale; }
        else { r[0] = Math.abs(y) / (2 * t) * scale; r[1] = Math.copySign(t, y) * scale; }
        return 0;
    }

    static int exp(double x, double y, double[] r) {
        if (y == 0) { // exp(x ± 0i) = exp(x) ± 0i, exactly real (NaN ± 0i for a NaN x)
            r[0] = Math.exp(x); r[1] = y;
            return Double.isInfinite(r[0]) && Double.isFinite(x) ? FpFlags.OVERFLOW : 0;
        }
        if (Double.isInfinite(x) && !Double.isFinite(y)) {
            if (x > 0) { r[0] = x; r[1] = Double.NaN; return Double.isInfinite(y) ? FpFlags.INVALID : 0; }
            r[0] = 0.0; r[1] = Math.copySign(0.0, y); return 0;
        }
        if (Double.isInfinite(x)) { // finite non-zero y
            double m = x > 0 ? x : 0.0;
            r[0] = m * Math.cos(y); r[1] = m * Math.sin(y);
            return 0;
        }
        if (!Double.isFinite(y)) { r[0] = Double.NaN; r[1] = Double.NaN; return Double.isInfinite(y) && !Double.isNaN(x) ? FpFlags.INVALID : 0; }
        if (Double.isNaN(x)) { r[0] = x; r[1] = x; return 0; }
        double c = Math.cos(y), s = Math.sin(y);
        if (x > 709) { // exp(x) alone overflows where exp(x)·cos(y) may not: take it in two halves
            double h = Math.exp(x * 0.5);
            r[0] = h * c * h; r[1] = h * s * h;
        } else {
            double e = Math.exp(x);
            r[0] = e * c; r[1] = e * s;
        }
        return Double.isInfinite(r[0]) || Double.isInfinite(r[1]) ? FpFlags.OVERFLOW : 0;
    }

    static int log(double x, double y, double[] r) {
        r[1] = Math.atan2(y, x);
        double ax = Math.abs(x), ay = Math.abs(y);
        if (Double.isInfinite(x) || Double.isInfinite(y)) { r[0] = Double.POSITIVE_INFINITY; return 0; }
        if (Double.isNaN(x) || Double.isNaN(y)) { r[0] = Double.NaN; r[1] = Double.NaN; return 0; }
        if (ax == 0 && ay == 0) { r[0] = Double.NEGATIVE_INFINITY; return FpFlags.DIVIDE; }
        double big = Math.max(ax, ay), small = Math.min(ax, ay);
        if (big > 0.5 && big < 2) { // |z| near 1: log(|z|) from log1p keeps its relative accuracy
            r[0] = 0.5 * Math.log1p((big - 1) * (big + 1) + small * small);
        } else {
            r[0] = Math.log(Math.hypot(x, y));
        }
        return 0;
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
                case SQUARE -> {
                    double rr = re * re - im * im, ri = re * im + im * re;
                    flags |= conditions(re, im, 0, 0, rr, ri);
                    Elements.setComplex(ot, o, oi, rr, ri);
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
                case SQRT, EXP, LOG -> {
                    int f = switch (op) {
                        case SQRT -> sqrt(re, im, res);
                        case EXP -> exp(re, im, res);
                        default -> log(re, im, res);
                    };
                    if (ot == DType.COMPLEX64 && Double.isFinite(re) && Double.isFinite(im)
                            && (Float.isInfinite((float) res[0]) && !Double.isInfinite(res[0])
                                || Float.isInfinite((float) res[1]) && !Double.isInfinite(res[1]))) {
                        f |= FpFlags.OVERFLOW; // finite in double, too large for complex64
                    }
                    flags |= f;
                    Elements.setComplex(ot, o, oi, res[0], res[1]);
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
