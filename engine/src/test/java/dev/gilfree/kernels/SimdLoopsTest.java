package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every SIMD loop against the scalar loop it stands in for, on the same bytes: full-range bit patterns (so
 * unsigned values above the signed maximum occur), lengths that leave a tail, a broadcast second operand,
 * and, for floats, special values inside vectors (redone by the scalar loop, whose flags must come back).
 */
class SimdLoopsTest {
    private static final int N = 203; // not a multiple of any vector length: the tail takes the scalar loop
    private static final BinaryOp[] ARITHMETIC = {BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY, BinaryOp.BITWISE_AND,
            BinaryOp.BITWISE_OR, BinaryOp.BITWISE_XOR, BinaryOp.MAXIMUM, BinaryOp.MINIMUM, BinaryOp.FMAX, BinaryOp.FMIN};
    private static final BinaryOp[] COMPARISONS = {BinaryOp.EQUAL, BinaryOp.NOT_EQUAL, BinaryOp.LESS, BinaryOp.LESS_EQUAL,
            BinaryOp.GREATER, BinaryOp.GREATER_EQUAL};
    private static final UnaryOp[] TRANSCENDENTAL = {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.SIN, UnaryOp.COS, UnaryOp.TAN,
            UnaryOp.TANH, UnaryOp.ARCSIN, UnaryOp.ARCCOS, UnaryOp.ARCTAN, UnaryOp.SINH, UnaryOp.COSH, UnaryOp.LOG10,
            UnaryOp.LOG1P, UnaryOp.EXPM1, UnaryOp.CBRT};

    private static MemorySegment randomBytes(long seed, int bytes) {
        MemorySegment s = Arena.ofAuto().allocate(bytes, 64);
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        MemorySegment.copy(b, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes);
        return s;
    }

    private static MemorySegment filled(DType t, double... values) {
        MemorySegment s = Arena.ofAuto().allocate((long) N * t.itemsize(), 64);
        for (int i = 0; i < N; i++) Elements.setDouble(t, s, (long) i * t.itemsize(), values[i % values.length]);
        return s;
    }

