package dev.gilfree.core;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IndexResolverTest {
    private static final long N = IndexResolver.NONE;
    private static final Layout L = Layout.contiguous(new long[]{2, 3, 4}, 8); // strides 96, 32, 8

    private static long[] a(long... v) { return v; }

    @Test
    void integerIndicesDropAxesAndMoveTheOffset() {
        Layout r = IndexResolver.resolve(L, a(0, 1, 0, 0, 0, -1, 0, 0));
        assertArrayEquals(a(4), r.shape());
        assertArrayEquals(a(8), r.strides());
        assertEquals(96 + 2 * 32, r.offset());
    }

    @Test
    void slicesFollowPythonSemanticsForEveryStep() {
        // [:, ::-2, 1:3]
        Layout r = IndexResolver.resolve(L, a(1, N, N, 1, 1, N, N, -2, 1, 1, 3, 1));
        assertArrayEquals(a(2, 2, 2), r.shape());
        assertArrayEquals(a(96, -64, 8), r.strides());
        assertEquals(2 * 32 + 8, r.offset());
        assertArrayEquals(a(5, 0), IndexResolver.slice(5, 7, 9, 1));   // empty past the end
        assertArrayEquals(a(4, 5), IndexResolver.slice(5, N, N, -1));
        assertArrayEquals(a(4, 2), IndexResolver.slice(5, 100, -100, -3));
        assertArrayEquals(a(0, 0), IndexResolver.slice(5, 0, 4, -1));
        assertArrayEquals(a(2, 2), IndexResolver.slice(5, -3, N, 2));
    }

    @Test
    void ellipsisAndNewaxis() {
        // [None, ..., 0]
        Layout r = IndexResolver.resolve(L, a(2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0));
        assertArrayEquals(a(1, 2, 3), r.shape());
        assertArrayEquals(a(0, 96, 32), r.strides());
        // [..., None] keeps every axis and appends one
        assertArrayEquals(a(2, 3, 4, 1), IndexResolver.resolve(L, a(3, 0, 0, 0, 2, 0, 0, 0)).shape());
    }

    @Test
    void emptySliceKeepsTheOffsetInsideStorage() {
        Layout r = IndexResolver.resolve(L, a(1, 5, N, 1));
        assertArrayEquals(a(0, 3, 4), r.shape());
        assertEquals(0, r.offset());
    }

    @Test
    void errorsAreNumPys() {
        assertPyError("IndexError", "index 2 is out of bounds for axis 0 with size 2", () -> IndexResolver.resolve(L, a(0, 2, 0, 0)));
        assertPyError("IndexError", "index -5 is out of bounds for axis 2 with size 4",
                () -> IndexResolver.resolve(L, a(3, 0, 0, 0, 0, -5, 0, 0)));
        assertPyError("IndexError", "too many indices for array: array is 3-dimensional, but 4 were indexed",
                () -> IndexResolver.resolve(L, a(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertPyError("IndexError", "an index can only have a single ellipsis ('...')",
                () -> IndexResolver.resolve(L, a(3, 0, 0, 0, 3, 0, 0, 0)));
        assertPyError("ValueError", "slice step cannot be zero", () -> IndexResolver.slice(3, 0, 1, 0));
    }
}
