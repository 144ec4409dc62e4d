package dev.gilfree.api;

import static dev.gilfree.TestSupport.assertBitsEqual;
import static dev.gilfree.TestSupport.assertPyError;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.randomDoubles;
import static dev.gilfree.TestSupport.slice1d;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilfree.core.NDArray;
import dev.gilfree.kernels.FpFlags;
import org.junit.jupiter.api.Test;

/** The fused evaluator against the unfused chain of ufunc calls it must reproduce bit for bit. */
class FusedTest {
    private static final int ALL = FpFlags.DIVIDE | FpFlags.OVERFLOW | FpFlags.INVALID;

    private static NDArray eval(String program, NDArray... inputs) {
        return Fused.evaluate(program, inputs, null, "same_kind", "", 0);
    }

    private static NDArray add(NDArray a, NDArray b) { return Engine.ufunc("add").call2(a, b, null); }

    private static NDArray mul(NDArray a, NDArray b) { return Engine.ufunc("multiply").call2(a, b, null); }

    @Test
    void largeExpressionAcrossBlocksAndCoresIsTheUnfusedChainBitForBit() {
        int n = 300_001; // many blocks, several chunks, a ragged last block
        NDArray a = Engine.fromDoubles(randomDoubles(n, 1), new long[]{n}, "float64");
        NDArray b = Engine.fromDoubles(randomDoubles(n, 2), new long[]{n}, "float64");
        NDArray c = Engine.fromDoubles(randomDoubles(n, 3), new long[]{n}, "float64");
        NDArray got = eval("f2.0 a0 b:multiply f3.0 a1 b:multiply a2 b:multiply b:add", a, b, c);
        NDArray two = Engine.ufunc("multiply").call2Double(a, 2.0, true, null);
        NDArray three = Engine.ufunc("multiply").call2Double(b, 3.0, true, null);
        assertBitsEqual(add(two, mul(three, c)).toDoubleArray(), got.toDoubleArray());
    }

    @Test
    void pythonScalarsAreWeakAndIntegersPromoteAsTheUfuncsDo() {
        NDArray f32 = Engine.astype(f64(1.5, 2.5, -3), "float32");
        assertEquals("float32", eval("a0 f0.1 b:multiply", f32).dtypeName()); // NEP 50: the float stays float32
        NDArray i = i64(1, 2, 3);
        NDArray q = eval("a0 i2 b:divide", i);
        assertEquals("float64", q.dtypeName());
        assertArrayEquals(new double[]{0.5, 1, 1.5}, q.toDoubleArray());
        NDArray mixed = eval("a0 a1 b:add", Engine.astype(i, "int8"), f32);
        assertEquals("float32", mixed.dtypeName());
        assertArrayEquals(new double[]{2.5, 4.5, 0}, mixed.toDoubleArray());
    }

    @Test
    void broadcastingStridedAndReversedInputs() {
        NDArray col = view(Engine.arange(0, 1, 3, "float64"), new long[]{3, 1}, new long[]{8, 8}, 0);
        NDArray rev = slice1d(Engine.arange(0, 1, 8, "float64"), 7, -1, -2); // 7 5 3 1
        NDArray got = eval("a0 a1 b:subtract", col, rev);
        assertArrayEquals(new long[]{3, 4}, got.shape());
        assertArrayEquals(new double[]{-7, -5, -3, -1, -6, -4, -2, 0, -5, -3, -1, 1}, got.toDoubleArray());
    }

    @Test
    void whereRealImagAndComparisons() {
        NDArray a = f64(1, 5, 3), b = f64(4, 2, 3);
        assertArrayEquals(new double[]{3, 3, 0}, eval("a0 a1 b:greater a0 a1 b:subtract a1 a0 b:subtract where", a, b).toDoubleArray());
        NDArray z = eval("a0 c0.0,1.0 b:multiply", a); // 1j * a
        assertEquals("complex128", z.dtypeName());
        assertArrayEquals(new double[]{1, 5, 3}, eval("a0 c0.0,1.0 b:multiply imag", a).toDoubleArray());
        assertArrayEquals(new double[]{0, 0, 0}, eval("a0 imag", a).toDoubleArray());
        NDArray lt = eval("a0 a0 b:multiply a1 a1 b:multiply b:add f20.0 b:less", a, b);
        assertEquals("bool", lt.dtypeName());
        assertArrayEquals(new long[]{1, 0, 1}, lt.toLongArray());
    }

