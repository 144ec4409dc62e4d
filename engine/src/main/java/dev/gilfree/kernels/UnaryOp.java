package dev.gilfree.kernels;

import dev.gilfree.core.DType;

/**
 * Elementwise unary operations: NumPy's loop list ({@link #types()}), output rule and the scalar
 * arithmetic in double and long. One constant plus its cases adds an operation.
 */
public enum UnaryOp {
    NEGATIVE("negative", Types.NO_BOOL + Types.COMPLEX, 'S'),
    POSITIVE("positive", Types.NO_BOOL + Types.COMPLEX, 'S'),
    CONJUGATE("conjugate", Types.NO_BOOL + Types.COMPLEX, 'S'),
    ABSOLUTE("absolute", Types.ALL + Types.COMPLEX, 'S'),
    RECIPROCAL("reciprocal", Types.NO_BOOL + Types.COMPLEX, 'S'),
    SQUARE("square", Types.NO_BOOL + Types.COMPLEX, 'S'),
    SQRT("sqrt", Types.FLOAT + Types.COMPLEX, 'S'),
    CBRT("cbrt", Types.FLOAT, 'S'),
    EXP("exp", Types.FLOAT + Types.COMPLEX, 'S'),
    EXP2("exp2", Types.FLOAT + Types.COMPLEX, 'S'),
    EXPM1("expm1", Types.FLOAT + Types.COMPLEX, 'S'),
    LOG("log", Types.FLOAT + Types.COMPLEX, 'S'),
    LOG2("log2", Types.FLOAT + Types.COMPLEX, 'S'),
    LOG10("log10", Types.FLOAT + Types.COMPLEX, 'S'),
    LOG1P("log1p", Types.FLOAT + Types.COMPLEX, 'S'),
    SIN("sin", Types.FLOAT + Types.COMPLEX, 'S'),
    COS("cos", Types.FLOAT + Types.COMPLEX, 'S'),
    TAN("tan", Types.FLOAT + Types.COMPLEX, 'S'),
    ARCSIN("arcsin", Types.FLOAT + Types.COMPLEX, 'S'),
    ARCCOS("arccos", Types.FLOAT + Types.COMPLEX, 'S'),
    ARCTAN("arctan", Types.FLOAT + Types.COMPLEX, 'S'),
    SINH("sinh", Types.FLOAT + Types.COMPLEX, 'S'),
    COSH("cosh", Types.FLOAT + Types.COMPLEX, 'S'),
    TANH("tanh", Types.FLOAT + Types.COMPLEX, 'S'),
    ARCSINH("arcsinh", Types.FLOAT + Types.COMPLEX, 'S'),
    ARCCOSH("arccosh", Types.FLOAT + Types.COMPLEX, 'S'),
    ARCTANH("arctanh", Types.FLOAT + Types.COMPLEX, 'S'),
    DEG2RAD("deg2rad", Types.FLOAT, 'S'),
    RAD2DEG("rad2deg", Types.FLOAT, 'S'),
    FLOOR("floor", Types.ALL, 'S'),
    CEIL("ceil", Types.ALL, 'S'),
    TRUNC("trunc", Types.ALL, 'S'),
    RINT("rint", Types.FLOAT + Types.COMPLEX, 'S'),
    SIGN("sign", Types.NO_BOOL + Types.COMPLEX, 'S'),
    SIGNBIT("signbit", Types.FLOAT, '?'),
    SPACING("spacing", Types.FLOAT, 'S'),
    LOGICAL_NOT("logical_not", Types.ALL + Types.COMPLEX, '?'),
    INVERT("invert", Types.BOOL_INT, 'S'),
    ISNAN("isnan", Types.ALL + Types.COMPLEX, '?'),
    ISINF("isinf", Types.ALL + Types.COMPLEX, '?'),
    ISFINITE("isfinite", Types.ALL + Types.COMPLEX, '?'),
    BITWISE_COUNT("bitwise_count", Types.INT, 'B'),
    MODF_FRAC("_modf_frac", Types.FLOAT, 'S'),
    MODF_INT("_modf_int", Types.FLOAT, 'S'),
    FREXP_MANT("_frexp_mant", Types.FLOAT, 'S'),
    FREXP_EXP("_frexp_exp", Types.FLOAT, 'i');

    private final String ufuncName;
    private final String types;
    private final char out;

    UnaryOp(String ufuncName, String types, char out) {
        this.ufuncName = ufuncName;
        this.types = types;
        this.out = out;
    }

    public String ufuncName() { return ufuncName; }

    public String types() { return types; }

    /** Transcendental functions compute in floating point: integer input gives a float type, as NumPy. */
    public boolean floatOnly() { return types.indexOf('l') < 0; }

    /** The loop's output dtype for loop input dtype {@code t}. */
    public DType outType(DType t) {
        if (this == ABSOLUTE && t.kind() == 'c') return t == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
        return out == 'S' ? t : Types.of(out);
    }

    /** NumPy raises no flags for these (spacing(inf) is NaN quietly). */
    boolean quiet() { return this == SPACING; }

    boolean pole(double x) {
        return switch (this) {
            case LOG, LOG2, LOG10, RECIPROCAL -> x == 0;
            case LOG1P -> x == -1;
            case ARCTANH -> Math.abs(x) == 1;
            default -> false;
        };
    }

