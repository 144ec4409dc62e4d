package dev.gilfree.kernels;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A bit generator's stream (NumPy's bitgen_t): raw 64- and 32-bit words and the 53-bit double built from
 * them. Every draw from Python takes {@link #lock} for its whole block, so threads sharing one generator
 * get distinct, complete blocks of the stream (gilfree's promise; NumPy leaves sharing undefined).
 */
public abstract sealed class BitSource permits Pcg64, Mt19937, Philox, Sfc64 {
    /** Held for the duration of one draw (one entry call). */
    public final ReentrantLock lock = new ReentrantLock();

    /** RandomState's cached second normal of the polar method (NumPy's aug_bitgen_t). */
    public boolean hasGauss;
    public double gauss;

    /** The upper half of the last 64-bit word, kept for the next 32-bit draw (64-bit generators). */
    boolean hasUint32;
    int uinteger;

    public abstract long next64();

    /** NumPy's next32 of a 64-bit generator: the low half of a fresh word, the high half kept for the next call. */
    final int halfWord() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = next64();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    public abstract int next32();

    /** A double in [0, 1) with 53 random bits. */
    public double nextDouble() { return (next64() >>> 11) * 0x1.0p-53; }

    /** A float in [0, 1) with 24 random bits (from one 32-bit word). */
    public final float nextFloat() { return (next32() >>> 8) * 0x1.0p-24f; }
}
