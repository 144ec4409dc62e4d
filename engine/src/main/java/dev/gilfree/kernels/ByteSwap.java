package dev.gilfree.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Reverses the byte order of every element (every component of a complex one): data written on a machine of the other endianness. */
public final class ByteSwap {
    private ByteSwap() {}

    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    /** Swaps {@code bytes} bytes of {@code seg} from {@code at}, in units of {@code width} (1, 2, 4 or 8) bytes. */
    public static void swap(MemorySegment seg, long at, long bytes, int width) {
        long end = at + bytes;
        switch (width) {
            case 1 -> { }
            case 2 -> { for (long p = at; p < end; p += 2) seg.set(S, p, Short.reverseBytes(seg.get(S, p))); }
            case 4 -> { for (long p = at; p < end; p += 4) seg.set(I, p, Integer.reverseBytes(seg.get(I, p))); }
            case 8 -> { for (long p = at; p < end; p += 8) seg.set(L, p, Long.reverseBytes(seg.get(L, p))); }
            default -> throw new IllegalArgumentException("element width " + width);
        }
    }

    /** Whether data in {@code bigEndian} order needs swapping on this machine. */
    public static boolean needed(boolean bigEndian) {
        return bigEndian != (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN);
    }
}
