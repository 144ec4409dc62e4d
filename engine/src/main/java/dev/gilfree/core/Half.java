package dev.gilfree.core;

/**
 * IEEE binary16 (NumPy's float16) storage: bits to double exactly, and double to bits rounded once,
 * to nearest with ties to even, as NumPy's npy_double_to_half (not through float32, which would round
 * twice). Finite values from 65520 up become infinity; NaN keeps its sign and the top 10 payload bits.
 */
public final class Half {
    private Half() {}

    /** Largest finite float16. */
    public static final double MAX = 65504.0;

    public static double toDouble(short h) {
        return Float.float16ToFloat(h);
    }

    public static float toFloat(short h) {
        return Float.float16ToFloat(h);
    }

    public static short fromDouble(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int sign = (int) (bits >>> 48) & 0x8000;
        double a = Math.abs(d);
        if (Double.isNaN(d)) {
            int payload = (int) ((bits & 0x000f_ffff_ffff_ffffL) >>> 42);
            return (short) (sign | 0x7c00 | (payload == 0 ? 1 : payload));
        }
        if (a >= 65520.0) return (short) (sign | 0x7c00); // past the midpoint to 2**16: infinity (also inf itself)
        if (a < 0x1p-14) return (short) (sign | (int) Math.rint(a * 0x1p24)); // subnormal; 1024 is 2**-14's encoding
        int e = Math.getExponent(a);
        int m = (int) Math.rint(Math.scalb(a, 10 - e)); // 1024..2048, a carry into the exponent adds up right
        return (short) (sign | (((e + 15) << 10) + (m - 1024)));
    }

    public static short fromFloat(float f) {
        // Java's conversion (one instruction with F16C) rounds as npy_float_to_half; NaN payloads are kept as NumPy keeps them
        return Float.isNaN(f) ? fromDouble(f) : Float.floatToFloat16(f);
    }

    /** Whether a finite double becomes infinity in float16 (NumPy's "overflow encountered"). */
    public static boolean overflows(double d) {
        return Double.isFinite(d) && Math.abs(d) >= 65520.0;
    }
}
