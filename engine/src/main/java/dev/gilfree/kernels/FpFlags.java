package dev.gilfree.kernels;

/**
 * Floating-point conditions a loop met, as a bit set (NumPy's divide / overflow / underflow / invalid).
 * Loops return the bits; the Python layer applies the thread's errstate (ignore/warn/raise/call).
 */
public final class FpFlags {
    private FpFlags() {}

    public static final int DIVIDE = 1, OVERFLOW = 2, UNDERFLOW = 4, INVALID = 8;

    /** Conditions of one float result {@code r} from inputs {@code x} (and {@code y}; pass 0 for unary). */
    static int classify(double x, double y, double r, boolean pole) {
        if (Double.isNaN(r)) return Double.isNaN(x) || Double.isNaN(y) ? 0 : INVALID;
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) return pole ? DIVIDE : OVERFLOW;
        return 0;
    }
}
