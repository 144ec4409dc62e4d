package dev.gilfree.api;

import static dev.gilfree.TestSupport.assertPyError;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.slice1d;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/** The in-place write API against NumPy 2.4's answers (written out by hand from numpy sessions). */
class WritesTest {
    private static NDArray bools(long... v) { return Engine.astype(i64(v), "bool"); }

    @Test
    void putmaskCyclesValuesByPosition() {
        NDArray a = f64(0, 1, 2, 3, 4, 5);
        WritesOps.putmask(a, bools(0, 0, 0, 1, 1, 1), f64(10, 20));
        assertArrayEquals(new double[]{0, 1, 2, 20, 10, 20}, a.toDoubleArray()); // np.putmask(a, a > 2, [10, 20])
    }

    @Test
    void placeCyclesValuesBySelection() {
        NDArray a = f64(0, 1, 2, 3, 4, 5);
        WritesOps.place(a, bools(0, 0, 0, 1, 1, 1), f64(10, 20));
        assertArrayEquals(new double[]{0, 1, 2, 10, 20, 10}, a.toDoubleArray());
    }

    @Test
    void placeRefusesEmptyValuesOnlyWhenSomethingIsSelected() {
        NDArray a = f64(0, 1, 2);
        WritesOps.place(a, bools(0, 0, 0), f64());
        assertPyError("ValueError", "Cannot insert from an empty array!", () -> WritesOps.place(a, bools(0, 1, 0), f64()));
        assertArrayEquals(new double[]{0, 1, 2}, a.toDoubleArray());
    }

    @Test
    void putmaskNeedsMaskOfTheSameSize() {
        NDArray a = f64(0, 1, 2);
        assertPyError("ValueError", "putmask: mask and data must be the same size", () -> WritesOps.putmask(a, bools(1, 0), f64(9)));
    }

    @Test
    void flatAssignmentOnAStridedViewChecksEveryIndexFirst() {
        NDArray base = f64(0, 1, 2, 3, 4, 5, 6, 7);
        NDArray v = slice1d(base, 0, 8, 2); // [0, 2, 4, 6]
        WritesOps.putFlat(v, i64(1, -1), f64(9));
        assertArrayEquals(new double[]{0, 1, 9, 3, 4, 5, 9, 7}, base.toDoubleArray());
        assertPyError("IndexError", "index 4 is out of bounds for size 4", () -> WritesOps.putFlat(v, i64(0, 4), f64(5)));
        assertArrayEquals(new double[]{0, 1, 9, 3, 4, 5, 9, 7}, base.toDoubleArray());
    }

    @Test
    void flatAssignmentOfA2dViewFollowsCOrder() {
        NDArray base = f64(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        NDArray cols = view(base, new long[]{3, 2}, new long[]{32, 16}, 0); // a.reshape(3, 4)[:, ::2]
        WritesOps.putFlat(cols, i64(1, 2, 3, 4), f64(9)); // a.flat[1:5] = 9
        assertArrayEquals(new double[]{0, 9, 9, 9, 9, 10}, Engine.copy(cols).toDoubleArray());
    }

    @Test
    void copytoChecksCastingAndBroadcastsWhere() {
        NDArray dst = i64(0, 0, 0, 0);
        assertPyError("TypeError", "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'",
                () -> WritesOps.copyto(dst, f64(1.5), null, "same_kind"));
        WritesOps.copyto(dst, f64(1.5, 2.5, 3.5, 4.5), bools(1, 0, 1, 0), "unsafe");
        assertArrayEquals(new long[]{1, 0, 3, 0}, dst.toLongArray());
        assertPyError("ValueError", "could not broadcast where mask from shape (2,) into shape (4,)",
                () -> WritesOps.copyto(dst, i64(7), bools(1, 0), "same_kind"));
        WritesOps.copyto(dst, i64(7), null, "same_kind");
        assertArrayEquals(new long[]{7, 7, 7, 7}, dst.toLongArray());
    }

    @Test
    void sortInPlaceOfAStridedView() {
        NDArray base = f64(5, -1, 3, -2, 1, -3);
        NDArray even = slice1d(base, 0, 6, 2); // [5, 3, 1]
        WritesOps.sort(even, 0, false);
        assertArrayEquals(new double[]{1, -1, 3, -2, 5, -3}, base.toDoubleArray());
    }
}
