package dev.gilfree.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Reads and writes single elements of any real dtype, converting through double or long. Slow path only. */
public final class Elements {
    private Elements() {}

    public static double getDouble(DType t, MemorySegment s, long off) {
        return switch (t) {
            case BOOL -> s.get(ValueLayout.JAVA_BYTE, off) != 0 ? 1.0 : 0.0;
            case INT8 -> s.get(ValueLayout.JAVA_BYTE, off);
            case UINT8 -> Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
            case INT16 -> s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off);
            case UINT16 -> Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
            case INT32 -> s.get(ValueLayout.JAVA_INT_UNALIGNED, off);
            case UINT32 -> Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, off));
            case INT64 -> s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
            case UINT64 -> unsignedToDouble(s.get(ValueLayout.JAVA_LONG_UNALIGNED, off));
            case FLOAT32, COMPLEX64 -> s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off);
            case FLOAT64, COMPLEX128 -> s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off);
        };
    }

    public static long getLong(DType t, MemorySegment s, long off) {
        return switch (t) {
            case BOOL -> s.get(ValueLayout.JAVA_BYTE, off) != 0 ? 1 : 0;
            case INT8 -> s.get(ValueLayout.JAVA_BYTE, off);
            case UINT8 -> Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
            case INT16 -> s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off);
            case UINT16 -> Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
            case INT32 -> s.get(ValueLayout.JAVA_INT_UNALIGNED, off);
            case UINT32 -> Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, off));
            case INT64, UINT64 -> s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
            case FLOAT32, COMPLEX64 -> (long) s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off);
            case FLOAT64, COMPLEX128 -> (long) s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off);
        };
    }

    public static void setDouble(DType t, MemorySegment s, long off, double v) {
        switch (t) {
            case BOOL -> s.set(ValueLayout.JAVA_BYTE, off, (byte) (v != 0 ? 1 : 0));
            case FLOAT32 -> s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) v);
            case FLOAT64 -> s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, v);
            case COMPLEX64 -> { s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) v); s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off + 4, 0f); }
            case COMPLEX128 -> { s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, v); s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off + 8, 0.0); }
            default -> setLong(t, s, off, (long) v);
        }
    }

    public static void setLong(DType t, MemorySegment s, long off, long v) {
        switch (t) {
            case BOOL -> s.set(ValueLayout.JAVA_BYTE, off, (byte) (v != 0 ? 1 : 0));
            case INT8, UINT8 -> s.set(ValueLayout.JAVA_BYTE, off, (byte) v);
            case INT16, UINT16 -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED, off, (short) v);
            case INT32, UINT32 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, off, (int) v);
            case INT64, UINT64 -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, off, v);
            default -> setDouble(t, s, off, (double) v);
        }
    }

    private static double unsignedToDouble(long v) {
        // halve with the low bit kept sticky, so the one rounding happens in the conversion
        return v >= 0 ? (double) v : (double) ((v >>> 1) | (v & 1)) * 2.0;
    }
}
