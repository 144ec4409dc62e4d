package dev.gilfree.core;

import static dev.gilfree.TestSupport.arange;
import static dev.gilfree.TestSupport.assertPyError;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Indexing;
import org.junit.jupiter.api.Test;

class NDArrayTest {
    private static long[] a(long... v) { return v; }

    private static NDArray readOnly(NDArray src) {
        return new NDArray(src.storage(), src.dtype(), src.layout(), false, null);
    }

    @Test
    void zerosIsAFreshZeroFilledCContiguousArray() {
        NDArray z = NDArray.zeros(DType.FLOAT64, a(2, 3));
        assertArrayEquals(a(2, 3), z.shape());
        assertArrayEquals(a(24, 8), z.strides());
        assertEquals(0, z.offset());
        assertEquals(6, z.size());
        assertEquals(2, z.ndim());
        assertEquals(8, z.itemsize());
        assertEquals("float64", z.dtypeName());
        assertTrue(z.isCContiguous());
        assertFalse(z.isFContiguous());
        assertTrue(z.isWriteable());
        assertTrue(z.ownsData());
        assertNull(z.base());
        assertTrue(z.storage().byteSize() >= 48);
        assertArrayEquals(new double[6], z.toDoubleArray());
    }

    @Test
    void zerosOfEmptyAndZeroDimensionalShapes() {
        NDArray e = NDArray.zeros(DType.INT32, a(3, 0));
        assertEquals(0, e.size());
        assertArrayEquals(new double[0], e.toDoubleArray());
        NDArray s = NDArray.zeros(DType.INT64, a());
        assertEquals(1, s.size());
        assertEquals(0, s.ndim());
        assertArrayEquals(new long[]{0}, s.toLongArray());
    }

    @Test
    void zerosRejectsImpossibleShapes() {
        assertPyError("ValueError", "negative dimensions are not allowed", () -> NDArray.zeros(DType.FLOAT64, a(2, -3)));
        // 2^61 elements of 8 bytes overflow a long byte count
        assertPyError("ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
                () -> NDArray.zeros(DType.FLOAT64, a(1L << 61)));
        // representable, but no machine has 2 EiB
        GilfreeException e = assertPyError("MemoryError", null, () -> NDArray.zeros(DType.FLOAT64, a(1L << 58)));
        assertTrue(e.getMessage().startsWith("Unable to allocate"), e.getMessage());
    }

    @Test
    void viewsShareStorageAndPointAtTheOwner() {
        NDArray base = arange(10, DType.FLOAT64);
        NDArray v1 = view(base, a(5), a(16), 0);
        NDArray v2 = v1.view(new Layout(a(2), a(32), 8 * 2));
        assertSame(base.storage(), v1.storage());
        assertSame(base.storage(), v2.storage());
        assertSame(base, v1.base());
        assertSame(base, v2.base(), "a view of a view points at the array that owns the data");
        assertFalse(v1.ownsData());
        assertTrue(v1.isWriteable());
        Indexing.setDouble(v2, a(1), 42);
        assertEquals(42.0, Indexing.getDouble(base, a(6)));
        assertEquals(42.0, Indexing.getDouble(v1, a(3)));
    }

    @Test
    void viewFlagsFollowTheLayout() {
        NDArray base = arange(12, DType.INT32);
        NDArray t = view(base, a(4, 3), a(4, 16), 0); // transpose of a (3, 4) array
        assertFalse(t.isCContiguous());
        assertTrue(t.isFContiguous());
        NDArray step = view(base, a(6), a(8), 0);
        assertFalse(step.isCContiguous());
        assertFalse(step.isFContiguous());
        NDArray tail = view(base, a(4), a(4), 32);
        assertTrue(tail.isCContiguous());
        assertEquals(32, tail.offset());
    }

    @Test
    void viewsInsideTheStorageAreAccepted() {
        NDArray base = arange(10, DType.FLOAT64); // 80 bytes
        assertDoesNotThrow(() -> view(base, a(10), a(-8), 72)); // a[::-1]
        assertDoesNotThrow(() -> view(base, a(5), a(-16), 72)); // a[::-2]
        assertDoesNotThrow(() -> view(base, a(2, 5), a(40, 8), 0));
        assertDoesNotThrow(() -> view(base, a(2, 5), a(-40, -8), 72));
        assertDoesNotThrow(() -> view(base, a(1), a(8), 72)); // last element
        assertDoesNotThrow(() -> view(base, a(4), a(0), 72)); // broadcast of the last element
        assertDoesNotThrow(() -> view(base, a(), a(), 72));
        assertDoesNotThrow(() -> view(base, a(3), a(8), 1)); // unaligned but inside
        // empty views touch no memory: any offset and stride is fine
        assertDoesNotThrow(() -> view(base, a(0), a(8), 1000));
        assertDoesNotThrow(() -> view(base, a(5, 0), a(-1000, 8), -8));
    }

