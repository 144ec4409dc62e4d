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
            case FLOAT16 -> Half.toDouble(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
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
            case FLOAT16 -> (long) Half.toFloat(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
            case FLOAT32, COMPLEX64 -> (long) s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off);
            case FLOAT64, COMPLEX128 -> (long) s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off);
        };
    }

    public static void setDouble(DType t, MemorySegment s, long off, double v) {
        switch (t) {
            case FLOAT16 -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED, off, Half.fromDouble(v));
            case FLOAT32 -> s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) v);
            case FLOAT64 -> s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, v);
            case COMPLEX64 -> { s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) v); s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off + 4, 0f); }
            case COMPLEX128 -> { s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, v); s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off + 8, 0.0); }
            case BOOL -> s.set(ValueLayout.JAVA_BYTE, off, (byte) (v != 0 || Double.isNaN(v) ? 1 : 0));
            default -> setLong(t, s, off, doubleToLong(t, v));
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

    /** Imaginary part of a complex element; 0 for every real dtype. */
    public static double getImag(DType t, MemorySegment s, long off) {
        return switch (t) {
            case COMPLEX64 -> s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off + 4);
            case COMPLEX128 -> s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off + 8);
            default -> 0.0;
        };
    }

    /** Writes re + im*j; real dtypes keep the real part (NumPy's ComplexWarning cast). */
    public static void setComplex(DType t, MemorySegment s, long off, double re, double im) {
        switch (t) {
            case COMPLEX64 -> { s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) re); s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off + 4, (float) im); }
            case COMPLEX128 -> { s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, re); s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off + 8, im); }
            default -> setDouble(t, s, off, re);
        }
    }

    /** Float to integer as NumPy does on x86 for in-range values: truncation toward zero; uint64 beyond 2**63 kept. */
    static long doubleToLong(DType t, double v) {
        if (t == DType.UINT64 && v >= 0x1p63) return (long) (v - 0x1p63) ^ Long.MIN_VALUE;
        return (long) v;
    }

    private static double unsignedToDouble(long v) {
        // halve with the low bit kept sticky, so the one rounding happens in the conversion
        return v >= 0 ? (double) v : (double) ((v >>> 1) | (v & 1)) * 2.0;
    }
}
