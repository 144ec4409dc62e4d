package dev.gilfree.kernels;

import static dev.gilfree.TestSupport.arange;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
    private static long[] a(long... v) { return v; }

    @Test
    void binaryBroadcastsInputsToTheOutputShape() {
        NDArray col = view(arange(3, DType.FLOAT64), a(3, 1), a(8, 8), 0);
        NDArray row = f64(10, 20, 30, 40);
        NDArray out = NDArray.zeros(DType.FLOAT64, a(3, 4));
        Elementwise.binary(BinaryOp.ADD, col, row, out);
        assertArrayEquals(new double[]{10, 20, 30, 40, 11, 21, 31, 41, 12, 22, 32, 42}, out.toDoubleArray());
        Elementwise.binary(BinaryOp.SUBTRACT, row, col, out);
        assertArrayEquals(new double[]{10, 20, 30, 40, 9, 19, 29, 39, 8, 18, 28, 38}, out.toDoubleArray());
    }

    @Test
    void binaryWritesThroughAStridedOutput() {
        NDArray backing = NDArray.zeros(DType.INT64, a(6));
        NDArray out = view(backing, a(3), a(-16), 40); // backing[5::-2]
        Elementwise.binary(BinaryOp.MULTIPLY, i64(1, 2, 3), i64(10, 10, 10), out);
        assertArrayEquals(new long[]{0, 30, 0, 20, 0, 10}, backing.toLongArray());
    }

    @Test
    void unaryOverAReversedInput() {
        NDArray out = NDArray.zeros(DType.INT64, a(4));
        Elementwise.unary(UnaryOp.NEGATIVE, view(arange(4, DType.INT64), a(4), a(-8), 24), out);
        assertArrayEquals(new long[]{-3, -2, -1, 0}, out.toLongArray());
    }

    @Test
    void operandsOfTheWrongDtypeAreRejected() {
        NDArray x = NDArray.zeros(DType.INT32, a(3)), y = NDArray.zeros(DType.INT64, a(3));
        assertThrows(IllegalArgumentException.class, () -> Elementwise.binary(BinaryOp.ADD, x, y, x));
        assertThrows(IllegalArgumentException.class, () -> Elementwise.binary(BinaryOp.LESS, x, x, x)); // out must be bool
        assertThrows(IllegalArgumentException.class, () -> Elementwise.unary(UnaryOp.NEGATIVE, x, y));
    }
}
