package dev.gilfree.kernels;

import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.TestSupport;
import dev.gilfree.api.Engine;
import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The narrow-dtype kernels (sums, argmax, nonzero, float32 pairwise) against element-by-element references. */
class DtypePathsTest {
    private static final DType[] INTS = {DType.BOOL, DType.INT8, DType.UINT8, DType.INT16, DType.UINT16,
        DType.INT32, DType.UINT32, DType.INT64, DType.UINT64};
    private static final int[] SIZES = {0, 1, 7, 31, 32, 33, 255, 256, 257, 1000, 4099, 70_001, 300_007};

    private static NDArray random(DType t, int n, long seed) {
        long[] v = TestSupport.randomLongs(n, seed);
        if (t == DType.BOOL) for (int i = 0; i < n; i++) v[i] = v[i] & 1;
        return Engine.fromLongs(v, new long[] {n}, t.npName());
    }

    private static long referenceSum(NDArray a) {
        long s = 0;
        for (long i = 0; i < a.size(); i++) s += Elements.getLong(a.dtype(), a.segment(), a.offset() + i * a.strides()[0]);
        return s;
    }

    @Test
    void integerSumsOfEveryWidthMatchTheElementLoopIncludingWrapAround() {
        for (DType t : INTS) {
            for (int n : SIZES) {
                NDArray a = random(t, n, n + 1);
                assertEquals(referenceSum(a), IntegerSums.sum(a), t + " n=" + n);
                if (n > 3) {
                    // an unaligned start, a stride and a negative stride
                    NDArray tail = view(a, new long[] {n - 3}, new long[] {t.itemsize()}, 3L * t.itemsize());
                    assertEquals(referenceSum(tail), IntegerSums.sum(tail), t + " offset n=" + n);
                    NDArray odd = view(a, new long[] {n / 3}, new long[] {3L * t.itemsize()}, 0);
                    assertEquals(referenceSum(odd), IntegerSums.sum(odd), t + " stride 3 n=" + n);
                    NDArray rev = view(a, new long[] {n}, new long[] {-t.itemsize()}, (n - 1L) * t.itemsize());
                    assertEquals(referenceSum(rev), IntegerSums.sum(rev), t + " reversed n=" + n);
                }
            }
        }
    }

    @Test
    void narrowPartialSumsDoNotOverflowTheirLanes() {
        // 2^21 int8 -128s and uint16 65535s: the 32-bit partial sums would wrap without their flushes
        int n = 1 << 21;
        long[] v = new long[n];
        java.util.Arrays.fill(v, -128);
        assertEquals(-128L * n, IntegerSums.sum(Engine.fromLongs(v, new long[] {n}, "int8")));
        java.util.Arrays.fill(v, 65535);
        assertEquals(65535L * n, IntegerSums.sum(Engine.fromLongs(v, new long[] {n}, "uint16")));
        java.util.Arrays.fill(v, 0xFFFF_FFFFL);
        assertEquals(0xFFFF_FFFFL * n, IntegerSums.sum(Engine.fromLongs(v, new long[] {n}, "uint32")));
    }

    @Test
    void partBoundsAreExactPastTwoToThe31AndThe32() {
        for (long n : new long[] {(1L << 31) - 1, 1L << 31, (1L << 31) + 1, 2_200_000_000L, (1L << 32) + 7, 1L << 40}) {
            for (int parts : new int[] {1, 2, 3, 16, 4096}) {
                assertEquals(0, IntegerSums.bound(n, parts, 0));
                assertEquals(n, IntegerSums.bound(n, parts, parts), "n=" + n + " parts=" + parts);
                for (int i = 0; i < parts; i++) {
                    long len = IntegerSums.bound(n, parts, i + 1) - IntegerSums.bound(n, parts, i);
                    assertTrue(len == n / parts || len == n / parts + 1, "n=" + n + " part " + i + " len " + len);
                }
            }
            assertTrue(IntegerSums.parts(n) >= 1);
        }
    }

