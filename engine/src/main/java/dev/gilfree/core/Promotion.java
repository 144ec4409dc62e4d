package dev.gilfree.core;

/**
 * NumPy 2 type promotion between dtypes (the table behind np.promote_types), and NEP 50's rule for
 * Python scalars: they are "weak" and take the array's dtype unless their kind is higher.
 */
public final class Promotion {
    private Promotion() {}

    public static DType promote(DType a, DType b) {
        if (a == b) return a;
        if (a == DType.BOOL) return b;
        if (b == DType.BOOL) return a;
        char ka = a.kind(), kb = b.kind();
        if (ka == 'c' || kb == 'c') {
            int bits = Math.max(floatBits(a), floatBits(b));
            return bits > 32 ? DType.COMPLEX128 : DType.COMPLEX64;
        }
        if (ka == 'f' || kb == 'f') {
            int bits = Math.max(floatBits(a), floatBits(b));
            return bits > 32 ? DType.FLOAT64 : bits > 16 ? DType.FLOAT32 : DType.FLOAT16;
        }
        if (ka == kb) return a.itemsize() >= b.itemsize() ? a : b;
        DType signed = ka == 'i' ? a : b, unsigned = ka == 'u' ? a : b;
        if (signed.itemsize() > unsigned.itemsize()) return signed;
        return switch (unsigned) {
            case UINT8 -> DType.INT16;
            case UINT16 -> DType.INT32;
            case UINT32 -> DType.INT64;
            default -> DType.FLOAT64; // uint64 with any signed integer
        };
    }

    /** Bits of the smallest float (component) that holds every value of t, as NumPy's table. */
    private static int floatBits(DType t) {
        return switch (t) {
            case BOOL, INT8, UINT8, FLOAT16 -> 16;
            case INT16, UINT16, FLOAT32, COMPLEX64 -> 32;
            default -> 64;
        };
    }

    /** Kind of a Python scalar operand (NEP 50 weak scalar). */
    public enum ScalarKind { BOOL, INT, FLOAT, COMPLEX }

    /** Result dtype of an array of dtype {@code a} combined with a weak Python scalar. */
    public static DType promoteWeak(DType a, ScalarKind s) {
        return switch (s) {
            case BOOL -> a;
            case INT -> a == DType.BOOL ? DType.INT64 : a;
            case FLOAT -> (a.kind() == 'f' || a.kind() == 'c') ? a : DType.FLOAT64;
            case COMPLEX -> switch (a) {
                case COMPLEX64, COMPLEX128 -> a;
                case FLOAT16, FLOAT32 -> DType.COMPLEX64;
                default -> DType.COMPLEX128;
            };
        };
    }
}
