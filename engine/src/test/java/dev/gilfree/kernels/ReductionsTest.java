package dev.gilfree.kernels;

import static dev.gilfree.TestSupport.arange;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.TestSupport;
import dev.gilfree.api.Engine;
import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReductionsTest {
    private static long[] a(long... v) { return v; }

    /** The exactly rounded sum of the doubles. */
    private static double exactSum(double[] v) {
        BigDecimal s = BigDecimal.ZERO;
        for (double d : v) s = s.add(new BigDecimal(d));
        return s.round(MathContext.DECIMAL128).doubleValue();
    }

    private static void assertCloseToExact(double[] v, double got, String ctx) {
        double exact = exactSum(v);
        double absSum = 0;
        for (double d : v) absSum += Math.abs(d);
        // pairwise summation: error ~ eps * log2(n) * sum|x|; naive summation would be ~ eps * n * sum|x|
        double log2n = Math.max(1, 64 - Long.numberOfLeadingZeros(v.length));
        double bound = 2 * Math.ulp(1.0) * log2n * absSum + Math.ulp(exact);
        assertTrue(Math.abs(got - exact) <= bound, ctx + ": sum " + got + " exact " + exact + " bound " + bound);
    }

    @Test
    void pairwiseSumOfAMillionTenthsIsAccurate() {
        int n = 1_000_000;
        double[] v = new double[n];
        Arrays.fill(v, 0.1);
        double got = Reductions.sumFloat64(f64(v));
        double exact = new BigDecimal(0.1).multiply(BigDecimal.valueOf(n)).doubleValue();
        // a left-to-right loop is ~1e5 ulps off here (np.sum gives 100000.00000000001 or better)
        assertTrue(Math.abs(got - exact) <= 4 * Math.ulp(exact), "sum " + got + " exact " + exact);
    }

    @Test
    void contiguousSumsOfManyLengthsMatchTheExactSum() {
        for (int n : new int[]{0, 1, 2, 3, 7, 8, 15, 16, 17, 127, 128, 129, 255, 256, 257, 1000, 1001, 4097, 65_537}) {
            double[] v = TestSupport.randomDoubles(n, n);
            assertCloseToExact(v, Reductions.sumFloat64(f64(v)), "n=" + n);
        }
        assertEquals(0.0, Reductions.sumFloat64(f64()));
    }

    @Test
    void smallIntegerSumsAreExact() {
        for (int n : new int[]{1, 5, 16, 129, 1000, 10_001}) {
            NDArray x = arange(n, DType.FLOAT64);
            assertEquals((double) n * (n - 1) / 2, Reductions.sumFloat64(x), "n=" + n);
        }
    }

    @Test
    void stridedSumsVisitExactlyTheViewsElements() {
        NDArray base = arange(1000, DType.FLOAT64);
        assertEquals(249500.0, Reductions.sumFloat64(view(base, a(500), a(16), 0)));          // evens
        assertEquals(250000.0, Reductions.sumFloat64(view(base, a(500), a(16), 8)));          // odds
        assertEquals(499500.0, Reductions.sumFloat64(view(base, a(1000), a(-8), 999 * 8)));   // reversed
        assertEquals(166833.0, Reductions.sumFloat64(view(base, a(334), a(-24), 999 * 8)));   // [::-3]
        assertEquals(3.0, Reductions.sumFloat64(view(base, a(1), a(8), 24)));
        assertEquals(7.0, Reductions.sumFloat64(view(base, a(), a(), 56)));
        assertEquals(0.0, Reductions.sumFloat64(view(base, a(0, 5), a(40, 8), 0)));
        // 2-D: columns 0..2 of a (100, 10) array, i.e. 100 runs of 3
        double want = 0;
        for (int r = 0; r < 100; r++) want += 30 * r + 3;
        assertEquals(want, Reductions.sumFloat64(view(base, a(100, 3), a(80, 8), 0)));
        // transpose of (100, 10): all elements
        assertEquals(499500.0, Reductions.sumFloat64(view(base, a(10, 100), a(8, 80), 0)));
        // broadcast: 7 copies of element 5
        assertEquals(35.0, Reductions.sumFloat64(view(base, a(7), a(0), 40)));
    }

    @Test
    void stridedSumsOfRandomDataAreAccurate() {
        double[] v = TestSupport.randomDoubles(20_000, 99);
        NDArray x = f64(v);
        double[] odd = new double[10_000];
        for (int i = 0; i < odd.length; i++) odd[i] = v[2 * i + 1];
        assertCloseToExact(odd, Reductions.sumFloat64(view(x, a(10_000), a(16), 8)), "stride 2");
        assertCloseToExact(v, Reductions.sumFloat64(view(x, a(20_000), a(-8), 8 * 19_999)), "reversed");
    }

    @Test
    void specialValuesPropagate() {
        double[] v = new double[300];
        Arrays.fill(v, 1);
        v[250] = Double.NaN;
        assertTrue(Double.isNaN(Reductions.sumFloat64(f64(v))));
        v[250] = Double.POSITIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, Reductions.sumFloat64(f64(v)));
        v[3] = Double.NEGATIVE_INFINITY;
        assertTrue(Double.isNaN(Reductions.sumFloat64(f64(v))));
    }

    @Test
    void int64SumsAreExactAndWrapLikeNumPy() {
        assertEquals(499500L, Reductions.sumInt64(arange(1000, DType.INT64)));
        assertEquals(0L, Reductions.sumInt64(i64()));
        long[] big = TestSupport.randomLongs(1001, 5);
        long want = 0;
        for (long x : big) want += x; // wraps, as np.sum on int64
        assertEquals(want, Reductions.sumInt64(i64(big)));
        assertEquals(Long.MIN_VALUE, Reductions.sumInt64(i64(Long.MAX_VALUE, 1)));
        NDArray base = arange(1000, DType.INT64);
        assertEquals(250000L, Reductions.sumInt64(view(base, a(500), a(16), 8)));
        assertEquals(499500L, Reductions.sumInt64(view(base, a(10, 100), a(8, 80), 0)));
    }

    @Test
    void int64SumReadsNarrowUnsignedAndBoolTypes() {
        NDArray u8 = Engine.full(a(1000), 255, "uint8");
        assertEquals(255_000L, Reductions.sumInt64(u8));
        NDArray b = Engine.fromLongs(new long[]{1, 0, 1, 1, 0}, a(5), "bool");
        assertEquals(3L, Reductions.sumInt64(b));
        NDArray i32 = Engine.arangeLong(-5, 1, 10, "int32"); // -5..4
        assertEquals(-5L, Reductions.sumInt64(i32));
        assertEquals(-5L, Reductions.sumInt64(view(i32, a(5), a(8), 0))); // -5, -3, -1, 1, 3
    }
}