    private static final double LOG2E = 1.0 / Math.log(2.0);

    public double applyD(double x, boolean f32) {
        return switch (this) {
            case NEGATIVE -> -x;
            case POSITIVE, CONJUGATE -> x;
            case ABSOLUTE -> Math.abs(x);
            case RECIPROCAL -> 1.0 / x;
            case SQUARE -> x * x;
            case SQRT -> Math.sqrt(x);
            case CBRT -> Math.cbrt(x);
            case EXP -> Math.exp(x);
            case EXP2 -> Math.pow(2.0, x);
            case EXPM1 -> Math.expm1(x);
            case LOG -> Math.log(x);
            case LOG2 -> log2(x);
            case LOG10 -> Math.log10(x);
            case LOG1P -> Math.log1p(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case ARCSIN -> Math.asin(x);
            case ARCCOS -> Math.acos(x);
            case ARCTAN -> Math.atan(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ARCSINH -> asinh(x);
            case ARCCOSH -> x < 1 ? Double.NaN : x > 1e8 ? Math.log(x) + Math.log(2.0) : Math.log(x + Math.sqrt((x - 1) * (x + 1)));
            case ARCTANH -> 0.5 * Math.log1p(2 * x / (1 - x));
            case DEG2RAD -> Math.toRadians(x);
            case RAD2DEG -> Math.toDegrees(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case TRUNC -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case RINT -> Math.rint(x);
            case SIGN -> Double.isNaN(x) ? x : x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
            case SIGNBIT -> (Double.doubleToRawLongBits(x) < 0) ? 1.0 : 0.0;
            case SPACING -> spacing(x, f32);
            case LOGICAL_NOT -> x == 0 ? 1.0 : 0.0;
            case ISNAN -> Double.isNaN(x) ? 1.0 : 0.0;
            case ISINF -> Double.isInfinite(x) ? 1.0 : 0.0;
            case ISFINITE -> Double.isFinite(x) ? 1.0 : 0.0;
            case MODF_INT -> Double.isInfinite(x) ? x : (x < 0 ? Math.ceil(x) : Math.floor(x));
            case MODF_FRAC -> Double.isInfinite(x) ? Math.copySign(0.0, x) : x - (x < 0 ? Math.ceil(x) : Math.floor(x)) == 0 ? Math.copySign(0.0, x) : x - (x < 0 ? Math.ceil(x) : Math.floor(x));
            case FREXP_MANT -> x == 0 || !Double.isFinite(x) ? x : x / Math.scalb(1.0, frexpExp(x));
            case FREXP_EXP -> x == 0 || !Double.isFinite(x) ? 0 : frexpExp(x);
            case INVERT, BITWISE_COUNT -> throw new IllegalArgumentException(this + " has no float loop");
        };
    }

    public long applyL(long x, DType t) {
        boolean bool = t == DType.BOOL;
        return switch (this) {
            case NEGATIVE -> -x;
            case POSITIVE, CONJUGATE, FLOOR, CEIL, TRUNC -> x;
            case ABSOLUTE -> t == DType.UINT64 ? x : Math.abs(x);
            case RECIPROCAL -> x == 0 ? (t == DType.INT32 ? Integer.MIN_VALUE : t == DType.INT64 ? Long.MIN_VALUE : 0) : (x == 1 ? 1 : (x == -1 && t.kind() == 'i' ? -1 : 0));
            case SQUARE -> x * x;
            case SIGN -> t == DType.UINT64 || t.kind() == 'u' ? (x != 0 ? 1 : 0) : Long.signum(x);
            case LOGICAL_NOT -> x == 0 ? 1 : 0;
            case INVERT -> bool ? x ^ 1 : ~x;
            case ISNAN, ISINF -> 0;
            case ISFINITE -> 1;
            case BITWISE_COUNT -> Long.bitCount(t.kind() == 'i' ? Math.abs(x) : (t == DType.UINT64 ? x : x & mask(t)));
            default -> throw new IllegalArgumentException(this + " has no integer loop");
        };
    }

    int intFlags(long x) {
        return this == RECIPROCAL && x == 0 ? FpFlags.DIVIDE | FpFlags.INVALID : 0; // as NumPy (x86 division)
    }

    private static long mask(DType t) { return t.itemsize() == 8 ? -1L : (1L << (t.itemsize() * 8)) - 1; }

    private static int frexpExp(double x) {
        return Math.getExponent(x) == Double.MIN_EXPONENT - 1
                ? Math.getExponent(x * 0x1p54) - 54 + 1 : Math.getExponent(x) + 1;
    }

    private static double log2(double x) {
        if (x > 0 && Double.isFinite(x)) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT && x == Math.scalb(1.0, e)) return e; // exact powers of two
        }
        return Math.log(x) * LOG2E;
    }

    static double asinh(double x) {
        double a = Math.abs(x);
        if (!Double.isFinite(a)) return x;
        double r = a > 1e8 ? Math.log(a) + Math.log(2.0) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    private static double spacing(double x, boolean f32) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return Double.NaN;
        if (f32) {
            float f = (float) x;
            return f < 0 ? Math.nextDown(f) - f : Math.nextUp(f) - f;
        }
        return x < 0 ? Math.nextDown(x) - x : Math.nextUp(x) - x;
    }
}