    @Test
    void viewsReachingOutsideTheStorageAreRejected() {
        NDArray base = arange(10, DType.FLOAT64); // 80 bytes
        assertThrows(IllegalStateException.class, () -> view(base, a(11), a(8), 0)); // one past the end
        assertThrows(IllegalStateException.class, () -> view(base, a(10), a(8), 8));
        assertThrows(IllegalStateException.class, () -> view(base, a(10), a(8), 1)); // last element straddles the end
        assertThrows(IllegalStateException.class, () -> view(base, a(1), a(8), 73));
        assertThrows(IllegalStateException.class, () -> view(base, a(), a(), 80));
        assertThrows(IllegalStateException.class, () -> view(base, a(1), a(8), -8)); // negative offset
        assertThrows(IllegalStateException.class, () -> view(base, a(10), a(-8), 64)); // runs off the front
        assertThrows(IllegalStateException.class, () -> view(base, a(6), a(16), 0)); // step 2, one too many
        assertThrows(IllegalStateException.class, () -> view(base, a(3, 4), a(32, 8), 0)); // 2-D, 96 bytes
        assertThrows(IllegalStateException.class, () -> view(base, a(2, 5), a(40, -8), 0)); // inner axis runs off the front
        // a view of a view is checked against the whole storage too
        NDArray half = view(base, a(5), a(8), 40);
        assertThrows(IllegalStateException.class, () -> half.view(new Layout(a(6), a(8), 40)));
        // a bad dtype/storage pairing is caught the same way
        assertThrows(IllegalStateException.class,
                () -> new NDArray(base.storage(), DType.COMPLEX128, Layout.contiguous(a(6), 16), true, null));
    }

    @Test
    void byteOffsetOfHandlesNegativeIndicesAndStrides() {
        NDArray m = arange(12, DType.FLOAT64);
        NDArray a2 = view(m, a(3, 4), a(32, 8), 0);
        assertEquals(0, a2.byteOffsetOf(a(0, 0)));
        assertEquals(48, a2.byteOffsetOf(a(1, 2)));
        assertEquals(88, a2.byteOffsetOf(a(-1, -1)));
        assertEquals(64, a2.byteOffsetOf(a(-1, 0)));
        assertEquals(24, a2.byteOffsetOf(a(-3, -1)));
        // reversed rows and columns: element [0, 0] is the last one in memory
        NDArray rev = view(m, a(3, 4), a(-32, -8), 88);
        assertEquals(88, rev.byteOffsetOf(a(0, 0)));
        assertEquals(0, rev.byteOffsetOf(a(-1, -1)));
        assertEquals(11.0 - 5, Indexing.getDouble(rev, a(1, 1)));
        assertEquals(0.0, Indexing.getDouble(rev, a(2, 3)));
        NDArray s = view(m, a(), a(), 40);
        assertEquals(40, s.byteOffsetOf(a()));
        assertEquals(5.0, Indexing.getDouble(s, a()));
    }

    @Test
    void outOfBoundsIndexRaisesNumPysIndexError() {
        NDArray v = arange(3, DType.INT64);
        assertPyError("IndexError", "index 5 is out of bounds for axis 0 with size 3", () -> v.byteOffsetOf(a(5)));
        assertPyError("IndexError", "index 3 is out of bounds for axis 0 with size 3", () -> Indexing.getLong(v, a(3)));
        assertPyError("IndexError", "index -4 is out of bounds for axis 0 with size 3", () -> Indexing.getDouble(v, a(-4)));
        assertEquals(0, Indexing.getLong(v, a(-3)));
        NDArray m = view(arange(12, DType.INT64), a(3, 4), a(32, 8), 0);
        assertPyError("IndexError", "index 4 is out of bounds for axis 1 with size 4", () -> m.byteOffsetOf(a(0, 4)));
        assertPyError("IndexError", "index -5 is out of bounds for axis 1 with size 4", () -> m.byteOffsetOf(a(2, -5)));
        assertPyError("IndexError", "index 0 is out of bounds for axis 0 with size 0",
                () -> NDArray.zeros(DType.FLOAT64, a(0)).byteOffsetOf(a(0)));
        assertPyError("IndexError", "too many indices for array: array is 1-dimensional, but 2 were indexed",
                () -> v.byteOffsetOf(a(0, 0)));
        assertPyError("IndexError", "too many indices for array: array is 0-dimensional, but 1 were indexed",
                () -> NDArray.zeros(DType.FLOAT64, a()).byteOffsetOf(a(0)));
    }

    @Test
    void getAndSetConvertThroughTheDType() {
        NDArray v = NDArray.zeros(DType.INT16, a(4));
        Indexing.setLong(v, a(-1), -7);
        Indexing.setDouble(v, a(0), 3.9);
        assertArrayEquals(new long[]{3, 0, 0, -7}, v.toLongArray());
        assertEquals(-7.0, Indexing.getDouble(v, a(3)));
        NDArray f = NDArray.zeros(DType.FLOAT32, a(2));
        Indexing.setDouble(f, a(1), 0.1);
        assertEquals((double) 0.1f, Indexing.getDouble(f, a(1)));
    }