    private static byte[] bytes(MemorySegment s) { return s.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE); }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"INT8", "UINT8", "INT16", "UINT16", "INT32", "UINT32", "INT64", "UINT64"})
    void integerLoopsMatchTheScalarLoop(DType t) {
        int isz = t.itemsize();
        MemorySegment a = randomBytes(1, N * isz), b = randomBytes(2, N * isz);
        // Equal elements in some lanes, so EQUAL/LESS_EQUAL see true lanes too.
        for (int i = 0; i < N; i += 3) MemorySegment.copy(a, (long) i * isz, b, (long) i * isz, isz);
        for (long bs : new long[]{isz, 0}) {
            for (BinaryOp op : ARITHMETIC) {
                MemorySegment simd = Arena.ofAuto().allocate(N * isz), ref = Arena.ofAuto().allocate(N * isz);
                assertEquals(0, BinaryLoops.run(op, t, a, 0, isz, b, 0, bs, simd, 0, isz, N));
                assertTrue(IntegerSimd.binary(op, t, a, 0, b, 0, bs, simd, 0, N) > 0, op + " has a SIMD loop");
                BinaryLoops.scalar(op, t, a, 0, isz, b, 0, bs, ref, 0, isz, N);
                assertArrayEquals(bytes(ref), bytes(simd), op + " " + t + " bs=" + bs);
            }
            for (BinaryOp op : COMPARISONS) {
                MemorySegment simd = Arena.ofAuto().allocate(N), ref = Arena.ofAuto().allocate(N);
                BinaryLoops.run(op, t, a, 0, isz, b, 0, bs, simd, 0, 1, N);
                assertTrue(IntegerSimd.compare(op, t, a, 0, b, 0, bs, simd, 0, N) > 0, op + " has a SIMD loop");
                BinaryLoops.scalar(op, t, a, 0, isz, b, 0, bs, ref, 0, 1, N);
                assertArrayEquals(bytes(ref), bytes(simd), op + " " + t + " bs=" + bs);
            }
        }
        for (UnaryOp op : new UnaryOp[]{UnaryOp.NEGATIVE, UnaryOp.POSITIVE, UnaryOp.ABSOLUTE, UnaryOp.SQUARE, UnaryOp.INVERT}) {
            MemorySegment simd = Arena.ofAuto().allocate(N * isz), ref = Arena.ofAuto().allocate(N * isz);
            UnaryLoops.run(op, t, a, 0, isz, simd, 0, isz, N);
            assertTrue(IntegerSimd.unary(op, t, a, 0, simd, 0, N) > 0, op + " has a SIMD loop");
            UnaryLoops.scalar(op, t, a, 0, isz, ref, 0, isz, N);
            assertArrayEquals(bytes(ref), bytes(simd), op + " " + t);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void floatComparisonsMatchTheScalarLoopWithNaNs(DType t) {
        int isz = t.itemsize();
        MemorySegment a = filled(t, 1, Double.NaN, -0.0, 2.5, Double.NEGATIVE_INFINITY, 3, 0.0, 7, -1, 1e30, 4);
        MemorySegment b = filled(t, 1, 1, 0.0, Double.NaN, -5, Double.POSITIVE_INFINITY, -0.0, 7, 2);
        for (long bs : new long[]{isz, 0}) {
            for (BinaryOp op : COMPARISONS) {
                MemorySegment simd = Arena.ofAuto().allocate(N), ref = Arena.ofAuto().allocate(N);
                assertEquals(0, BinaryLoops.run(op, t, a, 0, isz, b, 0, bs, simd, 0, 1, N));
                BinaryLoops.scalar(op, t, a, 0, isz, b, 0, bs, ref, 0, 1, N);
                assertArrayEquals(bytes(ref), bytes(simd), op + " " + t + " bs=" + bs);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void transcendentalLoopsAgreeWithTheScalarLoopWithinUlps(DType t) {
        int isz = t.itemsize();
        Random r = new Random(3);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) v[i] = (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(5) - 2);
        v[5] = Double.NaN; v[17] = Double.POSITIVE_INFINITY; v[40] = -0.0; v[41] = 0.0; v[77] = -1; v[90] = 800; v[91] = -2;
        MemorySegment a = filled(t, v);
        for (UnaryOp op : TRANSCENDENTAL) {
            MemorySegment simd = Arena.ofAuto().allocate(N * isz), ref = Arena.ofAuto().allocate(N * isz);
            assertTrue((t == DType.FLOAT64 ? TranscendentalLoops.float64(op, a, 0, simd, 0, N)
                    : TranscendentalLoops.float32(op, a, 0, simd, 0, N)) > 0, op + " has a SIMD loop");
            int flags = UnaryLoops.run(op, t, a, 0, isz, simd, 0, isz, N);
            int refFlags = UnaryLoops.scalar(op, t, a, 0, isz, ref, 0, isz, N);
            assertEquals(refFlags, flags, op + " " + t + " flags");
            for (int i = 0; i < N; i++) {
                double x = Elements.getDouble(t, simd, (long) i * isz), y = Elements.getDouble(t, ref, (long) i * isz);
                double ulp = t == DType.FLOAT32 ? Math.ulp((float) y) : Math.ulp(y);
                boolean same = Double.compare(x, y) == 0 || (Double.isNaN(x) && Double.isNaN(y)) || Math.abs(x - y) <= 2 * ulp;
                assertTrue(same, op + " " + t + " at " + v[i] + ": SIMD " + x + ", scalar " + y);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"INT8", "UINT16", "INT32", "UINT64", "FLOAT32", "FLOAT64"})
    void stridedOperandsTakeBufferedBlocksWithTheScalarLoopsResults(DType t) {
        int isz = t.itemsize();
        long n = 2 * Buffered.BLOCK + 37; // three blocks, the last one short
        MemorySegment a = filled(t, 3, -1, 0, 7, Double.NaN, 2, 100, -0.0, 1e30, 5, 6), b = filled(t, 2, 9, -4, 0, 1, 3, 8);
        MemorySegment big = Arena.ofAuto().allocate(4 * n * isz, 64), bigB = Arena.ofAuto().allocate(4 * n * isz, 64);
        for (long i = 0; i < 4 * n; i++) {
            MemorySegment.copy(a, (i % N) * isz, big, i * isz, isz);
            MemorySegment.copy(b, (i % N) * isz, bigB, i * isz, isz);
        }
        // a: every third element backwards from the end; b: every other one; outputs strided too
        long ao = (3 * n - 3) * isz, as = -3L * isz, bs = 2L * isz;
        for (BinaryOp op : new BinaryOp[]{BinaryOp.ADD, BinaryOp.MULTIPLY, BinaryOp.LESS, BinaryOp.MAXIMUM, BinaryOp.FLOOR_DIVIDE}) {
            int osz = op.outType(t).itemsize();
            MemorySegment got = Arena.ofAuto().allocate(2 * n * osz), want = Arena.ofAuto().allocate(2 * n * osz);
            int flags = BinaryLoops.run(op, t, big, ao, as, bigB, 0, bs, got, 0, 2L * osz, n);
            int refFlags = BinaryLoops.scalar(op, t, big, ao, as, bigB, 0, bs, want, 0, 2L * osz, n);
            assertArrayEquals(bytes(want), bytes(got), op + " " + t);
            assertEquals(refFlags, flags, op + " " + t + " flags");
        }
        for (UnaryOp op : new UnaryOp[]{UnaryOp.NEGATIVE, UnaryOp.SQUARE, UnaryOp.ISNAN}) {
            int osz = op.outType(t).itemsize();
            MemorySegment got = Arena.ofAuto().allocate(3 * n * osz), want = Arena.ofAuto().allocate(3 * n * osz);
            int flags = UnaryLoops.run(op, t, big, ao, as, got, 0, 3L * osz, n);
            int refFlags = UnaryLoops.scalar(op, t, big, ao, as, want, 0, 3L * osz, n);
            assertArrayEquals(bytes(want), bytes(got), op + " " + t);
            assertEquals(refFlags, flags, op + " " + t + " flags");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void floatMaximumMinimumAndRoundingMatchTheScalarLoopBitForBit(DType t) {
        int isz = t.itemsize();
        // NaN on either side, and -0.0 against 0.0 both ways: NumPy's tie and NaN rules must survive the blend
        MemorySegment a = filled(t, 1, Double.NaN, -0.0, 0.0, 2.5, Double.NEGATIVE_INFINITY, 3, -7.5, 0.5, -2.5, 1e30, -1.5);
        MemorySegment b = filled(t, 1, 2, 0.0, -0.0, Double.NaN, 5, Double.POSITIVE_INFINITY, -7.5, 2, -3, 4.5);
        for (long bs : new long[]{isz, 0}) {
            for (BinaryOp op : new BinaryOp[]{BinaryOp.MAXIMUM, BinaryOp.MINIMUM, BinaryOp.FMAX, BinaryOp.FMIN}) {
                MemorySegment simd = Arena.ofAuto().allocate(N * isz), ref = Arena.ofAuto().allocate(N * isz);
                int flags = BinaryLoops.run(op, t, a, 0, isz, b, 0, bs, simd, 0, isz, N);
                int refFlags = BinaryLoops.scalar(op, t, a, 0, isz, b, 0, bs, ref, 0, isz, N);
                assertArrayEquals(bytes(ref), bytes(simd), op + " " + t + " bs=" + bs);
                assertEquals(refFlags, flags, op + " " + t + " flags");
            }
        }
        for (UnaryOp op : new UnaryOp[]{UnaryOp.FLOOR, UnaryOp.CEIL, UnaryOp.TRUNC, UnaryOp.RINT}) {
            MemorySegment fast = Arena.ofAuto().allocate(N * isz), ref = Arena.ofAuto().allocate(N * isz);
            assertEquals(N, t == DType.FLOAT64 ? RoundingLoops.float64(op, a, 0, fast, 0, N) : RoundingLoops.float32(op, a, 0, fast, 0, N));
            UnaryLoops.scalar(op, t, a, 0, isz, ref, 0, isz, N);
            assertArrayEquals(bytes(ref), bytes(fast), op + " " + t);
        }
    }

    @org.junit.jupiter.api.Test
    void complexAddSubtractAndMultiplyMatchTheScalarComplexLoopBitForBit() {
        int n = 101;
        MemorySegment a = Arena.ofAuto().allocate(n * 16L, 64), b = Arena.ofAuto().allocate(n * 16L, 64);
        Random r = new Random(9);
        for (int i = 0; i < 2 * n; i++) {
            a.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i, r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4));
            b.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i, r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4));
        }
        a.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 61, Double.POSITIVE_INFINITY); // element 30: the SIMD loop stops there
        b.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 90, Double.NaN);
        for (BinaryOp op : new BinaryOp[]{BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY}) {
            MemorySegment fast = Arena.ofAuto().allocate(n * 16L), ref = Arena.ofAuto().allocate(n * 16L);
            int flags = BinaryLoops.run(op, DType.COMPLEX128, a, 0, 16, b, 0, 16, fast, 0, 16, n);
            int refFlags = ComplexLoops.binary(op, DType.COMPLEX128, a, 0, 16, b, 0, 16, ref, 0, 16, n);
            assertArrayEquals(bytes(ref), bytes(fast), op.toString());
            assertEquals(refFlags, flags, op + " flags");
        }
        long done = ComplexSimd.multiply(a, 0, b, 0, Arena.ofAuto().allocate(n * 16L), 0, n);
        assertTrue(done <= 30 && done > 30 - 8, "the SIMD loop stops at the vector holding the infinite element: " + done);
    }
}
