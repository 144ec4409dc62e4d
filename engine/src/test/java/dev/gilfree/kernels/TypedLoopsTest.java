package dev.gilfree.kernels;

import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Engine;
import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/** The per-dtype loops: wrap-around, unsigned semantics, bool outputs, FP flags, SIMD vs scalar agreement. */
class TypedLoopsTest {
    private static NDArray ofLongs(DType t, long... v) { return Engine.fromLongs(v, new long[]{v.length}, t.npName()); }

    private static NDArray ofDoubles(DType t, double... v) { return Engine.fromDoubles(v, new long[]{v.length}, t.npName()); }

    @Test
    void narrowIntegersWrapAround() {
        NDArray a = ofLongs(DType.INT8, 100, -128, 127), b = ofLongs(DType.INT8, 100, -1, 1);
        NDArray out = NDArray.zeros(DType.INT8, new long[]{3});
        Elementwise.binary(BinaryOp.ADD, a, b, out);
        assertArrayEquals(new long[]{-56, 127, -128}, out.toLongArray());
        Elementwise.binary(BinaryOp.MULTIPLY, a, b, out);
        assertArrayEquals(new long[]{16, -128, 127}, out.toLongArray());
    }

    @Test
    void unsigned64ComparesAndDividesUnsigned() {
        NDArray a = ofLongs(DType.UINT64, -1L, 10, 7), b = ofLongs(DType.UINT64, 2, -2L, 2);
        NDArray lt = NDArray.zeros(DType.BOOL, new long[]{3});
        Elementwise.binary(BinaryOp.LESS, a, b, lt);
        assertArrayEquals(new long[]{0, 1, 0}, lt.toLongArray());
        NDArray q = NDArray.zeros(DType.UINT64, new long[]{3});
        Elementwise.binary(BinaryOp.FLOOR_DIVIDE, a, b, q);
        assertArrayEquals(new long[]{Long.MAX_VALUE, 0, 3}, q.toLongArray());
        Elementwise.binary(BinaryOp.MAXIMUM, a, b, q);
        assertArrayEquals(new long[]{-1L, -2L, 7}, q.toLongArray());
    }

    @Test
    void integerDivisionByZeroIsZeroAndFlagged() {
        NDArray a = ofLongs(DType.INT32, 7, -7, Integer.MIN_VALUE), b = ofLongs(DType.INT32, 0, 2, -1);
        NDArray out = NDArray.zeros(DType.INT32, new long[]{3});
        int flags = Elementwise.binary(BinaryOp.FLOOR_DIVIDE, a, b, out);
        assertArrayEquals(new long[]{0, -4, Integer.MIN_VALUE}, out.toLongArray());
        assertEquals(FpFlags.DIVIDE | FpFlags.OVERFLOW, flags);
        flags = Elementwise.binary(BinaryOp.REMAINDER, a, b, out);
        assertArrayEquals(new long[]{0, 1, 0}, out.toLongArray());
        assertEquals(FpFlags.DIVIDE, flags);
    }

    @Test
    void floatFlagsAreClassified() {
        NDArray a = ofDoubles(DType.FLOAT64, 1, 0, Double.NaN, 1e300), b = ofDoubles(DType.FLOAT64, 0, 0, 0, 1e-300);
        NDArray out = NDArray.zeros(DType.FLOAT64, new long[]{4});
        int flags = Elementwise.binary(BinaryOp.DIVIDE, a, b, out);
        assertEquals(FpFlags.DIVIDE | FpFlags.INVALID | FpFlags.OVERFLOW, flags);
        NDArray x = ofDoubles(DType.FLOAT64, 0, -1, 2);
        assertEquals(FpFlags.DIVIDE | FpFlags.INVALID, Elementwise.unary(UnaryOp.LOG, x, NDArray.zeros(DType.FLOAT64, new long[]{3})));
        assertEquals(0, Elementwise.unary(UnaryOp.EXP, ofDoubles(DType.FLOAT64, Double.NaN, 1), NDArray.zeros(DType.FLOAT64, new long[]{2})));
    }

