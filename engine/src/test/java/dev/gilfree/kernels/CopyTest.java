package dev.gilfree.kernels;

import static dev.gilfree.TestSupport.arange;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Indexing;
import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

class CopyTest {
    private static long[] a(long... v) { return v; }

    @Test
    void astypeMakesAFreshCContiguousCopy() {
        NDArray src = arange(12, DType.FLOAT64);
        NDArray t = view(src, a(4, 3), a(8, 32), 0);
        NDArray c = Copy.astype(t, DType.FLOAT64);
        assertTrue(c.isCContiguous());
        assertTrue(c.ownsData());
        assertNotSame(src.storage(), c.storage());
        assertArrayEquals(new double[]{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, c.toDoubleArray());
        Indexing.setDouble(c, a(0, 0), 99);
        assertEquals(0.0, Indexing.getDouble(src, a(0)), "the copy is independent");
    }

    @Test
    void sameTypeCopiesHandleNegativeAndBroadcastStrides() {
        NDArray src = arange(6, DType.INT16);
        assertArrayEquals(new long[]{5, 4, 3, 2, 1, 0}, Copy.astype(view(src, a(6), a(-2), 10), DType.INT16).toLongArray());
        NDArray dst = NDArray.zeros(DType.INT16, a(2, 3));
        Copy.into(view(src, a(3), a(2), 6), dst); // (3,) broadcast into (2, 3)
        assertArrayEquals(new long[]{3, 4, 5, 3, 4, 5}, dst.toLongArray());
        NDArray col = NDArray.zeros(DType.INT16, a(3, 2));
        Copy.into(view(src, a(3, 1), a(4, 2), 0), col); // (3, 1) broadcast into (3, 2)
        assertArrayEquals(new long[]{0, 0, 2, 2, 4, 4}, col.toLongArray());
    }

    @Test
    void copyIntoAStridedDestinationLeavesTheGapsAlone() {
        NDArray dst = NDArray.zeros(DType.FLOAT64, a(8));
        Copy.into(f64(1, 2, 3, 4), view(dst, a(4), a(16), 8));
        assertArrayEquals(new double[]{0, 1, 0, 2, 0, 3, 0, 4}, dst.toDoubleArray());
        Copy.into(f64(9, 8), view(dst, a(2), a(-16), 48)); // dst[6:2:-2]: elements 6 and 4
        assertArrayEquals(new double[]{0, 1, 0, 2, 8, 3, 9, 4}, dst.toDoubleArray());
    }

    @Test
    void conversionsFollowNumPyUnsafeCasts() {
        assertArrayEquals(new double[]{1, -2, 300}, Copy.astype(Copy.astype(f64(1, -2, 300), DType.INT32), DType.FLOAT64).toDoubleArray());
        // float -> int truncates toward zero
        assertArrayEquals(new long[]{2, -2, 0, 0}, Copy.astype(f64(2.7, -2.7, 0.2, -0.9), DType.INT64).toLongArray());
        // int -> narrower int wraps: np.array([300, -1, 255]).astype(np.uint8) == [44, 255, 255]
        assertArrayEquals(new long[]{44, 255, 255}, Copy.astype(i64(300, -1, 255), DType.UINT8).toLongArray());
        assertArrayEquals(new long[]{44, -1, -1}, Copy.astype(i64(300, -1, 255), DType.INT8).toLongArray());
        // bool
        assertArrayEquals(new long[]{1, 0, 1, 1}, Copy.astype(f64(2, 0, -0.5, Double.NaN), DType.BOOL).toLongArray());
        assertArrayEquals(new double[]{1, 0}, Copy.astype(Copy.astype(i64(5, 0), DType.BOOL), DType.FLOAT64).toDoubleArray());
        // float64 -> float32 rounds
        assertEquals((double) 0.1f, Copy.astype(f64(0.1), DType.FLOAT32).toDoubleArray()[0]);
        // int64 -> float64 of values beyond 2**53 rounds to nearest
        assertEquals(9.007199254740992E15, Copy.astype(i64((1L << 53) + 1), DType.FLOAT64).toDoubleArray()[0]);
        // unsigned sources read as unsigned
        NDArray u8 = Copy.astype(i64(255, 128), DType.UINT8);
        assertArrayEquals(new double[]{255, 128}, Copy.astype(u8, DType.FLOAT64).toDoubleArray());
        assertArrayEquals(new long[]{255, 128}, Copy.astype(u8, DType.INT64).toLongArray());
        NDArray u32 = Copy.astype(i64(4294967295L), DType.UINT32);
        assertArrayEquals(new long[]{4294967295L}, Copy.astype(u32, DType.INT64).toLongArray());
    }

    @Test
    void conversionOfStridedViews() {
        NDArray src = arange(10, DType.INT32);
        NDArray dst = NDArray.zeros(DType.FLOAT64, a(5));
        Copy.into(view(src, a(5), a(-8), 36), dst);
        assertArrayEquals(new double[]{9, 7, 5, 3, 1}, dst.toDoubleArray());
    }

    @Test
    void emptyCopiesDoNothing() {
        NDArray dst = NDArray.zeros(DType.FLOAT64, a(0, 3));
        Copy.into(NDArray.zeros(DType.INT8, a(3)), dst);
        assertEquals(0, dst.size());
        assertEquals(0, Copy.astype(NDArray.zeros(DType.INT8, a(0)), DType.FLOAT64).size());
    }
}