    @Test
    void outAliasingAnInputAndCastingIntoOut() {
        NDArray a = f64(1, 2, 3);
        assertSame(a, Fused.evaluate("a0 a0 b:multiply f1.0 b:add", new NDArray[]{a}, a, "same_kind", "", 0));
        assertArrayEquals(new double[]{2, 5, 10}, a.toDoubleArray());
        NDArray r = f64(0, 1, 2, 3);
        Fused.evaluate("a0 f1.0 b:add", new NDArray[]{slice1d(r, 3, -1, -1)}, r, "same_kind", "", 0); // out overlaps reversed
        assertArrayEquals(new double[]{4, 3, 2, 1}, r.toDoubleArray());
        NDArray i32 = Engine.zeros(new long[]{3}, "int32");
        assertPyError("TypeError", "Cannot cast the expression's result from dtype('float64') to dtype('int32') with casting rule 'safe'",
                () -> Fused.evaluate("a0 f0.5 b:add", new NDArray[]{f64(1, 2, 3)}, i32, "safe", "", 0));
        Fused.evaluate("a0 f0.5 b:add", new NDArray[]{f64(1, 2, 3)}, i32, "unsafe", "", 0);
        assertArrayEquals(new long[]{1, 2, 3}, i32.toLongArray());
    }

    @Test
    void flagsNameTheUfuncThatMetThem() {
        FpSignal s = assertThrows(FpSignal.class,
                () -> Fused.evaluate("a0 f0.0 b:divide u:log", new NDArray[]{f64(1, -1)}, null, "same_kind", "", ALL));
        int flags = s.fpFlags();
        assertEquals(FpFlags.DIVIDE, (flags >> 4) & 15, "divide by zero in divide (slot 0)");
        assertEquals(FpFlags.INVALID, (flags >> 8) & 15, "log(-inf) is invalid (slot 1)");
        assertEquals(FpFlags.DIVIDE | FpFlags.INVALID, flags & 15);
    }

    @Test
    void finalReductions() {
        NDArray a = f64(1, 2, 3, 4);
        assertEquals(30.0, Fused.evaluate("a0 a0 b:multiply", new NDArray[]{a}, null, "same_kind", "sum", 0).toDoubleArray()[0]);
        assertEquals(576.0, Fused.evaluate("a0 a0 b:multiply", new NDArray[]{a}, null, "same_kind", "prod", 0).toDoubleArray()[0]);
        assertEquals(16.0, Fused.evaluate("a0 a0 b:multiply", new NDArray[]{a}, null, "same_kind", "max", 0).toDoubleArray()[0]);
        assertEquals(7.5, Fused.evaluate("a0 a0 b:multiply", new NDArray[]{a}, null, "same_kind", "mean", 0).toDoubleArray()[0]);
        assertPyError("ValueError", "zero-size array to reduction operation minimum which has no identity",
                () -> Fused.evaluate("a0", new NDArray[]{f64()}, null, "same_kind", "min", 0));
    }

    @Test
    void typeErrorsAreTheUfuncs() {
        assertPyError("TypeError", "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
                () -> eval("a0 a0 b:subtract", Engine.astype(f64(1), "bool")));
    }

    @Test
    void aFrozenOutIsRefused() {
        NDArray a = f64(1, 2);
        ThreadSafety.freeze(a);
        assertPyError("ValueError", "assignment destination is read-only",
                () -> Fused.evaluate("a0", new NDArray[]{f64(1, 2)}, a, "same_kind", "", 0));
    }
}
