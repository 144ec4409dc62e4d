package dev.gilfree.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Writes a SIMD comparison's lane mask as NumPy bools: one byte, 0 or 1, per lane, lane 0 first. */
final class BoolMasks {
    private BoolMasks() {}

    /** Byte k of SPREAD[m] is bit k of m: eight lanes' bools in one little-endian store. */
    private static final long[] SPREAD = new long[256];
    static {
        for (int m = 0; m < 256; m++) {
            long v = 0;
            for (int k = 0; k < 8; k++) if ((m >> k & 1) != 0) v |= 1L << (8 * k);
            SPREAD[m] = v;
        }
    }
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** Stores the low `lanes` bits of `bits` (a VectorMask's toLong()) as bools at o + off. */
    static void store(long bits, int lanes, MemorySegment o, long off) {
        if (LITTLE && lanes == 4) {
            o.set(ValueLayout.JAVA_INT_UNALIGNED, off, (int) SPREAD[(int) bits & 15]);
        } else if (LITTLE && lanes % 8 == 0) {
            for (int k = 0; k < lanes; k += 8) o.set(ValueLayout.JAVA_LONG_UNALIGNED, off + k, SPREAD[(int) (bits >>> k) & 255]);
        } else {
            for (int k = 0; k < lanes; k++) o.set(ValueLayout.JAVA_BYTE, off + k, (byte) (bits >>> k & 1));
        }
    }
}
