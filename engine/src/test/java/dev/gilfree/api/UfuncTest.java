package dev.gilfree.api;

import static dev.gilfree.TestSupport.assertBitsEqual;
import static dev.gilfree.TestSupport.assertPyError;
import static dev.gilfree.TestSupport.f64;
import static dev.gilfree.TestSupport.i64;
import static dev.gilfree.TestSupport.slice1d;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.TestSupport;
import dev.gilfree.core.DType;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UfuncTest {
    private static final Ufunc ADD = Ufunc.get("add"), SUB = Ufunc.get("subtract"), MUL = Ufunc.get("multiply"),
            DIV = Ufunc.get("divide"), EXP = Ufunc.get("exp"), NEG = Ufunc.get("negative");

    private static long[] a(long... v) { return v; }

    private static DoubleBinaryOperator dref(String name) {
        return switch (name) {
            case "add" -> (x, y) -> x + y;
            case "subtract" -> (x, y) -> x - y;
            case "multiply" -> (x, y) -> x * y;
            case "divide" -> (x, y) -> x / y;
            default -> throw new AssertionError(name);
        };
    }

    private static LongBinaryOperator lref(String name) {
        return switch (name) {
            case "add" -> (x, y) -> x + y;
            case "subtract" -> (x, y) -> x - y;
            case "multiply" -> (x, y) -> x * y;
            default -> throw new AssertionError(name);
        };
    }

    private static double[] ref(String op, double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) r[i] = dref(op).applyAsDouble(x[i], y[i]);
        return r;
    }

    // ---- registry ----

    @Test
    void registryKnowsTheUfuncs() {
        java.util.List<String> names = java.util.List.of(Ufunc.names());
        assertTrue(names.containsAll(java.util.List.of("add", "divide", "exp", "multiply", "negative", "subtract", "sin", "less", "gcd")));
        assertEquals(names.stream().sorted().toList(), names);
        assertSame(ADD, Ufunc.get("add"));
        assertEquals("divide", DIV.name());
        assertEquals(2, ADD.nin());
        assertEquals(1, EXP.nin());
        assertEquals(1, NEG.nout());
        assertPyError("ValueError", "no ufunc named 'frobnicate'", () -> Ufunc.get("frobnicate"));
    }

    @Test
    void wrongArityIsTypeError() {
        NDArray x = f64(1, 2);
        assertPyError("TypeError", "add() takes from 2 to 3 positional arguments but 1 were given", () -> ADD.call1(x, null));
        assertPyError("TypeError", "exp() takes from 1 to 2 positional arguments but 2 were given", () -> EXP.call2(x, x, null));
        assertPyError("TypeError", null, () -> NEG.call2Double(x, 1.0, false, null));
        assertPyError("TypeError", null, () -> NEG.call2Long(x, 1, true, null));
    }

    // ---- contiguous loops against plain Java, lengths around the SIMD width ----

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 7, 8, 9, 16, 17, 31, 1001})
    void float64BinaryOpsMatchScalarJava(int n) {
        double[] x = TestSupport.randomDoubles(n, 1 + n), y = TestSupport.randomDoubles(n, 2 + n);
        for (String op : new String[]{"add", "subtract", "multiply", "divide"}) {
            NDArray r = Ufunc.get(op).call2(f64(x), f64(y), null);
            assertEquals(DType.FLOAT64, r.dtype(), op);
            assertArrayEquals(a(n), r.shape());
            assertBitsEqual(ref(op, x, y), r.toDoubleArray());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 17, 1001})
    void int64BinaryOpsMatchScalarJavaAndWrap(int n) {
        long[] x = TestSupport.randomLongs(n, 3 + n), y = TestSupport.randomLongs(n, 4 + n);
        for (String op : new String[]{"add", "subtract", "multiply"}) {
            NDArray r = Ufunc.get(op).call2(i64(x), i64(y), null);
            assertEquals(DType.INT64, r.dtype(), op);
            long[] want = new long[n];
            for (int i = 0; i < n; i++) want[i] = lref(op).applyAsLong(x[i], y[i]);
            assertArrayEquals(want, r.toLongArray(), op);
        }
    }

    @Test
    void int64OverflowWrapsAroundAsInNumPy() {
        long max = Long.MAX_VALUE, min = Long.MIN_VALUE;
        assertArrayEquals(new long[]{min, min + 1}, ADD.call2(i64(max, max), i64(1, 2), null).toLongArray());
        assertArrayEquals(new long[]{max}, SUB.call2(i64(min), i64(1), null).toLongArray());
        assertArrayEquals(new long[]{-2, 0}, MUL.call2(i64(max, min), i64(2, 2), null).toLongArray());
        assertArrayEquals(new long[]{min, -max}, NEG.call1(i64(min, max), null).toLongArray());
    }

    @Test
    void divideOfIntegersIsFloat64TrueDivision() {
        NDArray r = DIV.call2(i64(7, -7, 1, -1, 0, 6), i64(2, 2, 0, 0, 0, 3), null);
        assertEquals(DType.FLOAT64, r.dtype());
        assertBitsEqual(new double[]{3.5, -3.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 2.0}, r.toDoubleArray());
        // int64 values beyond 2**53 are converted to the nearest double first, as NumPy does
        long big = (1L << 53) + 1;
        assertBitsEqual(new double[]{(double) big}, DIV.call2(i64(big), i64(1), null).toDoubleArray());
    }

    @Test
    void mixedDTypesPromoteBeforeTheLoop() {
        NDArray i32 = Engine.fromLongs(new long[]{1, 2, 3}, a(3), "int32");
        NDArray r = ADD.call2(i32, f64(0.5, 0.25, 0.125), null);
        assertEquals(DType.FLOAT64, r.dtype());
        assertArrayEquals(new double[]{1.5, 2.25, 3.125}, r.toDoubleArray());
        NDArray r2 = MUL.call2(i64(2, 3), f64(0.5, 0.5), null);
        assertEquals(DType.FLOAT64, r2.dtype());
        assertArrayEquals(new double[]{1.0, 1.5}, r2.toDoubleArray());
        NDArray b = Engine.fromLongs(new long[]{1, 0}, a(2), "bool");
        NDArray r3 = SUB.call2(f64(10, 10), b, null);
        assertEquals(DType.FLOAT64, r3.dtype());
        assertArrayEquals(new double[]{9, 10}, r3.toDoubleArray());
    }

    // ---- strided and broadcast operands ----

    @Test
    void stridedAndReversedOperands() {
        int n = 37;
        double[] base = TestSupport.randomDoubles(2 * n + 1, 77);
        NDArray x = f64(base);
        NDArray evens = slice1d(x, 0, 2 * n, 2);            // x[0:2n:2]
        NDArray rev = slice1d(x, 2 * n, n, -1);              // x[2n:n:-1], n elements
        NDArray rev2 = slice1d(x, 2 * n, -1, -2);            // x[2n::-2], n+1 elements
        assertEquals(n, evens.size());
        assertEquals(n, rev.size());
        double[] e = evens.toDoubleArray(), r = rev.toDoubleArray();
        for (String op : new String[]{"add", "subtract", "multiply", "divide"}) {
            assertBitsEqual(ref(op, e, r), Ufunc.get(op).call2(evens, rev, null).toDoubleArray());
            assertBitsEqual(ref(op, r, e), Ufunc.get(op).call2(rev, evens, null).toDoubleArray());
        }
        double[] r2 = rev2.toDoubleArray();
        assertEquals(n + 1, r2.length);
        double[] negWant = new double[r2.length];
        for (int i = 0; i < r2.length; i++) negWant[i] = -r2[i];
        assertBitsEqual(negWant, NEG.call1(rev2, null).toDoubleArray());
        // inputs are untouched
        assertBitsEqual(base, x.toDoubleArray());
    }

    @Test
    void stridedInt64Operands() {
        NDArray x = Engine.arangeLong(0, 1, 20, "int64");
        NDArray odd = slice1d(x, 1, 20, 2);       // 1, 3, ..., 19
        NDArray back = slice1d(x, 19, 9, -1);     // 19, 18, ..., 10
        assertArrayEquals(new long[]{20, 21, 22, 23, 24, 25, 26, 27, 28, 29}, ADD.call2(odd, back, null).toLongArray());
        assertArrayEquals(new long[]{-18, -15, -12, -9, -6, -3, 0, 3, 6, 9}, SUB.call2(odd, back, null).toLongArray());
    }

    @Test
    void twoDimensionalTransposedOperands() {
        NDArray m = Engine.arangeLong(0, 1, 12, "float64");
        NDArray c = Views.reshape(m, a(3, 4));
        NDArray t = m.view(new Layout(a(3, 4), a(8, 24), 0)); // the transpose of a (4, 3) array
        double[] cv = c.toDoubleArray(), tv = t.toDoubleArray();
        NDArray r = ADD.call2(c, t, null);
        assertArrayEquals(a(3, 4), r.shape());
        assertBitsEqual(ref("add", cv, tv), r.toDoubleArray());
        NDArray rr = SUB.call2(t, c, null);
        assertBitsEqual(ref("subtract", tv, cv), rr.toDoubleArray());
    }

    @Test
    void broadcastingColumnWithRow() {
        NDArray col = Views.reshape(f64(1, 2, 3), a(3, 1));
        NDArray row = f64(10, 20, 30, 40);
        NDArray r = ADD.call2(col, row, null);
        assertArrayEquals(a(3, 4), r.shape());
        assertArrayEquals(new double[]{11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43}, r.toDoubleArray());
        NDArray s = SUB.call2(row, col, null);
        assertArrayEquals(new double[]{9, 19, 29, 39, 8, 18, 28, 38, 7, 17, 27, 37}, s.toDoubleArray());
        NDArray d = DIV.call2(col, row, null);
        assertEquals(1.0 / 10, d.toDoubleArray()[0]);
        assertEquals(3.0 / 40, d.toDoubleArray()[11]);
        // (2, 1, 4) with (3, 1) -> (2, 3, 4)
        NDArray p = Views.reshape(Engine.arangeLong(0, 1, 8, "int64"), a(2, 1, 4));
        NDArray q = Views.reshape(i64(100, 200, 300), a(3, 1));
        NDArray pq = MUL.call2(p, q, null);
        assertArrayEquals(a(2, 3, 4), pq.shape());
        long[] got = pq.toLongArray();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) assertEquals((4L * i + k) * 100 * (j + 1), got[12 * i + 4 * j + k]);
            }
        }
    }

    @Test
    void zeroDimensionalAndEmptyOperands() {
        NDArray s = Engine.full(a(), 2.5, "float64");
        NDArray r = MUL.call2(s, s, null);
        assertEquals(0, r.ndim());
        assertArrayEquals(new double[]{6.25}, r.toDoubleArray());
        NDArray sv = ADD.call2(s, f64(1, 2), null);
        assertArrayEquals(new double[]{3.5, 4.5}, sv.toDoubleArray());
        NDArray e = ADD.call2(Engine.zeros(a(0, 3), "float64"), f64(1, 2, 3), null);
        assertArrayEquals(a(0, 3), e.shape());
        assertEquals(0, e.size());
        assertArrayEquals(a(0), EXP.call1(f64(), null).shape());
    }

    @Test
    void nonBroadcastableInputsAreValueError() {
        assertPyError("ValueError", "operands could not be broadcast together with shapes (3,) (4,)",
                () -> ADD.call2(f64(1, 2, 3), f64(1, 2, 3, 4), null));
        assertPyError("ValueError", "operands could not be broadcast together with shapes (2,3) (2,)",
                () -> MUL.call2(Engine.zeros(a(2, 3), "int64"), i64(1, 2), null));
    }

    // ---- scalars (NEP 50 weak Python scalars), reversed operand order ----

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 17, 1001})
    void float64ArrayWithPythonFloat(int n) {
        double[] x = TestSupport.randomDoubles(n, 5 + n);
        double s = 3.25;
        for (String op : new String[]{"add", "subtract", "multiply", "divide"}) {
            DoubleBinaryOperator f = dref(op);
            double[] fwd = new double[n], rev = new double[n];
            for (int i = 0; i < n; i++) {
                fwd[i] = f.applyAsDouble(x[i], s);
                rev[i] = f.applyAsDouble(s, x[i]);
            }
            NDArray rf = Ufunc.get(op).call2Double(f64(x), s, false, null);
            NDArray rr = Ufunc.get(op).call2Double(f64(x), s, true, null);
            assertEquals(DType.FLOAT64, rf.dtype());
            assertArrayEquals(a(n), rr.shape());
            assertBitsEqual(fwd, rf.toDoubleArray());
            assertBitsEqual(rev, rr.toDoubleArray());
        }
    }

    @Test
    void scalarOperandOrderMattersForSubtractAndDivide() {
        NDArray x = f64(1, 2, 4);
        assertArrayEquals(new double[]{-9, -8, -6}, SUB.call2Double(x, 10, false, null).toDoubleArray()); // x - 10
        assertArrayEquals(new double[]{9, 8, 6}, SUB.call2Double(x, 10, true, null).toDoubleArray());     // 10 - x
        assertArrayEquals(new double[]{0.5, 1, 2}, DIV.call2Double(x, 2, false, null).toDoubleArray());   // x / 2
        assertArrayEquals(new double[]{2, 1, 0.5}, DIV.call2Double(x, 2, true, null).toDoubleArray());    // 2 / x
        NDArray k = i64(1, 2, 4);
        assertArrayEquals(new long[]{-9, -8, -6}, SUB.call2Long(k, 10, false, null).toLongArray());
        assertArrayEquals(new long[]{9, 8, 6}, SUB.call2Long(k, 10, true, null).toLongArray());
        NDArray q = DIV.call2Long(k, 8, true, null); // 8 / k
        assertEquals(DType.FLOAT64, q.dtype());
        assertArrayEquals(new double[]{8, 4, 2}, q.toDoubleArray());
        assertArrayEquals(new double[]{0.125, 0.25, 0.5}, DIV.call2Long(k, 8, false, null).toDoubleArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 33})
    void int64ArrayWithPythonIntStaysInt64(int n) {
        long[] x = TestSupport.randomLongs(n, 9 + n);
        long s = 1_000_003;
        for (String op : new String[]{"add", "subtract", "multiply"}) {
            LongBinaryOperator f = lref(op);
            long[] fwd = new long[n], rev = new long[n];
            for (int i = 0; i < n; i++) {
                fwd[i] = f.applyAsLong(x[i], s);
                rev[i] = f.applyAsLong(s, x[i]);
            }
            NDArray rf = Ufunc.get(op).call2Long(i64(x), s, false, null);
            assertEquals(DType.INT64, rf.dtype());
            assertArrayEquals(fwd, rf.toLongArray(), op);
            assertArrayEquals(rev, Ufunc.get(op).call2Long(i64(x), s, true, null).toLongArray(), op + " reversed");
        }
    }

    @Test
    void weakScalarResultTypes() {
        // int64 array + Python float -> float64
        NDArray r = ADD.call2Double(i64(1, 2), 0.5, false, null);
        assertEquals(DType.FLOAT64, r.dtype());
        assertArrayEquals(new double[]{1.5, 2.5}, r.toDoubleArray());
        // float64 array + Python int -> float64
        NDArray r2 = MUL.call2Long(f64(0.5, 1.5), 3, true, null);
        assertEquals(DType.FLOAT64, r2.dtype());
        assertArrayEquals(new double[]{1.5, 4.5}, r2.toDoubleArray());
        // bool array + Python int -> int64 (np.array([True, False]) + 5 == array([6, 5]))
        NDArray b = Engine.fromLongs(new long[]{1, 0}, a(2), "bool");
        NDArray r3 = ADD.call2Long(b, 5, false, null);
        assertEquals(DType.INT64, r3.dtype());
        assertArrayEquals(new long[]{6, 5}, r3.toLongArray());
        // Python int beyond 2**53 with a float64 array converts to the nearest double
        long big = (1L << 53) + 1;
        assertArrayEquals(new double[]{(double) big}, ADD.call2Long(f64(0), big, false, null).toDoubleArray());
        // Python ints anywhere in int64's range stay exact with int64 arrays
        assertArrayEquals(new long[]{Long.MIN_VALUE + 1}, ADD.call2Long(i64(1), Long.MIN_VALUE, true, null).toLongArray());
    }

    @Test
    void scalarsOnStridedArrays() {
        NDArray x = Engine.arangeLong(0, 1, 10, "float64");
        NDArray rev = slice1d(x, 9, -1, -3); // 9, 6, 3, 0
        assertArrayEquals(new double[]{1, 4, 7, 10}, SUB.call2Double(rev, 10, true, null).toDoubleArray());
        assertArrayEquals(new double[]{18, 12, 6, 0}, MUL.call2Long(rev, 2, false, null).toDoubleArray());
    }

    @Test
    void scalarScratchIsPerThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final double s = t;
                fs.add(pool.submit(() -> {
                    NDArray x = Engine.arangeLong(0, 1, 257, "float64");
                    for (int rep = 0; rep < 200; rep++) {
                        double[] r = SUB.call2Double(x, s, true, null).toDoubleArray();
                        for (int i = 0; i < r.length; i++) if (r[i] != s - i) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- unary ----

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 9, 17, 1001})
    void expMatchesMathExpWithinOneUlp(int n) {
        double[] x = TestSupport.randomDoubles(n, 13 + n);
        for (int i = 0; i < n; i++) x[i] /= 8;
        double[] got = EXP.call1(f64(x), null).toDoubleArray();
        for (int i = 0; i < n; i++) {
            double want = Math.exp(x[i]);
            assertTrue(Math.abs(got[i] - want) <= Math.ulp(want), "exp(" + x[i] + ") = " + got[i] + ", want " + want);
        }
    }

    @Test
    void expOfInt64IsFloat64AndWorksOnViews() {
        NDArray r = EXP.call1(i64(0, 1, 2), null);
        assertEquals(DType.FLOAT64, r.dtype());
        assertEquals(1.0, r.toDoubleArray()[0]);
        assertEquals(Math.E, r.toDoubleArray()[1], Math.ulp(Math.E));
        assertEquals(Math.exp(2), r.toDoubleArray()[2], Math.ulp(Math.exp(2)));
        NDArray x = Engine.arangeLong(0, 1, 10, "float64");
        double[] g = EXP.call1(slice1d(x, 9, 0, -4), null).toDoubleArray(); // 9, 5, 1
        assertEquals(Math.exp(9), g[0], Math.ulp(Math.exp(9)));
        assertEquals(Math.exp(5), g[1], Math.ulp(Math.exp(5)));
        assertEquals(Math.E, g[2], Math.ulp(Math.E));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 17, 1001})
    void negativeKeepsTheDType(int n) {
        double[] x = TestSupport.randomDoubles(n, 21 + n);
        NDArray r = NEG.call1(f64(x), null);
        assertEquals(DType.FLOAT64, r.dtype());
        double[] want = new double[n];
        for (int i = 0; i < n; i++) want[i] = -x[i];
        assertBitsEqual(want, r.toDoubleArray());
        long[] y = TestSupport.randomLongs(n, 22 + n);
        NDArray ri = NEG.call1(i64(y), null);
        assertEquals(DType.INT64, ri.dtype());
        long[] wi = new long[n];
        for (int i = 0; i < n; i++) wi[i] = -y[i];
        assertArrayEquals(wi, ri.toLongArray());
    }

    // ---- out= ----

    @Test
    void outOfTheRightShapeAndDTypeIsWrittenAndReturned() {
        NDArray out = Engine.zeros(a(3), "float64");
        NDArray r = ADD.call2(f64(1, 2, 3), f64(10, 20, 30), out);
        assertSame(out, r);
        assertArrayEquals(new double[]{11, 22, 33}, out.toDoubleArray());
        NDArray r2 = EXP.call1(f64(0, 0, 0), out);
        assertSame(out, r2);
        assertArrayEquals(new double[]{1, 1, 1}, out.toDoubleArray());
        NDArray r3 = SUB.call2Double(f64(1, 2, 3), 1, true, out);
        assertSame(out, r3);
        assertArrayEquals(new double[]{0, -1, -2}, out.toDoubleArray());
    }

    @Test
    void outMayBeAnInputOfTheSameLayout() {
        NDArray x = f64(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        ADD.call2(x, x, x);
        assertArrayEquals(new double[]{2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22}, x.toDoubleArray());
        MUL.call2Double(x, 0.5, false, x);
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, x.toDoubleArray());
        NEG.call1(x, x);
        assertEquals(-11.0, x.toDoubleArray()[10]);
    }

    @Test
    void outOfAnotherDTypeGetsTheResultCast() {
        // int64 result into a float64 out: same_kind allows it
        NDArray out = Engine.zeros(a(2), "float64");
        assertSame(out, ADD.call2(i64(1, 2), i64(3, 4), out));
        assertArrayEquals(new double[]{4, 6}, out.toDoubleArray());
        // float64 result into float32 out: same_kind allows downcasts within a kind
        NDArray f32 = Engine.zeros(a(2), "float32");
        DIV.call2(f64(1, 2), f64(3, 3), f32);
        assertArrayEquals(new double[]{(double) (float) (1.0 / 3), (double) (float) (2.0 / 3)}, f32.toDoubleArray());
        // int64 result into int8 out wraps (same_kind within ints)
        NDArray i8 = Engine.zeros(a(1), "int8");
        ADD.call2(i64(100), i64(100), i8);
        assertArrayEquals(new long[]{-56}, i8.toLongArray());
    }

    @Test
    void outIntoAStridedView() {
        NDArray backing = Engine.zeros(a(6), "float64");
        NDArray out = slice1d(backing, 0, 6, 2);
        ADD.call2(f64(1, 2, 3), f64(10, 20, 30), out);
        assertArrayEquals(new double[]{11, 0, 22, 0, 33, 0}, backing.toDoubleArray());
        NDArray outRev = slice1d(backing, 5, 0, -2); // elements 5, 3, 1
        MUL.call2Long(f64(1, 2, 3), 7, false, outRev);
        assertArrayEquals(new double[]{11, 21, 22, 14, 33, 7}, backing.toDoubleArray());
    }

    @Test
    void outOfTheWrongShapeIsValueErrorAndUntouched() {
        NDArray out = f64(-1, -1, -1);
        assertPyError("ValueError", "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)",
                () -> ADD.call2(Engine.zeros(a(2, 3), "float64"), f64(1, 2, 3), out));
        assertPyError("ValueError", null, () -> NEG.call1(f64(1, 2, 3, 4), out)); // shapes that do not broadcast at all
        assertPyError("ValueError", "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)",
                () -> MUL.call2Double(Engine.zeros(a(2, 3), "float64"), 2, true, out));
        assertArrayEquals(new double[]{-1, -1, -1}, out.toDoubleArray());
    }

    @Test
    void outWhoseDTypeCannotHoldTheResultIsTypeErrorAndUntouched() {
        NDArray out = i64(7, 7);
        assertPyError("TypeError", "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
                () -> ADD.call2(f64(1, 2), f64(3, 4), out));
        assertPyError("TypeError", "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
                () -> DIV.call2(i64(1, 2), i64(3, 4), out));
        assertPyError("TypeError", "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
                () -> ADD.call2Double(i64(1, 2), 0.5, false, out));
        assertPyError("TypeError", "Cannot cast ufunc 'exp' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
                () -> EXP.call1(i64(1, 2), out));
        assertArrayEquals(new long[]{7, 7}, out.toLongArray());
        NDArray bool = Engine.zeros(a(2), "bool");
        assertPyError("TypeError", null, () -> ADD.call2(i64(1, 2), i64(3, 4), bool));
    }

    @Test
    void readOnlyOutIsValueError() {
        NDArray w = f64(5, 5);
        NDArray ro = new NDArray(w.storage(), w.dtype(), w.layout(), false, null);
        assertPyError("ValueError", "assignment destination is read-only", () -> ADD.call2(f64(1, 2), f64(1, 2), ro));
        assertPyError("ValueError", "assignment destination is read-only", () -> NEG.call1(f64(1, 2), ro));
        assertArrayEquals(new double[]{5, 5}, ro.toDoubleArray());
    }
}
