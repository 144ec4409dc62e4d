package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ElementsTest {
    private static MemorySegment seg() { return Arena.ofAuto().allocate(64, 8); }

    @ParameterizedTest
    @EnumSource(DType.class)
    void smallValuesRoundTripThroughEveryDType(DType t) {
        MemorySegment s = seg();
        long[] values = t == DType.BOOL ? new long[]{0, 1} : new long[]{0, 1, 7, 100, 127};
        for (long v : values) {
            Elements.setLong(t, s, 3, v); // unaligned on purpose
            assertEquals(v, Elements.getLong(t, s, 3), t + " long " + v);
            assertEquals((double) v, Elements.getDouble(t, s, 3), t + " double " + v);
            Elements.setDouble(t, s, 16, v);
            assertEquals(v, Elements.getLong(t, s, 16), t + " via double " + v);
        }
    }

    @Test
    void signedTypesWrapLikeNumPyUnsafeCasts() {
        MemorySegment s = seg();
        Elements.setLong(DType.INT8, s, 0, 200);   // np.array(200).astype(np.int8) == -56
        assertEquals(-56, Elements.getLong(DType.INT8, s, 0));
        Elements.setLong(DType.INT16, s, 0, 40000);
        assertEquals(40000 - 65536, Elements.getLong(DType.INT16, s, 0));
        Elements.setLong(DType.INT32, s, 0, 1L << 31);
        assertEquals(Integer.MIN_VALUE, Elements.getLong(DType.INT32, s, 0));
        Elements.setLong(DType.INT64, s, 0, Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, Elements.getLong(DType.INT64, s, 0));
        assertEquals(-9.223372036854775808E18, Elements.getDouble(DType.INT64, s, 0));
    }

    @Test
    void unsignedTypesReadAsNonNegative() {
        MemorySegment s = seg();
        Elements.setLong(DType.UINT8, s, 0, -1);
        assertEquals(255, Elements.getLong(DType.UINT8, s, 0));
        assertEquals(255.0, Elements.getDouble(DType.UINT8, s, 0));
        Elements.setLong(DType.UINT16, s, 0, -1);
        assertEquals(65535, Elements.getLong(DType.UINT16, s, 0));
        assertEquals(65535.0, Elements.getDouble(DType.UINT16, s, 0));
        Elements.setLong(DType.UINT32, s, 0, -1);
        assertEquals(4294967295L, Elements.getLong(DType.UINT32, s, 0));
        assertEquals(4294967295.0, Elements.getDouble(DType.UINT32, s, 0));
        Elements.setLong(DType.UINT8, s, 8, 300); // np.array(300).astype(np.uint8) == 44
        assertEquals(44, Elements.getLong(DType.UINT8, s, 8));
    }

    @Test
    void uint64ReadsAsUnsignedDouble() {
        MemorySegment s = seg();
        Elements.setLong(DType.UINT64, s, 0, -1); // 2**64 - 1
        assertEquals(1.8446744073709552E19, Elements.getDouble(DType.UINT64, s, 0));
        Elements.setLong(DType.UINT64, s, 0, Long.MIN_VALUE); // 2**63
        assertEquals(9.223372036854775808E18, Elements.getDouble(DType.UINT64, s, 0));
        Elements.setLong(DType.UINT64, s, 0, Long.MIN_VALUE + 4096); // exactly representable
        assertEquals(9.223372036854779904E18, Elements.getDouble(DType.UINT64, s, 0));
        Elements.setLong(DType.UINT64, s, 0, (1L << 53) + 1); // below 2**63: plain conversion
        assertEquals((double) ((1L << 53) + 1), Elements.getDouble(DType.UINT64, s, 0));
    }

    @Test
    void floatToIntegerTruncatesTowardZero() {
        MemorySegment s = seg();
        Elements.setDouble(DType.INT32, s, 0, 3.9);
        assertEquals(3, Elements.getLong(DType.INT32, s, 0));
        Elements.setDouble(DType.INT32, s, 0, -3.9);
        assertEquals(-3, Elements.getLong(DType.INT32, s, 0));
        Elements.setDouble(DType.INT64, s, 0, -0.5);
        assertEquals(0, Elements.getLong(DType.INT64, s, 0));
        Elements.setDouble(DType.FLOAT64, s, 8, -2.75);
        assertEquals(-2, Elements.getLong(DType.FLOAT64, s, 8));
        Elements.setDouble(DType.FLOAT32, s, 8, 1e9 + 0.5);
        assertEquals(1_000_000_000, Elements.getLong(DType.FLOAT32, s, 8));
    }

    @Test
    void boolStoresTruthiness() {
        MemorySegment s = seg();
        for (double v : new double[]{0.5, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            Elements.setDouble(DType.BOOL, s, 0, v);
            assertEquals(1, s.get(ValueLayout.JAVA_BYTE, 0), "bool(" + v + ")");
        }
        Elements.setDouble(DType.BOOL, s, 0, -0.0);
        assertEquals(0, s.get(ValueLayout.JAVA_BYTE, 0));
        Elements.setLong(DType.BOOL, s, 0, 256); // nonzero, though its low byte is 0
        assertEquals(1, Elements.getLong(DType.BOOL, s, 0));
        s.set(ValueLayout.JAVA_BYTE, 1, (byte) 7); // any nonzero byte reads as True
        assertEquals(1.0, Elements.getDouble(DType.BOOL, s, 1));
    }

    @Test
    void float32RoundsToNearestFloat() {
        MemorySegment s = seg();
        Elements.setDouble(DType.FLOAT32, s, 0, 0.1);
        assertEquals((double) 0.1f, Elements.getDouble(DType.FLOAT32, s, 0));
        Elements.setDouble(DType.FLOAT32, s, 0, 1e300);
        assertEquals(Double.POSITIVE_INFINITY, Elements.getDouble(DType.FLOAT32, s, 0));
        Elements.setLong(DType.FLOAT64, s, 8, (1L << 53) + 1);
        assertEquals(9.007199254740992E15, Elements.getDouble(DType.FLOAT64, s, 8));
    }

    @Test
    void complexStoresARealValueWithZeroImaginaryPart() {
        MemorySegment s = seg();
        s.fill((byte) 0x7f);
        Elements.setDouble(DType.COMPLEX128, s, 0, 2.5);
        assertEquals(2.5, s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0));
        assertEquals(0.0, s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 8));
        assertEquals(2.5, Elements.getDouble(DType.COMPLEX128, s, 0));
        Elements.setLong(DType.COMPLEX64, s, 16, 3);
        assertEquals(3f, s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 16));
        assertEquals(0f, s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 20));
        assertEquals(3, Elements.getLong(DType.COMPLEX64, s, 16));
    }
}
