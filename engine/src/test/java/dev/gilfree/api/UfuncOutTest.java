package dev.gilfree.api;

import static dev.gilfree.TestSupport.assertPyError;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.slice1d;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/** out= semantics NumPy users rely on: overlapping operands, out larger than the inputs, -0.0. */
class UfuncOutTest {
    @Test
    void outOverlappingAReversedInputGivesTheResultOfReadingFirst() {
        NDArray a = f64(0, 1, 2, 3, 4);
        NDArray res = Engine.ufunc("add").call2(a, slice1d(a, 4, -1, -1), a);
        assertSame(a, res);
        assertArrayEquals(new double[]{4, 4, 4, 4, 4}, a.toDoubleArray());
    }

    @Test
    void outOverlappingAShiftedInputGivesTheResultOfReadingFirst() {
        NDArray a = Engine.arange(0, 1, 20, "float64");
        NDArray head = slice1d(a, 0, 19, 1), tail = slice1d(a, 1, 20, 1);
        Engine.ufunc("add").call2(head, head, tail); // a[1:] = a[:-1] + a[:-1]
        double[] got = a.toDoubleArray();
        assertEquals(0.0, got[0]);
        for (int i = 1; i < 20; i++) assertEquals(2.0 * (i - 1), got[i], "element " + i);
    }

    @Test
    void identicalOutAndInputNeedNoCopyAndStayCorrect() {
        NDArray a = f64(1, 2, 3);
        assertTrue(a.mayShareMemory(a));
        assertFalse(a.overlapsOtherwise(a));
        Engine.ufunc("multiply").call2(a, a, a);
        assertArrayEquals(new double[]{1, 4, 9}, a.toDoubleArray());
    }

    @Test
    void outMayBeLargerThanTheInputsBroadcastShape() {
        NDArray out = Engine.zeros(new long[]{2, 3}, "float64");
        Engine.ufunc("add").call2Double(f64(1, 2, 3), 1.0, false, out);
        assertArrayEquals(new double[]{2, 3, 4, 2, 3, 4}, out.toDoubleArray());
    }

    @Test
    void outThatCannotHoldTheResultIsAValueError() {
        NDArray a = Engine.zeros(new long[]{2, 3}, "float64");
        assertPyError("ValueError", "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)",
                () -> Engine.ufunc("add").call2(a, a, Engine.zeros(new long[]{3}, "float64")));
        assertPyError("ValueError", "operands could not be broadcast together with shapes (3,) () (4,)",
                () -> Engine.ufunc("add").call2Double(f64(1, 2, 3), 1.0, false, Engine.zeros(new long[]{4}, "float64")));
    }

    @Test
    void fullKeepsTheSignOfNegativeZero() {
        NDArray a = Engine.full(new long[]{2}, -0.0, "float64");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(a.toDoubleArray()[1]));
    }

    @Test
    void aLayoutWhoseExtentOverflowsIsRejected() {
        NDArray a = f64(1);
        assertThrows(IllegalStateException.class, () -> view(a, new long[]{(1L << 61) + 1}, new long[]{8}, 0));
    }
}
