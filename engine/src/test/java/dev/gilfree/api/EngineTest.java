package dev.gilfree.api;

import static dev.gilfree.TestSupport.assertBitsEqual;
import static dev.gilfree.TestSupport.assertPyError;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.slice1d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.DType;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Reductions;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static long[] a(long... v) { return v; }

    @Test
    void ufuncLookupGoesThroughTheRegistry() {
        assertSame(Ufunc.get("multiply"), Engine.ufunc("multiply"));
        assertArrayEquals(Ufunc.names(), Engine.ufuncNames());
    }

    @Test
    void zerosAndFull() {
        NDArray z = Engine.zeros(a(2, 2), "int32");
        assertEquals(DType.INT32, z.dtype());
        assertArrayEquals(new long[4], z.toLongArray());
        NDArray f = Engine.full(a(3), 7.5, "float64");
        assertArrayEquals(new double[]{7.5, 7.5, 7.5}, f.toDoubleArray());
        NDArray fi = Engine.full(a(2, 3), 3.9, "int16"); // np.full((2, 3), 3.9, dtype=np.int16) -> 3s
        assertArrayEquals(new long[]{3, 3, 3, 3, 3, 3}, fi.toLongArray());
        NDArray fn = Engine.full(a(2), Double.NaN, "float32");
        assertTrue(Double.isNaN(fn.toDoubleArray()[1]));
        assertArrayEquals(new double[]{0, 0}, Engine.full(a(2), 0.0, "float64").toDoubleArray());
        assertPyError("TypeError", "data type 'float7' not understood", () -> Engine.zeros(a(1), "float7"));
        assertPyError("ValueError", "negative dimensions are not allowed", () -> Engine.full(a(-1), 1, "float64"));
    }

    @Test
    void fromDoublesAndFromLongs() {
        NDArray d = Engine.fromDoubles(new double[]{1, 2, 3, 4, 5, 6}, a(2, 3), "float64");
        assertArrayEquals(a(2, 3), d.shape());
        assertEquals(6.0, Indexing.getDouble(d, a(1, 2)));
        NDArray d8 = Engine.fromDoubles(new double[]{1.9, -1.9, 127}, a(3), "int8");
        assertArrayEquals(new long[]{1, -1, 127}, d8.toLongArray());
        NDArray l = Engine.fromLongs(new long[]{Long.MAX_VALUE, -1}, a(2), "int64");
        assertArrayEquals(new long[]{Long.MAX_VALUE, -1}, l.toLongArray());
        NDArray lf = Engine.fromLongs(new long[]{1, 2}, a(2), "float32");
        assertArrayEquals(new double[]{1, 2}, lf.toDoubleArray());
        NDArray s = Engine.fromDoubles(new double[]{4.5}, a(), "float64");
        assertEquals(0, s.ndim());
        assertEquals(4.5, Indexing.getDouble(s, a()));
        assertPyError("ValueError", "cannot reshape array of size 4 into shape (3,)",
                () -> Engine.fromDoubles(new double[4], a(3), "float64"));
        assertPyError("ValueError", "cannot reshape array of size 5 into shape (2,3)",
                () -> Engine.fromLongs(new long[5], a(2, 3), "int64"));
    }

    @Test
    void arangeFillsStartPlusIStep() {
        assertArrayEquals(new double[]{0, 0.5, 1, 1.5, 2}, Engine.arange(0, 0.5, 5, "float64").toDoubleArray());
        assertArrayEquals(new double[]{10, 7, 4}, Engine.arange(10, -3, 3, "float64").toDoubleArray());
        assertArrayEquals(new long[]{-2, 0, 2, 4}, Engine.arangeLong(-2, 2, 4, "int64").toLongArray());
        assertArrayEquals(new long[]{0, 1, 2}, Engine.arange(0, 1, 3, "int32").toLongArray());
        assertEquals(0, Engine.arangeLong(0, 1, 0, "int64").size());
        // 0.1 steps: start + i*step, not a running sum (np.arange(0, 1, 0.1)[7] == 0.7000000000000001)
        assertEquals(7 * 0.1, Engine.arange(0, 0.1, 10, "float64").toDoubleArray()[7]);
    }

    @Test
    void astypeAndCopyAreIndependentContiguousArrays() {
        NDArray x = f64(1.5, -2.5, 3);
        NDArray i = Engine.astype(x, "int64");
        assertEquals(DType.INT64, i.dtype());
        assertArrayEquals(new long[]{1, -2, 3}, i.toLongArray());
        NDArray c = Engine.copy(slice1d(x, 2, -1, -1));
        assertTrue(c.isCContiguous());
        assertNotSame(x.storage(), c.storage());
        assertArrayEquals(new double[]{3, -2.5, 1.5}, c.toDoubleArray());
        Indexing.setDouble(c, a(0), 100);
        assertEquals(3.0, Indexing.getDouble(x, a(2)));
    }

    @Test
    void reshapeOfContiguousArraysIsAView() {
        NDArray x = Engine.arangeLong(0, 1, 12, "int64");
        NDArray r = Views.reshape(x, a(3, 4));
        assertSame(x.storage(), r.storage());
        assertSame(x, r.base());
        assertArrayEquals(a(32, 8), r.strides());
        Indexing.setLong(r, a(2, 3), -1);
        assertEquals(-1, Indexing.getLong(x, a(11)));
        // a contiguous view with an offset keeps its offset
        NDArray tail = x.view(new Layout(a(6), a(8), 48));
        NDArray rt = Views.reshape(tail, a(2, 3));
        assertSame(x.storage(), rt.storage());
        assertArrayEquals(new long[]{6, 7, 8, 9, 10, -1}, rt.toLongArray());
        assertArrayEquals(a(), Views.reshape(Engine.zeros(a(1, 1), "float64"), a()).shape());
        assertArrayEquals(a(0, 5), Views.reshape(Engine.zeros(a(0), "float64"), a(0, 5)).shape());
    }

    @Test
    void reshapeOfNonContiguousArraysCopiesOnlyWhenStridesCannotExpressIt() {
        NDArray x = Engine.arangeLong(0, 1, 12, "int64");
        NDArray odd = slice1d(x, 1, 12, 2); // 1, 3, ..., 11: a view in NumPy too (one stride splits in two)
        NDArray r = Views.reshape(odd, a(2, 3));
        assertSame(x.storage(), r.storage());
        assertArrayEquals(new long[]{1, 3, 5, 7, 9, 11}, r.toLongArray());
        NDArray t = x.view(new Layout(a(4, 3), a(8, 32), 0));
        NDArray c = Views.reshape(t, a(12));
        assertNotSame(x.storage(), c.storage());
        assertTrue(c.isCContiguous());
        assertArrayEquals(new long[]{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, c.toLongArray());
    }

    @Test
    void reshapeToAnotherSizeIsValueError() {
        NDArray x = Engine.zeros(a(6), "float64");
        assertPyError("ValueError", "cannot reshape array of size 6 into shape (4,)", () -> Views.reshape(x, a(4)));
        assertPyError("ValueError", "cannot reshape array of size 6 into shape (4,2)", () -> Views.reshape(x, a(4, 2)));
        assertPyError("ValueError", "negative dimensions are not allowed", () -> Views.reshape(x, a(-2, -3)));
    }

    @Test
    void fillWritesEveryElementOfTheViewOnly() {
        NDArray x = Engine.zeros(a(6), "float64");
        Indexing.assign(slice1d(x, 5, -1, -2), f64(4.25)); // elements 5, 3, 1
        assertArrayEquals(new double[]{0, 4.25, 0, 4.25, 0, 4.25}, x.toDoubleArray());
        NDArray i = Engine.zeros(a(2, 2), "uint8");
        Indexing.assign(i, i64(255));
        assertArrayEquals(new long[]{255, 255, 255, 255}, i.toLongArray());
        NDArray ro = new NDArray(x.storage(), x.dtype(), x.layout(), false, null);
        assertPyError("ValueError", "assignment destination is read-only", () -> Indexing.assign(ro, f64(1)));
        assertEquals(0.0, x.toDoubleArray()[0]);
    }

    // The kernels behind Python's sum of all elements (float64 for real input, int64 for integer and bool).
    private static double sumAsDouble(NDArray x) { return Reductions.sumFloat64(Copy.astype(x, DType.FLOAT64)); }

    @Test
    void sums() {
        assertEquals(21.0, sumAsDouble(f64(1, 2, 3, 4, 5, 6)));
        assertEquals(6.0, sumAsDouble(Engine.fromLongs(new long[]{1, 2, 3}, a(3), "int32")));
        assertEquals(2.0, sumAsDouble(Engine.fromLongs(new long[]{1, 0, 1}, a(3), "bool")));
        assertEquals((double) 0.5f * 4, sumAsDouble(Engine.full(a(4), 0.5, "float32")));
        assertEquals(9L, Reductions.sumInt64(i64(2, 3, 4)));
        assertEquals(510L, Reductions.sumInt64(Engine.full(a(2), 255, "uint8")));
        assertEquals(0.0, sumAsDouble(Engine.zeros(a(0), "float64")));
        assertEquals(0L, Reductions.sumInt64(Engine.zeros(a(3, 0), "int64")));
    }

    @Test
    void mean() {
        assertEquals(2.5, Engine.mean(f64(1, 2, 3, 4)));
        assertEquals(2.0, Engine.mean(i64(1, 2, 3)));
        assertEquals(5.0, Engine.mean(slice1d(Engine.arangeLong(0, 1, 11, "float64"), 10, -1, -1)));
        assertEquals(0.5, Engine.mean(Engine.arangeLong(0, 1, 2, "bool")));
        NDArray f = Engine.arange(0.1, 0.2, 1001, "float64"); // the pairwise sum over the count, as add.reduce / n
        double sum = Reduce.reduce("add", f, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray()[0];
        assertEquals(sum / 1001, Engine.mean(f));
        assertTrue(Double.isNaN(Engine.mean(Engine.zeros(a(0), "float64"))), "np.mean([]) is nan");
        assertTrue(Double.isNaN(Engine.mean(Engine.zeros(a(2, 0), "int64"))));
        double m = Engine.mean(Engine.full(a(1_000_000), 0.1, "float64"));
        assertTrue(Math.abs(m - 0.1) <= 2 * Math.ulp(0.1), "mean " + m);
        assertFalse(Double.isNaN(Engine.mean(Engine.zeros(a(), "float64"))));
        assertBitsEqual(new double[]{0.0}, new double[]{Engine.mean(Engine.zeros(a(), "float64"))});
    }
}