    @Test
    void readOnlyArraysRefuseWrites() {
        NDArray src = arange(4, DType.FLOAT64);
        NDArray ro = readOnly(src);
        assertFalse(ro.isWriteable());
        assertPyError("ValueError", "assignment destination is read-only", ro::checkWriteable);
        assertPyError("ValueError", "assignment destination is read-only", () -> Indexing.setDouble(ro, a(0), 9));
        assertPyError("ValueError", "assignment destination is read-only", () -> Indexing.setLong(ro, a(1), 9));
        assertArrayEquals(new double[]{0, 1, 2, 3}, ro.toDoubleArray());
        // views of a read-only array are read-only as well
        NDArray rv = ro.view(new Layout(a(2), a(16), 0));
        assertFalse(rv.isWriteable());
        assertPyError("ValueError", "assignment destination is read-only", () -> Indexing.setDouble(rv, a(0), 1));
        assertDoesNotThrow(src::checkWriteable);
    }

    @Test
    void toDoubleArrayWalksStridedViewsInCOrder() {
        NDArray base = arange(12, DType.FLOAT64);
        assertArrayEquals(new double[]{0, 2, 4, 6, 8, 10}, view(base, a(6), a(16), 0).toDoubleArray());
        assertArrayEquals(new double[]{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, view(base, a(12), a(-8), 88).toDoubleArray());
        assertArrayEquals(new double[]{11, 8, 5, 2}, view(base, a(4), a(-24), 88).toDoubleArray());
        assertArrayEquals(new double[]{7, 5, 3}, view(base, a(3), a(-16), 56).toDoubleArray());
        // (3, 4) transposed to (4, 3)
        assertArrayEquals(new double[]{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11},
                view(base, a(4, 3), a(8, 32), 0).toDoubleArray());
        // (3, 4)[::-1, ::2]
        assertArrayEquals(new double[]{8, 10, 4, 6, 0, 2}, view(base, a(3, 2), a(-32, 16), 64).toDoubleArray());
        // (2, 2, 3) with both outer axes reversed
        assertArrayEquals(new double[]{9, 10, 11, 6, 7, 8, 3, 4, 5, 0, 1, 2},
                view(base, a(2, 2, 3), a(-48, -24, 8), 72).toDoubleArray());
        // broadcast (stride 0) and size-1 axes with odd strides
        assertArrayEquals(new double[]{5, 5, 5}, view(base, a(3), a(0), 40).toDoubleArray());
        assertArrayEquals(new double[]{3, 4, 5}, view(base, a(1, 3, 1), a(-1000, 8, 77), 24).toDoubleArray());
        assertArrayEquals(new double[]{9}, view(base, a(), a(), 72).toDoubleArray());
        assertArrayEquals(new double[0], view(base, a(2, 0), a(8, 8), 0).toDoubleArray());
    }

    @Test
    void toLongArrayReadsNarrowAndUnsignedTypes() {
        NDArray u8 = NDArray.zeros(DType.UINT8, a(6));
        for (int i = 0; i < 6; i++) Indexing.setLong(u8, a(i), 250 + i); // 250..255
        assertArrayEquals(new long[]{255, 253, 251}, view(u8, a(3), a(-2), 5).toLongArray());
        NDArray i32 = arange(8, DType.INT32);
        assertArrayEquals(new long[]{1, 3, 5, 7}, view(i32, a(2, 2), a(16, 8), 4).toLongArray());
    }

    @Test
    void oneDimensionalElementAccessHonoursStridesNegativeIndicesBoundsAndReadOnly() {
        NDArray f = view(arange(10, DType.FLOAT64), a(5), a(16), 8); // [1, 3, 5, 7, 9]
        assertEquals(3.0, Indexing.getDoubleAt(f, 1));
        assertEquals(9.0, Indexing.getDoubleAt(f, -1));
        Indexing.setDoubleAt(f, -5, 42.5);
        assertEquals(42.5, Indexing.getDouble(f, a(0)));
        NDArray i = arange(4, DType.INT16);
        Indexing.setLongAt(i, 2, -7);
        assertEquals(-7, Indexing.getLongAt(i, 2));
        assertPyError("IndexError", "index 5 is out of bounds for axis 0 with size 5", () -> Indexing.getDoubleAt(f, 5));
        assertPyError("IndexError", "index -6 is out of bounds for axis 0 with size 5", () -> Indexing.setDoubleAt(f, -6, 0));
        NDArray grid = view(arange(6, DType.FLOAT64), a(2, 3), a(24, 8), 0);
        assertPyError("IndexError", "expected 2 indices for a single element, got 1", () -> Indexing.getDoubleAt(grid, 0));
        assertThrows(GilfreeException.class, () -> Indexing.setLongAt(readOnly(i), 0, 1));
        assertEquals(0, Indexing.getLongAt(readOnly(i), 0));
    }
}
