package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** float16 conversions: exact widening, one rounding from double (ties to even), overflow, NaN, subnormals. */
class HalfTest {
    private static int bits(double d) { return Half.fromDouble(d) & 0xffff; }

    @Test
    void everyPatternWidensExactlyAndNarrowsBackToItself() {
        for (int p = 0; p < 0x10000; p++) {
            short h = (short) p;
            double d = Half.toDouble(h);
            if (Double.isNaN(d)) {
                assertTrue((p & 0x7c00) == 0x7c00 && (p & 0x3ff) != 0, Integer.toHexString(p));
                assertEquals(p & 0x8000, bits(d) & 0x8000, "NaN keeps its sign");
                assertTrue(Double.isNaN(Half.toDouble(Half.fromDouble(d))));
                continue;
            }
            assertEquals(p, bits(d), Integer.toHexString(p));
            assertEquals(p, Half.fromFloat((float) d) & 0xffff, Integer.toHexString(p));
        }
    }

    @Test
    void roundingAgreesWithExactDecimalArithmeticAtEveryMidpoint() {
        // between neighbours a < b: the midpoint goes to the even pattern, a hair either side to the nearer
        for (int p = 0; p < 0x7bff; p++) {
            double a = Half.toDouble((short) p), b = Half.toDouble((short) (p + 1));
            double mid = new BigDecimal(a).add(new BigDecimal(b)).divide(BigDecimal.TWO).doubleValue(); // exact: a + b needs < 53 bits
            int even = (p & 1) == 0 ? p : p + 1;
            assertEquals(even, bits(mid), "tie at " + mid);
            assertEquals(p, bits(Math.nextDown(mid)), "below " + mid);
            assertEquals(p + 1, bits(Math.nextUp(mid)), "above " + mid);
            assertEquals(even | 0x8000, bits(-mid), "negative tie at " + mid);
        }
    }

    @Test
    void doubleRoundsOnceNotThroughFloat32() {
        // 1 + 2**-11 + 2**-40: above the tie 1 + 2**-11, so up to 1 + 2**-10; float32 would first round it
        // to the tie itself, and the tie then goes down to even (1.0)
        double x = 1 + 0x1p-11 + 0x1p-40;
        assertEquals(0x3c01, bits(x));
        assertEquals(0x3c00, Half.fromFloat((float) x) & 0xffff);
    }

    @Test
    void fromFloatRoundsAsFromDoubleForEveryFloatInTheRange() {
        // every float32 from 2**-26 to past the overflow threshold, in steps of 97 patterns, both signs
        for (int b = Float.floatToRawIntBits(0x1p-26f); b < Float.floatToRawIntBits(70000f); b += 97) {
            float f = Float.intBitsToFloat(b);
            assertEquals(Half.fromDouble(f), Half.fromFloat(f), () -> Float.toString(f));
            assertEquals(Half.fromDouble(-f), Half.fromFloat(-f), () -> Float.toString(-f));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "65504, 7bff", "65519.99, 7bff", "65520, 7c00", "1e300, 7c00", "-65520, fc00", "Infinity, 7c00",
        "-Infinity, fc00", "0, 0000", "-0.0, 8000", "5.960464477539063e-08, 0001", "2.9802322387695312e-08, 0000",
"8.940696716308594e-08, 0002", "6.097555160522461e-05, 03ff",
        "6.103515625e-05, 0400", "1e-300, 0000", "-1e-300, 8000", "0.1, 2e66", "2049, 6800", "2051, 6802"})
    void specialValues(double d, String hex) {
        assertEquals(Integer.parseInt(hex, 16), bits(d));
    }

    @Test
    void halfTheSmallestSubnormalIsATieToZeroAndAnythingAboveRoundsUp() {
        assertEquals(0x0000, bits(0x1p-25));
        assertEquals(0x0001, bits(Math.nextUp(0x1p-25)));
        assertEquals(0x8001, bits(-Math.nextUp(0x1p-25)));
    }

    @Test
    void nanKeepsTheTopPayloadBitsAndStaysNaN() {
        assertEquals(0x7e00, bits(Double.NaN));
        assertEquals(0xfe00, bits(Double.longBitsToDouble(0xfff8_0000_0000_0000L)));
        assertEquals(0x7c01, bits(Double.longBitsToDouble(0x7ff0_0000_0000_0001L))); // payload below the kept bits
        assertEquals(0x7d00, bits(Double.longBitsToDouble(0x7ff4_0000_0000_0000L)));
    }

    @Test
    void overflowsIsTrueExactlyWhereAFiniteValueBecomesInfinity() {
        assertFalse(Half.overflows(65519.99));
        assertTrue(Half.overflows(65520));
        assertTrue(Half.overflows(-1e10));
        assertFalse(Half.overflows(Double.POSITIVE_INFINITY));
        assertFalse(Half.overflows(Double.NaN));
    }

    @Test
    void elementsReadAndWriteFloat16Storage() {
        MemorySegment s = Arena.ofAuto().allocate(4);
        Elements.setDouble(DType.FLOAT16, s, 0, 1 / 3.0);
        assertEquals(0.333251953125, Elements.getDouble(DType.FLOAT16, s, 0));
        Elements.setLong(DType.FLOAT16, s, 2, 70000);
        assertEquals(Double.POSITIVE_INFINITY, Elements.getDouble(DType.FLOAT16, s, 2));
        Elements.setDouble(DType.FLOAT16, s, 2, -2.75);
        assertEquals(-2, Elements.getLong(DType.FLOAT16, s, 2)); // truncation toward zero
    }
}
