package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Views;
import dev.gilfree.api.Reduce;
import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reductions through typed chunks and specialized folds, against a one-element-at-a-time reference fold. */
class ChunkFoldsTest {
    private static long[] randomLongs(long seed, int n, long bound) {
        Random r = new Random(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = bound == 0 ? r.nextLong() : r.nextLong(-bound, bound);
        return v;
    }

    @Test
    void integerFoldsMatchTheGenericFoldForEveryIntegerDtypeAndAxis() {
        int rows = 3, cols = 8192 + 301; // a row spans more than one chunk
        for (DType t : new DType[]{DType.INT8, DType.UINT8, DType.INT16, DType.UINT32, DType.INT64, DType.UINT64}) {
            long[] v = randomLongs(t.ordinal(), rows * cols, 0); // full-range: uint64 values above 2^63 too
            NDArray a = Engine.fromLongs(v, new long[]{rows, cols}, t.npName());
            long[] stored = a.toLongArray();
            for (String op : new String[]{"maximum", "minimum", "add", "multiply", "bitwise_or"}) {
                BinaryOp bop = BinaryOp.valueOf(op.toUpperCase());
                long[] want = new long[rows];
                for (int i = 0; i < rows; i++) {
                    long acc = stored[i * cols];
                    for (int j = 1; j < cols; j++) acc = bop.applyL(acc, stored[i * cols + j], t);
                    want[i] = acc;
                }
                NDArray got = Reduce.reduce(op, a, new int[]{1}, false, t.npName(), null, "none", 0, 0);
                long[] wrapped = Engine.fromLongs(want, new long[]{rows}, t.npName()).toLongArray();
                assertArrayEquals(wrapped, got.toLongArray(), op + " " + t + " over rows");
                // over axis 0: every run is a strided column of three
                NDArray cols0 = Reduce.reduce(op, a, new int[]{0}, false, t.npName(), null, "none", 0, 0);
                long[] c = cols0.toLongArray();
                for (int j = 0; j < cols; j += 997) {
                    long acc = bop.applyL(bop.applyL(stored[j], stored[cols + j], t), stored[2 * cols + j], t);
                    assertEquals(Engine.fromLongs(new long[]{acc}, new long[]{1}, t.npName()).toLongArray()[0], c[j], op + " " + t + " column " + j);
                }
            }
        }
    }

    @Test
    void floatMaximumAndMinimumPropagateNaNAndMatchTheGenericFold() {
        Random r = new Random(7);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian() * 1e3;
        for (DType t : new DType[]{DType.FLOAT64, DType.FLOAT32}) {
            NDArray a = Engine.fromDoubles(v, new long[]{v.length}, t.npName());
            double[] stored = a.toDoubleArray();
            double max = stored[0], min = stored[0];
            for (double x : stored) { max = Math.max(max, x); min = Math.min(min, x); }
            assertEquals(max, Reduce.reduce("maximum", a, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray()[0]);
            assertEquals(min, Reduce.reduce("minimum", a, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray()[0]);
            double[] withNaN = v.clone();
            withNaN[12_345] = Double.NaN;
            NDArray b = Engine.fromDoubles(withNaN, new long[]{v.length}, t.npName());
            assertEquals(Double.NaN, Reduce.reduce("maximum", b, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray()[0]);
            assertEquals(max, Reduce.reduce("fmax", b, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray()[0]);
        }
    }

    @Test
    void conversionsThroughTypedRunsKeepElementsValues() {
        long[] v = {-1, 0, 127, -128, 255, 65535, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE};
        NDArray a = Engine.fromLongs(v, new long[]{v.length}, "int64");
        assertArrayEquals(new long[]{-1, 0, 127, -128, -1, -1, 0, 0, -1}, Engine.astype(a, "int8").toLongArray());
        assertArrayEquals(new long[]{255, 0, 127, 128, 255, 255, 0, 0, 255}, Engine.astype(a, "uint8").toLongArray());
        assertArrayEquals(new double[]{-1, 0, 127, -128, 255, 65535, 1L << 40, -0x1p63, 0x1p63},
                Engine.astype(a, "float64").toDoubleArray());
        NDArray f = Engine.fromDoubles(new double[]{1.5, -2.5, 1e10}, new long[]{3}, "float64");
        assertArrayEquals(new double[]{1.5, -2.5, 1e10f}, Engine.astype(f, "float32").toDoubleArray());
        assertArrayEquals(new long[]{1, -2, 10_000_000_000L}, Engine.astype(f, "int64").toLongArray());
    }

    @Test
    void anyAndAllStopEarlyWithoutChangingTheirResult() {
        int n = 3 * 8192 + 5;
        for (int at : new int[]{0, 8191, 8192, n - 1, -1}) { // decisive element in the first, second, last chunk, or none
            long[] zeros = new long[n], ones = new long[n];
            java.util.Arrays.fill(ones, 1);
            if (at >= 0) { zeros[at] = 1; ones[at] = 0; }
            for (String dt : new String[]{"bool", "int8", "int64"}) {
                NDArray z = Engine.fromLongs(zeros, new long[]{n}, dt), o = Engine.fromLongs(ones, new long[]{n}, dt);
                assertEquals(at >= 0 ? 1 : 0, Reduce.reduce("logical_or", z, new int[]{0}, false, null, null, "none", 0, 0).toLongArray()[0], dt + " any, true at " + at);
                assertEquals(at >= 0 ? 0 : 1, Reduce.reduce("logical_and", o, new int[]{0}, false, null, null, "none", 0, 0).toLongArray()[0], dt + " all, false at " + at);
            }
        }
        double[] v = new double[n];
        v[n - 1] = Double.NaN; // NaN is true
        NDArray f = Engine.fromDoubles(v, new long[]{n}, "float64");
        assertEquals(1, Reduce.reduce("logical_or", f, new int[]{0}, false, null, null, "none", 0, 0).toLongArray()[0]);
        NDArray grid = Views.reshape(Engine.fromLongs(new long[]{0, 0, 1, 0, 0, 0}, new long[]{6}, "bool"), new long[]{2, 3});
        assertArrayEquals(new long[]{1, 0}, Reduce.reduce("logical_or", grid, new int[]{1}, false, null, null, "none", 0, 0).toLongArray());
        assertArrayEquals(new long[]{0, 0, 1}, Reduce.reduce("logical_or", grid, new int[]{0}, false, null, null, "none", 0, 0).toLongArray());
    }

    @Test
    void outerAxisReductionsFoldRowByRowInNumPysOrder() {
        int rows = 50, cols = 100;
        Random r = new Random(11);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(6));
        NDArray a = Engine.fromDoubles(v, new long[]{rows, cols}, "float64");
        double[] sum = Reduce.reduce("add", a, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray();
        double[] max = Reduce.reduce("maximum", a, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray();
        double[] withInit = Reduce.reduce("add", a, new int[]{0}, false, null, null, "float", 0.5, 0).toDoubleArray();
        for (int j = 0; j < cols; j++) {
            double s = v[j], m = v[j], si = 0.5;
            for (int i = 1; i < rows; i++) { s += v[i * cols + j]; m = Math.max(m, v[i * cols + j]); }
            for (int i = 0; i < rows; i++) si += v[i * cols + j];
            assertEquals(s, sum[j], 0.0, "column " + j + ": sequential, bit for bit");
            assertEquals(m, max[j], 0.0);
            assertEquals(si, withInit[j], 0.0);
        }
        // three axes, the two outer ones reduced, an integer dtype that wraps
        long[] w = randomLongs(5, 4 * 3 * 70, 1L << 40);
        NDArray b = Engine.fromLongs(w, new long[]{4, 3, 70}, "int32");
        long[] stored = b.toLongArray();
        long[] prod = Reduce.reduce("multiply", b, new int[]{0, 1}, false, "int32", null, "none", 0, 0).toLongArray();
        for (int k = 0; k < 70; k++) {
            int p = 1;
            for (int i = 0; i < 12; i++) p *= (int) stored[i * 70 + k];
            assertEquals(p, prod[k], "int32 product of column " + k);
        }
    }
}
