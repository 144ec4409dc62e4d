package dev.gilfree.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * floor, ceil, trunc and rint of contiguous float64/float32 data: plain loops over Math's rounding methods,
 * which the JIT compiles to the processor's rounding instruction (the Vector API has no rounding operator).
 * One method per function, so each loop calls one constant method; the generic scalar loop, with its
 * dtype and operation switches per element, took 6-10 ns an element. Rounding raises no floating-point
 * condition (NaN and infinities come back unchanged), so there are no flags to report.
 */
final class RoundingLoops {
    private RoundingLoops() {}

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    /** Elements done: n for the four rounding functions, 0 for any other operation. */
    static long float64(UnaryOp op, MemorySegment a, long ao, MemorySegment o, long oo, long n) {
        switch (op) {
            case FLOOR -> { for (long i = 0; i < n; i++) o.set(D, oo + i * 8, Math.floor(a.get(D, ao + i * 8))); }
            case CEIL -> { for (long i = 0; i < n; i++) o.set(D, oo + i * 8, Math.ceil(a.get(D, ao + i * 8))); }
            case TRUNC -> { for (long i = 0; i < n; i++) o.set(D, oo + i * 8, trunc(a.get(D, ao + i * 8))); }
            case RINT -> { for (long i = 0; i < n; i++) o.set(D, oo + i * 8, Math.rint(a.get(D, ao + i * 8))); }
            default -> { return 0; }
        }
        return n;
    }

    static long float32(UnaryOp op, MemorySegment a, long ao, MemorySegment o, long oo, long n) {
        switch (op) {
            case FLOOR -> { for (long i = 0; i < n; i++) o.set(F, oo + i * 4, (float) Math.floor(a.get(F, ao + i * 4))); }
            case CEIL -> { for (long i = 0; i < n; i++) o.set(F, oo + i * 4, (float) Math.ceil(a.get(F, ao + i * 4))); }
            case TRUNC -> { for (long i = 0; i < n; i++) o.set(F, oo + i * 4, (float) trunc(a.get(F, ao + i * 4))); }
            case RINT -> { for (long i = 0; i < n; i++) o.set(F, oo + i * 4, (float) Math.rint(a.get(F, ao + i * 4))); }
            default -> { return 0; }
        }
        return n;
    }

    /** Toward zero, keeping the sign of a zero result (trunc(-0.5) is -0.0, as NumPy's). */
    private static double trunc(double x) { return x < 0 ? Math.ceil(x) : Math.floor(x); }
}