    @Test
    void float32RoundsAndOverflowsInFloat32() {
        NDArray a = ofDoubles(DType.FLOAT32, 3e38, 1.1f), b = ofDoubles(DType.FLOAT32, 3e38, 1.1f);
        NDArray out = NDArray.zeros(DType.FLOAT32, new long[]{2});
        int flags = Elementwise.binary(BinaryOp.ADD, a, b, out);
        assertEquals(FpFlags.OVERFLOW, flags);
        double[] r = out.toDoubleArray();
        assertEquals(Double.POSITIVE_INFINITY, r[0]);
        assertEquals((double) (1.1f + 1.1f), r[1]);
    }

    @Test
    void simdAndScalarPathsAgreeForEveryDtypeAndStride() {
        int n = 37;
        for (DType t : new DType[]{DType.INT8, DType.UINT16, DType.INT32, DType.INT64, DType.UINT64, DType.FLOAT32, DType.FLOAT64}) {
            long[] v = new long[2 * n];
            for (int i = 0; i < v.length; i++) v[i] = (i * 7919L) % 113 - 50;
            NDArray base = Engine.fromLongs(v, new long[]{2 * n}, t.npName());
            NDArray contiguous = Engine.copy(view(base, new long[]{n}, new long[]{t.itemsize()}, 0));
            NDArray strided = view(base, new long[]{n}, new long[]{2L * t.itemsize()}, 0);
            NDArray stridedCopy = Engine.copy(strided);
            for (BinaryOp op : new BinaryOp[]{BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY, BinaryOp.MAXIMUM, BinaryOp.MINIMUM}) {
                NDArray o1 = NDArray.zeros(t, new long[]{n}), o2 = NDArray.zeros(t, new long[]{n});
                Elementwise.binary(op, contiguous, stridedCopy, o1);   // SIMD where the dtype has it
                Elementwise.binary(op, Engine.copy(contiguous), strided, o2); // scalar loop (strided operand)
                assertArrayEquals(o1.toDoubleArray(), o2.toDoubleArray(), op + " " + t);
            }
        }
    }

    @Test
    void unaryIntegerAndBoolLoops() {
        NDArray a = ofLongs(DType.INT16, -5, 0, 7);
        NDArray out = NDArray.zeros(DType.INT16, new long[]{3});
        Elementwise.unary(UnaryOp.ABSOLUTE, a, out);
        assertArrayEquals(new long[]{5, 0, 7}, out.toLongArray());
        Elementwise.unary(UnaryOp.INVERT, a, out);
        assertArrayEquals(new long[]{4, -1, -8}, out.toLongArray());
        NDArray bools = ofLongs(DType.BOOL, 1, 0, 1), bo = NDArray.zeros(DType.BOOL, new long[]{3});
        Elementwise.unary(UnaryOp.INVERT, bools, bo);
        assertArrayEquals(new long[]{0, 1, 0}, bo.toLongArray());
        NDArray isn = NDArray.zeros(DType.BOOL, new long[]{3});
        Elementwise.unary(UnaryOp.ISNAN, ofDoubles(DType.FLOAT64, Double.NaN, 1, Double.POSITIVE_INFINITY), isn);
        assertArrayEquals(new long[]{1, 0, 0}, isn.toLongArray());
    }

    @Test
    void floatFloorDivideAndRemainderFollowNumPy() {
        assertEquals(-4.0, BinaryOp.floorDivide(-7, 2));
        assertEquals(1.0, BinaryOp.remainder(-7, 2));
        assertEquals(-1.0, BinaryOp.remainder(7, -2));
        assertEquals(-0.0, BinaryOp.remainder(-4, -2));
        assertEquals(Double.POSITIVE_INFINITY, BinaryOp.floorDivide(1, 0));
        assertTrue(Double.isNaN(BinaryOp.remainder(1, 0)));
    }

    @Test
    void typesListsFollowNumPyCharacters() {
        assertEquals("?bBhHiIlLefdFD", BinaryOp.ADD.types());
        assertEquals("efdFD", BinaryOp.DIVIDE.types());
        assertEquals(DType.FLOAT32, UnaryOp.ABSOLUTE.outType(DType.COMPLEX64));
        assertEquals(DType.BOOL, BinaryOp.LESS.outType(DType.INT8));
        assertEquals(DType.UINT8, UnaryOp.BITWISE_COUNT.outType(DType.INT64));
        assertEquals(DType.INT32, UnaryOp.FREXP_EXP.outType(DType.FLOAT32));
        assertEquals(DType.INT32, UnaryOp.FREXP_EXP.outType(DType.FLOAT16));
    }
}
