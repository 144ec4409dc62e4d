package dev.gilfree.kernels;

import dev.gilfree.core.DType;

/**
 * Elementwise binary operations: NumPy's loop list ({@link #types()}, in NumPy's type characters),
 * output rule, identity, and the scalar arithmetic in double (float loops) and long (integer and bool
 * loops). Adding an operation is one constant here plus its case in {@link #applyD} / {@link #applyL};
 * the generic loops in {@link Elementwise} and the SIMD loops in {@link BinaryLoops} pick it up.
 */
public enum BinaryOp {
    ADD("add", Types.ALL + Types.COMPLEX, false, 0L),
    SUBTRACT("subtract", Types.NO_BOOL + Types.COMPLEX, false, null),
    MULTIPLY("multiply", Types.ALL + Types.COMPLEX, false, 1L),
    DIVIDE("divide", Types.FLOAT + Types.COMPLEX, false, null),
    FLOOR_DIVIDE("floor_divide", Types.NO_BOOL, false, null),
    REMAINDER("remainder", Types.NO_BOOL, false, null),
    FMOD("fmod", Types.NO_BOOL, false, null),
    POWER("power", Types.NO_BOOL + Types.COMPLEX, false, null),
    FLOAT_POWER("float_power", "dD", false, null),
    ARCTAN2("arctan2", Types.FLOAT, false, null),
    HYPOT("hypot", Types.FLOAT, false, 0L),
    COPYSIGN("copysign", Types.FLOAT, false, null),
    NEXTAFTER("nextafter", Types.FLOAT, false, null),
    LOGADDEXP("logaddexp", Types.FLOAT, false, Double.NEGATIVE_INFINITY),
    LOGADDEXP2("logaddexp2", Types.FLOAT, false, Double.NEGATIVE_INFINITY),
    HEAVISIDE("heaviside", Types.FLOAT, false, null),
    MAXIMUM("maximum", Types.ALL + Types.COMPLEX, false, null),
    MINIMUM("minimum", Types.ALL + Types.COMPLEX, false, null),
    FMAX("fmax", Types.ALL + Types.COMPLEX, false, null),
    FMIN("fmin", Types.ALL + Types.COMPLEX, false, null),
    EQUAL("equal", Types.ALL + Types.COMPLEX, true, null),
    NOT_EQUAL("not_equal", Types.ALL + Types.COMPLEX, true, null),
    LESS("less", Types.ALL + Types.COMPLEX, true, null),
    LESS_EQUAL("less_equal", Types.ALL + Types.COMPLEX, true, null),
    GREATER("greater", Types.ALL + Types.COMPLEX, true, null),
    GREATER_EQUAL("greater_equal", Types.ALL + Types.COMPLEX, true, null),
    LOGICAL_AND("logical_and", Types.ALL + Types.COMPLEX, true, Boolean.TRUE),
    LOGICAL_OR("logical_or", Types.ALL + Types.COMPLEX, true, Boolean.FALSE),
    LOGICAL_XOR("logical_xor", Types.ALL + Types.COMPLEX, true, Boolean.FALSE),
    BITWISE_AND("bitwise_and", Types.BOOL_INT, false, -1L),
    BITWISE_OR("bitwise_or", Types.BOOL_INT, false, 0L),
    BITWISE_XOR("bitwise_xor", Types.BOOL_INT, false, 0L),
    LEFT_SHIFT("left_shift", Types.INT, false, null),
    RIGHT_SHIFT("right_shift", Types.INT, false, null),
    GCD("gcd", Types.INT, false, 0L),
    LCM("lcm", Types.INT, false, null);

    private final String ufuncName;
    private final String types;
    private final boolean boolOut;
    private final Object identity;

    BinaryOp(String ufuncName, String types, boolean boolOut, Object identity) {
        this.ufuncName = ufuncName;
        this.types = types;
        this.boolOut = boolOut;
        this.identity = identity;
    }

    public String ufuncName() { return ufuncName; }

    /** NumPy's loop input types, in resolution order (type characters ?bBhHiIlLfd). */
    public String types() { return types; }

    /** Comparisons and logical operations give bool whatever the loop type. */
    public boolean boolOut() { return boolOut; }

    /** NumPy's identity: a Long, Double, Boolean, or null (no identity). */
    public Object identity() { return identity; }

