package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.Half;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Runs of elements (offset, byte stride, count) moved between array memory and Java arrays with one loop
 * typed per dtype, instead of the dtype switch of {@link Elements} per element: reductions read their
 * chunks through it, and dtype conversions (Copy) read into a chunk and write it out converted. Values are
 * Elements' values: doubles for float dtypes, longs for integer and bool ones (unsigned zero-extended).
 */
final class TypedRuns {
    private TypedRuns() {}

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;

    /** dst[at..at+m) = the m float elements at off, off+stride, ... as doubles. */
    static void gatherD(DType t, MemorySegment s, long off, long stride, double[] dst, int at, int m) {
        if (t == DType.FLOAT64 && stride == 8) {
            MemorySegment.copy(s, D, off, dst, at, m);
        } else if (t == DType.FLOAT64) {
            for (int i = 0; i < m; i++) dst[at + i] = s.get(D, off + i * stride);
        } else if (t == DType.FLOAT32) {
            for (int i = 0; i < m; i++) dst[at + i] = s.get(F, off + i * stride);
        } else if (t == DType.FLOAT16) {
            for (int i = 0; i < m; i++) dst[at + i] = Float.float16ToFloat(s.get(S, off + i * stride));
        } else if (t.isInteger() && t != DType.UINT64) {
            // integers into a float loop (int16 + float32): typed reads, every value exact in a double but int64's
            switch (t) {
                case INT8 -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(B, off + i * stride); }
                case UINT8 -> { for (int i = 0; i < m; i++) dst[at + i] = Byte.toUnsignedInt(s.get(B, off + i * stride)); }
                case INT16 -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(S, off + i * stride); }
                case UINT16 -> { for (int i = 0; i < m; i++) dst[at + i] = Short.toUnsignedInt(s.get(S, off + i * stride)); }
                case INT32 -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(I, off + i * stride); }
                case UINT32 -> { for (int i = 0; i < m; i++) dst[at + i] = Integer.toUnsignedLong(s.get(I, off + i * stride)); }
                default -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(L, off + i * stride); } // int64: rounded as (double) long
            }
        } else {
            for (int i = 0; i < m; i++) dst[at + i] = Elements.getDouble(t, s, off + i * stride);
        }
    }

    /** dst[at..at+m) = the m integer or bool elements at off, off+stride, ... as longs (Elements' values). */
    static void gatherL(DType t, MemorySegment s, long off, long stride, long[] dst, int at, int m) {
        switch (t) {
            case INT64, UINT64 -> {
                if (stride == 8) MemorySegment.copy(s, L, off, dst, at, m);
                else for (int i = 0; i < m; i++) dst[at + i] = s.get(L, off + i * stride);
            }
            case INT32 -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(I, off + i * stride); }
            case UINT32 -> { for (int i = 0; i < m; i++) dst[at + i] = Integer.toUnsignedLong(s.get(I, off + i * stride)); }
            case INT16 -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(S, off + i * stride); }
            case UINT16 -> { for (int i = 0; i < m; i++) dst[at + i] = Short.toUnsignedInt(s.get(S, off + i * stride)); }
            case INT8 -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(B, off + i * stride); }
            case UINT8 -> { for (int i = 0; i < m; i++) dst[at + i] = Byte.toUnsignedInt(s.get(B, off + i * stride)); }
            case BOOL -> { for (int i = 0; i < m; i++) dst[at + i] = s.get(B, off + i * stride) != 0 ? 1 : 0; }
            default -> { for (int i = 0; i < m; i++) dst[at + i] = Elements.getLong(t, s, off + i * stride); }
        }
    }

    /** Writes src[0..m) (float values) as dtype t at off, off+stride, ...: float64/float32 typed, others converted as Elements does. */
    static void scatterD(double[] src, int m, DType t, MemorySegment d, long off, long stride) {
        switch (t) {
            case FLOAT64 -> {
                if (stride == 8) MemorySegment.copy(src, 0, d, D, off, m);
                else for (int i = 0; i < m; i++) d.set(D, off + i * stride, src[i]);
            }
            case FLOAT32 -> { for (int i = 0; i < m; i++) d.set(F, off + i * stride, (float) src[i]); }
            case FLOAT16 -> { for (int i = 0; i < m; i++) d.set(S, off + i * stride, Half.fromDouble(src[i])); }
            default -> { for (int i = 0; i < m; i++) Elements.setDouble(t, d, off + i * stride, src[i]); }
        }
    }

    /** Writes src[0..m) (integer values) as dtype t at off, off+stride, ...: wrapped to t's width, or converted to a float dtype. */
    static void scatterL(long[] src, int m, DType t, MemorySegment d, long off, long stride) {
        switch (t) {
            case INT64, UINT64 -> {
                if (stride == 8) MemorySegment.copy(src, 0, d, L, off, m);
                else for (int i = 0; i < m; i++) d.set(L, off + i * stride, src[i]);
            }
            case INT32, UINT32 -> { for (int i = 0; i < m; i++) d.set(I, off + i * stride, (int) src[i]); }
            case INT16, UINT16 -> { for (int i = 0; i < m; i++) d.set(S, off + i * stride, (short) src[i]); }
            case INT8, UINT8 -> { for (int i = 0; i < m; i++) d.set(B, off + i * stride, (byte) src[i]); }
            case FLOAT64 -> { for (int i = 0; i < m; i++) d.set(D, off + i * stride, (double) src[i]); }
            case FLOAT32 -> { for (int i = 0; i < m; i++) d.set(F, off + i * stride, (float) src[i]); }
            default -> { for (int i = 0; i < m; i++) Elements.setLong(t, d, off + i * stride, src[i]); }
        }
    }
}