    @Test
    void nonzeroCoordinatesPastTwoToThe31() {
        MemorySegment o = Arena.ofAuto().allocate(64);
        long big = 1L << 31;
        // element 2 * 2^31 + 5 of shape (3, 2^31): coordinates (2, 5); row layout puts axis 1 at count
        Nonzero.write(o, new long[] {3, big}, 2 * big + 5, 0, 2, false);
        assertEquals(2L, o.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 0));
        assertEquals(5L, o.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2));
        Nonzero.write(o, new long[] {2_200_000_000L}, 2_199_999_999L, 1, 2, false);
        assertEquals(2_199_999_999L, o.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 1));
        Nonzero.write(o, new long[] {big + 1, 4}, (big + 1) * 4 - 1, 1, 2, true); // argwhere row 1
        assertEquals(big, o.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2));
        assertEquals(3L, o.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 3));
    }

    @Test
    void nonzeroAndCountMatchTheElementLoop() {
        for (DType t : new DType[] {DType.BOOL, DType.INT8, DType.INT16, DType.UINT32, DType.INT64, DType.FLOAT32, DType.FLOAT64}) {
            for (int n : SIZES) {
                long[] v = TestSupport.randomLongs(n, 7 + n);
                for (int i = 0; i < n; i++) v[i] = v[i] % 3 == 0 ? 0 : v[i] & 1 | 1;
                NDArray a = Engine.fromLongs(v, new long[] {n}, t.npName());
                List<Long> want = new ArrayList<>();
                for (int i = 0; i < n; i++) if (v[i] != 0) want.add((long) i);
                assertEquals(want.size(), Nonzero.count(a), t + " n=" + n);
                NDArray nz = Nonzero.nonzero(a);
                assertEquals(want.size(), nz.shape()[1]);
                for (int k = 0; k < want.size(); k++) {
                    assertEquals(want.get(k), nz.segment().getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, k), t + " n=" + n + " hit " + k);
                }
            }
        }
    }

    @Test
    void argExtremesFindTheFirstExtreme() {
        for (DType t : new DType[] {DType.INT8, DType.UINT8, DType.INT16, DType.UINT16, DType.INT32, DType.UINT32, DType.INT64, DType.UINT64}) {
            for (int n : new int[] {256, 257, 1000, 70_001, 300_007}) {
                NDArray a = random(t, n, 3 * n);
                for (boolean max : new boolean[] {true, false}) {
                    long best = 0, bv = Elements.getLong(t, a.segment(), 0);
                    for (int i = 1; i < n; i++) {
                        long x = Elements.getLong(t, a.segment(), (long) i * t.itemsize());
                        int c = t == DType.UINT64 ? Long.compareUnsigned(x, bv) : Long.compare(x, bv);
                        if (max ? c > 0 : c < 0) { bv = x; best = i; }
                    }
                    assertEquals(best, ArgExtremes.first(t, max, a.segment(), 0, n), t + " n=" + n + " max=" + max);
                }
            }
        }
        double[] d = TestSupport.randomDoubles(5000, 1);
        d[4000] = Double.NaN;
        d[4500] = Double.NaN;
        assertEquals(4000, ArgExtremes.first(DType.FLOAT64, true, TestSupport.f64(d).segment(), 0, 5000));
        assertEquals(4000, ArgExtremes.first(DType.FLOAT64, false, TestSupport.f64(d).segment(), 0, 5000));
    }

    @Test
    void float32PairwiseKeepsNegativeZeroAndSplitsLikeOneThread() {
        NDArray z = Engine.fromDoubles(new double[] {-0.0, -0.0, -0.0}, new long[] {3}, "float32");
        assertEquals(Float.floatToIntBits(-0.0f), Float.floatToIntBits(Float32Sums.pairwise(z.segment(), 0, 4, 3)));
        int n = 1_000_003;
        NDArray a = Engine.fromDoubles(TestSupport.randomDoubles(n, 5), new long[] {n}, "float32");
        float one = Float32Sums.pairwise(a.segment(), 0, 4, n);
        assertEquals(Float.floatToIntBits(one), Float.floatToIntBits(Float32Sums.pairwiseSplit(a.segment(), 0, 4, n)));
        // the block loop sums 8 interleaved accumulators: against a plain reference of NumPy's block
        float[] r = new float[8];
        for (int j = 0; j < 8; j++) r[j] = a.segment().getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, j);
        for (int i = 8; i < 120; i += 8) for (int j = 0; j < 8; j++) r[j] += a.segment().getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i + j);
        float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (int i = 120; i < 125; i++) res += a.segment().getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
        assertEquals(Float.floatToIntBits(res), Float.floatToIntBits(Float32Sums.pairwise(a.segment(), 0, 4, 125)));
    }

    @Test
    void float32RecursionLeavesTileRunsPastTwoToThe31() {
        long n = (1L << 31) + 12_345;
        List<long[]> leaves = new ArrayList<>();
        Float32Sums.collect(0, n, leaves);
        long next = 0;
        for (long[] leaf : leaves) {
            assertEquals(next, leaf[0]);
            assertTrue(leaf[1] > 0);
            next += leaf[1];
        }
        assertEquals(n, next);
        assertEquals(0, Float32Sums.half(n) % 8);
    }
}
