package dev.gilfree.core;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayoutTest {
    private static Layout l(long[] shape, long[] strides) { return new Layout(shape, strides, 0); }

    private static long[] a(long... v) { return v; }

    @Test
    void cStridesAreRowMajorInBytes() {
        assertArrayEquals(a(96, 32, 8), Layout.cStrides(a(2, 3, 4), 8));
        assertArrayEquals(a(12, 4), Layout.cStrides(a(5, 3), 4));
        assertArrayEquals(a(1), Layout.cStrides(a(7), 1));
        assertArrayEquals(a(), Layout.cStrides(a(), 8));
    }

    @Test
    void cStridesTreatZeroLengthDimsAsOneLikeNumPy() {
        // np.empty((3, 0, 2)).strides == (16, 16, 8); np.empty((0, 3)).strides == (24, 8)
        assertArrayEquals(a(16, 16, 8), Layout.cStrides(a(3, 0, 2), 8));
        assertArrayEquals(a(24, 8), Layout.cStrides(a(0, 3), 8));
    }

    @Test
    void contiguousLayoutHasZeroOffsetAndCStrides() {
        Layout c = Layout.contiguous(a(2, 3), 4);
        assertArrayEquals(a(2, 3), c.shape());
        assertArrayEquals(a(12, 4), c.strides());
        assertEquals(0, c.offset());
        assertEquals(2, c.ndim());
        assertEquals(6, c.size());
        assertEquals(new Layout(a(2, 3), a(12, 4), 0), c);
    }

    @Test
    void layoutIsImmutableAgainstCallerArrays() {
        long[] shape = {2, 3}, strides = {24, 8};
        Layout lay = new Layout(shape, strides, 0);
        shape[0] = 99;
        strides[1] = 99;
        assertArrayEquals(a(2, 3), lay.shape());
        assertArrayEquals(a(24, 8), lay.strides());
        lay.shape()[0] = 42;
        lay.strides()[0] = 42;
        assertArrayEquals(a(2, 3), lay.shape());
        assertArrayEquals(a(24, 8), lay.strides());
    }

    @Test
    void shapeAndStridesMustHaveTheSameLength() {
        assertThrows(IllegalArgumentException.class, () -> new Layout(a(2, 3), a(8), 0));
    }

    @Test
    void equalsAndHashCodeCompareContents() {
        Layout x = new Layout(a(2, 3), a(24, 8), 16);
        Layout y = new Layout(a(2, 3), a(24, 8), 16);
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertNotEquals(x, new Layout(a(2, 3), a(24, 8), 8));
        assertNotEquals(x, new Layout(a(3, 2), a(24, 8), 16));
        assertNotEquals(x, new Layout(a(2, 3), a(8, 16), 16));
        assertTrue(x.toString().contains("[2, 3]"), x.toString());
    }

    @Test
    void sizeIsTheProductOfDims() {
        assertEquals(24, Layout.size(a(2, 3, 4)));
        assertEquals(1, Layout.size(a()));
        assertEquals(0, Layout.size(a(3, 0, 5)));
        assertEquals(0, Layout.size(a(0)));
        assertEquals(1L << 62, Layout.size(a(1L << 31, 1L << 31)));
    }

    @Test
    void negativeDimensionIsValueError() {
        assertPyError("ValueError", "negative dimensions are not allowed", () -> Layout.size(a(3, -1)));
        assertPyError("ValueError", "negative dimensions are not allowed", () -> Layout.size(a(-2)));
        assertPyError("ValueError", "negative dimensions are not allowed", () -> new Layout(a(-1), a(8), 0).size());
    }

    @Test
    void sizeOverflowIsValueError() {
        String msg = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";
        assertPyError("ValueError", msg, () -> Layout.size(a(1L << 32, 1L << 32)));
        assertPyError("ValueError", msg, () -> Layout.size(a(Long.MAX_VALUE, 2)));
        assertPyError("ValueError", msg, () -> Layout.size(a(3, Long.MAX_VALUE / 2)));
    }

    @Test
    void cContiguousLayoutsAreDetected() {
        assertTrue(Layout.contiguous(a(2, 3, 4), 8).isCContiguous(8));
        assertTrue(Layout.contiguous(a(5), 2).isCContiguous(2));
        // the same strides with a different itemsize are not contiguous
        assertFalse(Layout.contiguous(a(2, 3), 8).isCContiguous(4));
        // a 2-D C array is not F-contiguous, and vice versa
        assertFalse(l(a(2, 3), a(24, 8)).isFContiguous(8));
        assertTrue(l(a(2, 3), a(8, 16)).isFContiguous(8));
        assertFalse(l(a(2, 3), a(8, 16)).isCContiguous(8));
        // 1-D contiguous is both
        assertTrue(l(a(4), a(8)).isFContiguous(8));
        assertTrue(l(a(4), a(8)).isCContiguous(8));
    }

    @Test
    void zeroDimensionalLayoutIsBothContiguous() {
        Layout s = l(a(), a());
        assertTrue(s.isCContiguous(8));
        assertTrue(s.isFContiguous(8));
        assertEquals(1, s.size());
        assertEquals(0, s.ndim());
    }

    @Test
    void sizeOneDimsMayHaveAnyStride() {
        // NumPy ignores the stride of a length-1 axis for both flags: shape (1, 3) strides (999, 8) is C and F
        Layout x = l(a(1, 3), a(999, 8));
        assertTrue(x.isCContiguous(8));
        assertTrue(x.isFContiguous(8));
        Layout y = l(a(3, 1), a(8, -40));
        assertTrue(y.isCContiguous(8));
        assertTrue(y.isFContiguous(8));
        Layout z = l(a(2, 1, 3), a(24, 7, 8));
        assertTrue(z.isCContiguous(8));
        assertFalse(z.isFContiguous(8));
        // all-ones shape
        assertTrue(l(a(1, 1), a(-5, 123)).isCContiguous(8));
        assertTrue(l(a(1, 1), a(-5, 123)).isFContiguous(8));
    }

    @Test
    void zeroSizeLayoutsAreContiguous() {
        assertTrue(l(a(0), a(8)).isCContiguous(8));
        assertTrue(l(a(0), a(-8)).isCContiguous(8));
        assertTrue(l(a(0), a(16)).isFContiguous(8));
        assertTrue(l(a(0, 3), a(24, 8)).isCContiguous(8));
        assertTrue(l(a(0, 3), a(24, 8)).isFContiguous(8));
        assertTrue(l(a(3, 0), a(8, 8)).isCContiguous(8));
        assertTrue(l(a(3, 0), a(8, 8)).isFContiguous(8));
    }

    @Test
    void stridedNegativeAndBroadcastLayoutsAreNotContiguous() {
        assertFalse(l(a(3), a(16)).isCContiguous(8)); // a[::2]
        assertFalse(l(a(3), a(16)).isFContiguous(8));
        assertFalse(l(a(3), a(-8)).isCContiguous(8)); // a[::-1]
        assertFalse(l(a(3), a(-8)).isFContiguous(8));
        assertFalse(l(a(2, 3), a(24, -8)).isCContiguous(8));
        assertFalse(l(a(2, 3), a(-24, 8)).isCContiguous(8));
        assertFalse(l(a(3), a(0)).isCContiguous(8)); // broadcast
        assertFalse(l(a(2, 3), a(0, 8)).isCContiguous(8));
        assertFalse(l(a(4, 3), a(48, 8)).isCContiguous(8)); // a[:, :3] of a (4, 6) array
    }
}
