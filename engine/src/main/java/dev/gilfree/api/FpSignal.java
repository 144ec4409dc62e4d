package dev.gilfree.api;

import dev.gilfree.core.NDArray;

/**
 * Thrown by a ufunc call that met floating-point conditions the caller asked to hear about (its
 * errstate mask): it carries the finished result, so the Python layer warns, raises or calls its
 * handler and then returns {@link #result()}. No stack trace: it is cheap, and rare.
 */
public final class FpSignal extends RuntimeException {
    private final transient NDArray result;
    private final int flags;

    public FpSignal(NDArray result, int flags) {
        super("floating-point flags " + flags, null, false, false);
        this.result = result;
        this.flags = flags;
    }

    public NDArray result() { return result; }

    /** {@link dev.gilfree.kernels.FpFlags} bits: 1 divide, 2 overflow, 4 underflow, 8 invalid. */
    public int fpFlags() { return flags; }
}