    /** True division of integers computes in float64 (NumPy's divide has no integer loops). */
    public boolean floatOnly() { return types.indexOf('l') < 0; }

    /** The loop's output dtype for loop input dtype {@code t}. */
    public DType outType(DType t) { return boolOut ? DType.BOOL : t; }

    /** An infinite result from finite inputs is a "divide by zero" (a pole) rather than an overflow. */
    boolean pole(double x, double y) {
        return switch (this) {
            case DIVIDE, FLOOR_DIVIDE -> y == 0;
            case POWER, FLOAT_POWER -> x == 0;
            default -> false;
        };
    }

    /** The float result ({@code f32}: the loop is float32, where nextafter steps differ). */
    public double applyD(double x, double y, boolean f32) {
        return switch (this) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            case FLOOR_DIVIDE -> floorDivide(x, y);
            case REMAINDER -> remainder(x, y);
            case FMOD -> x % y;
            case POWER, FLOAT_POWER -> pow(x, y);
            case ARCTAN2 -> Math.atan2(x, y);
            case HYPOT -> Math.hypot(x, y);
            case COPYSIGN -> Math.copySign(x, y);
            case NEXTAFTER -> f32 ? Math.nextAfter((float) x, y) : Math.nextAfter(x, y);
            case LOGADDEXP -> logaddexp(x, y);
            case LOGADDEXP2 -> logaddexp2(x, y);
            case HEAVISIDE -> Double.isNaN(x) ? x : x < 0 ? 0.0 : x > 0 ? 1.0 : y;
            case MAXIMUM -> Double.isNaN(x) || x >= y ? x : y;
            case MINIMUM -> Double.isNaN(x) || x <= y ? x : y;
            case FMAX -> Double.isNaN(y) || x >= y ? x : y;
            case FMIN -> Double.isNaN(y) || x <= y ? x : y;
            case EQUAL -> b(x == y);
            case NOT_EQUAL -> b(x != y);
            case LESS -> b(x < y);
            case LESS_EQUAL -> b(x <= y);
            case GREATER -> b(x > y);
            case GREATER_EQUAL -> b(x >= y);
            case LOGICAL_AND -> b(x != 0 && y != 0);
            case LOGICAL_OR -> b(x != 0 || y != 0);
            case LOGICAL_XOR -> b((x != 0) != (y != 0));
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, LEFT_SHIFT, RIGHT_SHIFT, GCD, LCM ->
                throw new IllegalArgumentException(this + " has no float loop");
        };
    }

    /**
     * The integer result for loop type {@code t} (inputs sign- or zero-extended to long; the caller
     * truncates to {@code t}, which gives NumPy's wrap-around). Division by zero gives 0, as NumPy.
     */
    public long applyL(long x, long y, DType t) {
        boolean u64 = t == DType.UINT64;
        return switch (this) {
            case ADD -> t == DType.BOOL ? x | y : x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> t == DType.BOOL ? x & y : x * y;
            case FLOOR_DIVIDE -> y == 0 ? 0 : u64 ? Long.divideUnsigned(x, y) : (x == Long.MIN_VALUE && y == -1 ? x : Math.floorDiv(x, y));
            case REMAINDER -> y == 0 ? 0 : u64 ? Long.remainderUnsigned(x, y) : (y == -1 ? 0 : Math.floorMod(x, y));
            case FMOD -> y == 0 ? 0 : u64 ? Long.remainderUnsigned(x, y) : (y == -1 ? 0 : x % y);
            case POWER -> ipow(x, y, t);
            case MAXIMUM, FMAX -> (u64 ? Long.compareUnsigned(x, y) >= 0 : x >= y) ? x : y;
            case MINIMUM, FMIN -> (u64 ? Long.compareUnsigned(x, y) <= 0 : x <= y) ? x : y;
            case EQUAL -> bl(x == y);
            case NOT_EQUAL -> bl(x != y);
            case LESS -> bl(u64 ? Long.compareUnsigned(x, y) < 0 : x < y);
            case LESS_EQUAL -> bl(u64 ? Long.compareUnsigned(x, y) <= 0 : x <= y);
            case GREATER -> bl(u64 ? Long.compareUnsigned(x, y) > 0 : x > y);
            case GREATER_EQUAL -> bl(u64 ? Long.compareUnsigned(x, y) >= 0 : x >= y);
            case LOGICAL_AND -> bl(x != 0 && y != 0);
            case LOGICAL_OR -> bl(x != 0 || y != 0);
            case LOGICAL_XOR -> bl((x != 0) != (y != 0));
            case BITWISE_AND -> x & y;
            case BITWISE_OR -> x | y;
            case BITWISE_XOR -> x ^ y;
            case LEFT_SHIFT -> Long.compareUnsigned(y, bits(t)) >= 0 ? 0 : x << y;
            case RIGHT_SHIFT -> Long.compareUnsigned(y, bits(t)) >= 0 ? (x < 0 && !u64 ? -1 : 0) : (u64 ? x >>> y : x >> y);
            case GCD -> gcd(x, y, u64);
            case LCM -> lcm(x, y, u64);
            default -> throw new IllegalArgumentException(this + " has no integer loop");
        };
    }

    /** Floating-point conditions an integer loop reports (division by zero, MIN // -1). */
    int intFlags(long x, long y, DType t) {
        return switch (this) {
            case FLOOR_DIVIDE -> y == 0 ? FpFlags.DIVIDE : (t.kind() == 'i' && y == -1 && x == Types.min(t) ? FpFlags.OVERFLOW : 0);
            case REMAINDER, FMOD -> y == 0 ? FpFlags.DIVIDE : 0;
            default -> 0;
        };
    }

    boolean checksInt() { return this == FLOOR_DIVIDE || this == REMAINDER || this == FMOD || this == POWER; }

    private static double b(boolean v) { return v ? 1.0 : 0.0; }

    private static long bl(boolean v) { return v ? 1L : 0L; }

    static int bits(DType t) { return t.itemsize() * 8; }

    /** NumPy's floor division of floats (npy_divmod's quotient). */
    static double floorDivide(double a, double b) {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) div -= 1.0;
        }
        if (div != 0) {
            double fl = Math.floor(div);
            if (div - fl > 0.5) fl += 1.0;
            return fl;
        }
        return Math.copySign(0.0, a / b);
    }

    /** NumPy's remainder of floats: the sign of the divisor (npy_divmod's modulus). */
    static double remainder(double a, double b) {
        double mod = a % b;
        if (b == 0) return mod;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) mod += b;
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    private static double logaddexp(double x, double y) {
        if (x == y) return x + Math.log(2.0); // also handles equal infinities
        double d = x - y;
        if (d > 0) return x + Math.log1p(Math.exp(-d));
        if (d <= 0) return y + Math.log1p(Math.exp(d));
        return d; // NaN
    }

    private static final double LN2 = Math.log(2.0);

    private static double logaddexp2(double x, double y) {
        if (x == y) return x + 1.0;
        double d = x - y;
        if (d > 0) return x + Math.log1p(Math.pow(2.0, -d)) / LN2;
        if (d <= 0) return y + Math.log1p(Math.pow(2.0, d)) / LN2;
        return d;
    }

    /** C's pow (NumPy's loop): 1 to any power, and -1 to an infinite one, is 1, where Java's Math.pow gives NaN. */
    static double pow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) return 1.0;
        return Math.pow(x, y);
    }

    private static long ipow(long base, long exp, DType t) {
        if (t.kind() == 'i' && exp < 0) {
            throw dev.gilfree.core.GilfreeException.value("Integers to negative integer powers are not allowed.");
        }
        long r = 1;
        long b = base;
        long e = exp;
        while (e != 0) {
            if ((e & 1) != 0) r *= b;
            b *= b;
            e >>>= 1;
        }
        return r;
    }

    private static long gcd(long a, long b, boolean unsigned) {
        if (!unsigned) {
            a = Math.abs(a);
            b = Math.abs(b);
        }
        while (b != 0) {
            long r = unsigned ? Long.remainderUnsigned(a, b) : a % b;
            a = b;
            b = r;
        }
        return a;
    }

    private static long lcm(long a, long b, boolean unsigned) {
        long g = gcd(a, b, unsigned);
        if (g == 0) return 0;
        long q = unsigned ? Long.divideUnsigned(a, g) : Math.abs(a) / g;
        return unsigned ? q * b : q * Math.abs(b);
    }
}
