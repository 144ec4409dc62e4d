package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gilfree.TestSupport;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * The 1-D loops called directly: every operation, SIMD and scalar paths, lengths around the vector
 * width (tails), and no write past the run's last element.
 */
class BinaryLoopsTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1001};
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final double SENTINEL = -12345.678;
    private static final long LSENTINEL = 0x5EED5EED5EEDL;

    /** Operand layouts as (stride of a, stride of b, stride of out) in elements. */
    private static final long[][] MODES = {
        {1, 1, 1},   // all contiguous: SIMD
        {1, 0, 1},   // b is a broadcast scalar: SIMD with a broadcast vector
        {0, 1, 1},   // a is a broadcast scalar: scalar loop
        {2, 1, 1},   // strided a
        {1, 3, 2},   // strided b and out
        {-1, 1, 1},  // reversed a
        {1, -2, -1}, // reversed b and out
    };

    private static double fop(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            default -> throw new AssertionError();
        };
    }

    private static long lop(BinaryOp op, long x, long y) {
        return switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            default -> throw new AssertionError();
        };
    }

    /** Byte offset where a run of n elements with the given element stride starts, inside a segment with 1 element of margin. */
    private static long start(long stride, int n) {
        return 8 + (stride < 0 ? (long) (n - 1) * -stride * 8 : 0);
    }

    private static long segBytes(long stride, int n) {
        return 16 + Math.max(1, Math.abs(stride)) * 8L * Math.max(n, 1);
    }

    @Test
    void float64LoopsMatchScalarJava() {
        try (Arena arena = Arena.ofConfined()) {
            for (BinaryOp op : new BinaryOp[]{BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY, BinaryOp.DIVIDE}) {
                for (long[] m : MODES) {
                    for (int n : LENGTHS) {
                        MemorySegment a = arena.allocate(segBytes(m[0], n)), b = arena.allocate(segBytes(m[1], n)),
                                o = arena.allocate(segBytes(m[2], n));
                        double[] av = TestSupport.randomDoubles(Math.max(n, 1), n * 31L + 1);
                        double[] bv = TestSupport.randomDoubles(Math.max(n, 1), n * 17L + 2);
                        for (long i = 0; i < o.byteSize() / 8; i++) o.setAtIndex(ValueLayout.JAVA_DOUBLE, i, SENTINEL);
                        long ao = start(m[0], n), bo = start(m[1], n), oo = start(m[2], n);
                        for (int i = 0; i < n; i++) {
                            a.set(D, ao + i * m[0] * 8, av[i]);
                            if (m[1] != 0 || i == 0) b.set(D, bo + i * m[1] * 8, bv[i]);
                        }
                        if (m[0] == 0 && n > 0) a.set(D, ao, av[0]);
                        BinaryLoops.float64(op, a, ao, m[0] * 8, b, bo, m[1] * 8, o, oo, m[2] * 8, n);
                        String ctx = op + " modes " + java.util.Arrays.toString(m) + " n=" + n;
                        for (int i = 0; i < n; i++) {
                            double x = a.get(D, ao + i * m[0] * 8), y = b.get(D, bo + i * m[1] * 8);
                            double want = fop(op, x, y);
                            double got = o.get(D, oo + i * m[2] * 8);
                            if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) {
                                fail(ctx + " element " + i + ": " + x + " op " + y + " = " + want + " but got " + got);
                            }
                        }
                        // everything the run does not cover keeps its sentinel
                        long written = 0;
                        for (long i = 0; i < o.byteSize() / 8; i++) {
                            if (o.getAtIndex(ValueLayout.JAVA_DOUBLE, i) != SENTINEL) written++;
                        }
                        assertEquals(n, written, ctx + ": elements written");
                    }
                }
            }
        }
    }

    @Test
    void int64LoopsMatchScalarJavaAndWrapOnOverflow() {
        BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY};
        try (Arena arena = Arena.ofConfined()) {
            for (BinaryOp op : ops) {
                for (long[] m : MODES) {
                    for (int n : LENGTHS) {
                        MemorySegment a = arena.allocate(segBytes(m[0], n)), b = arena.allocate(segBytes(m[1], n)),
                                o = arena.allocate(segBytes(m[2], n));
                        long[] av = TestSupport.randomLongs(Math.max(n, 1), n * 13L + 5);
                        long[] bv = TestSupport.randomLongs(Math.max(n, 1), n * 7L + 3);
                        for (long i = 0; i < o.byteSize() / 8; i++) o.setAtIndex(ValueLayout.JAVA_LONG, i, LSENTINEL);
                        long ao = start(m[0], n), bo = start(m[1], n), oo = start(m[2], n);
                        for (int i = 0; i < n; i++) {
                            if (m[0] != 0 || i == 0) a.set(L, ao + i * m[0] * 8, av[i]);
                            if (m[1] != 0 || i == 0) b.set(L, bo + i * m[1] * 8, bv[i]);
                        }
                        BinaryLoops.int64(op, a, ao, m[0] * 8, b, bo, m[1] * 8, o, oo, m[2] * 8, n);
                        String ctx = op + " modes " + java.util.Arrays.toString(m) + " n=" + n;
                        for (int i = 0; i < n; i++) {
                            long x = a.get(L, ao + i * m[0] * 8), y = b.get(L, bo + i * m[1] * 8);
                            assertEquals(lop(op, x, y), o.get(L, oo + i * m[2] * 8), ctx + " element " + i);
                        }
                        long written = 0;
                        for (long i = 0; i < o.byteSize() / 8; i++) {
                            if (o.getAtIndex(ValueLayout.JAVA_LONG, i) != LSENTINEL) written++;
                        }
                        assertEquals(n, written, ctx + ": elements written");
                    }
                }
            }
        }
    }

    @Test
    void float64SpecialValuesFollowIeee() {
        double[] x = {1, -1, 0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, 1e308, 5e-324, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {0, 0, 0, 0, Double.NEGATIVE_INFINITY, 1, 10, 0.5, -0.0, -0.0, 1, 1, 1, 1, 1, 1, 1};
        int n = x.length;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(8L * n), b = arena.allocate(8L * n), o = arena.allocate(8L * n);
            MemorySegment.copy(x, 0, a, D, 0, n);
            MemorySegment.copy(y, 0, b, D, 0, n);
            for (BinaryOp op : new BinaryOp[]{BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY, BinaryOp.DIVIDE}) {
                BinaryLoops.float64(op, a, 0, 8, b, 0, 8, o, 0, 8, n);
                for (int i = 0; i < n; i++) {
                    double want = fop(op, x[i], y[i]), got = o.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), op + " " + x[i] + ", " + y[i]);
                }
            }
        }
    }

    @Test
    void powerFollowsCNotJavaForOneAndMinusOne() {
        // C (and NumPy): pow(1, y) == 1 for every y, NaN included; pow(-1, +-inf) == 1. Math.pow gives NaN.
        double inf = Double.POSITIVE_INFINITY;
        double[][] cases = {{1, Double.NaN, 1}, {1, inf, 1}, {1, -inf, 1}, {-1, inf, 1}, {-1, -inf, 1},
            {-1, Double.NaN, Double.NaN}, {2, 0.5, Math.sqrt(2)}, {0, -1, inf}};
        for (double[] c : cases) {
            assertEquals(c[2], BinaryOp.POWER.applyD(c[0], c[1], false), 0.0, "pow(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void int64WrapsAtTheLimitsInBothPaths() {
        // 16 elements so both the SIMD loop and (for 17) the tail see the limits
        for (int n : new int[]{16, 17}) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment a = arena.allocate(8L * n), b = arena.allocate(8L * n), o = arena.allocate(8L * n);
                for (int i = 0; i < n; i++) {
                    a.setAtIndex(ValueLayout.JAVA_LONG, i, Long.MAX_VALUE);
                    b.setAtIndex(ValueLayout.JAVA_LONG, i, 1);
                }
                BinaryLoops.int64(BinaryOp.ADD, a, 0, 8, b, 0, 8, o, 0, 8, n);
                for (int i = 0; i < n; i++) assertEquals(Long.MIN_VALUE, o.getAtIndex(ValueLayout.JAVA_LONG, i));
                BinaryLoops.int64(BinaryOp.MULTIPLY, a, 0, 8, a, 0, 0, o, 0, 8, n);
                for (int i = 0; i < n; i++) assertEquals(1L, o.getAtIndex(ValueLayout.JAVA_LONG, i)); // MAX*MAX wraps to 1
                BinaryLoops.int64(BinaryOp.SUBTRACT, b, 0, 0, a, 0, 8, o, 0, 8, n);
                for (int i = 0; i < n; i++) assertEquals(1 - Long.MAX_VALUE, o.getAtIndex(ValueLayout.JAVA_LONG, i));
            }
        }
    }

    @Test
    void float64ComparisonsIntoBoolMatchJavaOperatorsIncludingNanAndTails() {
        double[] pool = {1.0, -0.0, 0.0, Double.NaN, 2.5, Double.POSITIVE_INFINITY, -3.0, 2.5};
        BinaryOp[] ops = {BinaryOp.EQUAL, BinaryOp.NOT_EQUAL, BinaryOp.LESS, BinaryOp.LESS_EQUAL, BinaryOp.GREATER, BinaryOp.GREATER_EQUAL};
        for (int n : LENGTHS) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment a = arena.allocate(8L * n + 8), b = arena.allocate(8L * n + 8), o = arena.allocate(n + 8);
                for (int i = 0; i < n; i++) {
                    a.set(D, 8L * i, pool[i % pool.length]);
                    b.set(D, 8L * i, pool[(i * 3 + 1) % pool.length]);
                }
                for (BinaryOp op : ops) {
                    for (long bs : new long[]{8, 0}) { // elementwise, and a broadcast scalar second operand
                        o.fill((byte) 7);
                        BinaryLoops.run(op, dev.gilfree.core.DType.FLOAT64, a, 0, 8, b, 0, bs, o, 0, 1, n);
                        for (int i = 0; i < n; i++) {
                            double x = a.get(D, 8L * i), y = b.get(D, bs == 0 ? 0 : 8L * i);
                            boolean want = switch (op) {
                                case EQUAL -> x == y;
                                case NOT_EQUAL -> x != y;
                                case LESS -> x < y;
                                case LESS_EQUAL -> x <= y;
                                case GREATER -> x > y;
                                default -> x >= y;
                            };
                            assertEquals(want ? 1 : 0, o.get(ValueLayout.JAVA_BYTE, i), op + " n=" + n + " bs=" + bs + " at " + i);
                        }
                        assertEquals(7, o.get(ValueLayout.JAVA_BYTE, n), op + " wrote past the end, n=" + n);
                    }
                }
            }
        }
    }
}
