package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.TestSupport;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class UnaryLoopsTest {
    private static final int[] LENGTHS = {0, 1, 3, 7, 8, 9, 15, 16, 17, 33, 1001};
    private static final long[][] MODES = {{1, 1}, {2, 1}, {1, 2}, {-1, 1}, {1, -1}, {0, 1}};
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    private static long start(long stride, int n) { return 8 + (stride < 0 ? (long) (n - 1) * -stride * 8 : 0); }

    private static long segBytes(long stride, int n) { return 16 + Math.max(1, Math.abs(stride)) * 8L * Math.max(n, 1); }

    /** |got - want| in units of want's ulp; infinities and NaN must match exactly. */
    private static void assertWithinUlps(double want, double got, double ulps, String ctx) {
        if (Double.isNaN(want) || Double.isInfinite(want) || want == 0) {
            assertEquals(want, got, ctx);
            return;
        }
        double err = Math.abs(got - want) / Math.ulp(want);
        assertTrue(err <= ulps, ctx + ": want " + want + " got " + got + " (" + err + " ulps)");
    }

    @Test
    void float64ExpAndNegativeMatchScalarJava() {
        try (Arena arena = Arena.ofConfined()) {
            for (UnaryOp op : new UnaryOp[]{UnaryOp.EXP, UnaryOp.NEGATIVE}) {
                for (long[] m : MODES) {
                    for (int n : LENGTHS) {
                        MemorySegment a = arena.allocate(segBytes(m[0], n)), o = arena.allocate(segBytes(m[1], n));
                        double[] v = TestSupport.randomDoubles(Math.max(n, 1), n + 11L);
                        for (long i = 0; i < o.byteSize() / 8; i++) o.setAtIndex(ValueLayout.JAVA_DOUBLE, i, Double.NaN);
                        long ao = start(m[0], n), oo = start(m[1], n);
                        for (int i = 0; i < n; i++) a.set(D, ao + i * m[0] * 8, v[i] / 10); // exp stays finite
                        UnaryLoops.float64(op, a, ao, m[0] * 8, o, oo, m[1] * 8, n);
                        String ctx = op + " modes " + java.util.Arrays.toString(m) + " n=" + n;
                        for (int i = 0; i < n; i++) {
                            double x = a.get(D, ao + i * m[0] * 8), got = o.get(D, oo + i * m[1] * 8);
                            if (op == UnaryOp.NEGATIVE) assertEquals(Double.doubleToLongBits(-x), Double.doubleToLongBits(got), ctx);
                            else assertWithinUlps(Math.exp(x), got, 1, ctx + " element " + i);
                        }
                        long written = 0;
                        for (long i = 0; i < o.byteSize() / 8; i++) {
                            if (!Double.isNaN(o.getAtIndex(ValueLayout.JAVA_DOUBLE, i))) written++;
                        }
                        assertEquals(n, written, ctx + ": elements written");
                    }
                }
            }
        }
    }

    @Test
    void expSpecialValuesInTheSimdPath() {
        double[] x = {0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 710, -746, 1,
                      709.78, -745.1, 1e-300, -1e-300, 0.5, -1, 2, 700};
        double[] want = {1, 1, Double.POSITIVE_INFINITY, 0, Double.NaN, Double.POSITIVE_INFINITY, 0, Math.E,
                         Math.exp(709.78), Double.MIN_VALUE, 1, 1, Math.exp(0.5), 1 / Math.E, Math.exp(2), Math.exp(700)};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(8L * x.length), o = arena.allocate(8L * x.length);
            MemorySegment.copy(x, 0, a, D, 0, x.length);
            UnaryLoops.float64(UnaryOp.EXP, a, 0, 8, o, 0, 8, x.length);
            for (int i = 0; i < x.length; i++) {
                assertWithinUlps(want[i], o.getAtIndex(ValueLayout.JAVA_DOUBLE, i), 1, "exp(" + x[i] + ")");
            }
        }
    }

    @Test
    void negativeFlipsTheSignOfZeroAndKeepsNaN() {
        double[] x = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1, -2, 3, 4, 5};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(8L * x.length), o = arena.allocate(8L * x.length);
            MemorySegment.copy(x, 0, a, D, 0, x.length);
            UnaryLoops.float64(UnaryOp.NEGATIVE, a, 0, 8, o, 0, 8, x.length);
            double[] got = o.toArray(ValueLayout.JAVA_DOUBLE);
            assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(got[0]));
            assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(got[1]));
            assertTrue(Double.isNaN(got[2]));
            assertEquals(Double.NEGATIVE_INFINITY, got[3]);
            assertEquals(-5.0, got[8]);
        }
    }

    @Test
    void int64NegativeWrapsAtMinValue() {
        try (Arena arena = Arena.ofConfined()) {
            for (long[] m : MODES) {
                for (int n : LENGTHS) {
                    MemorySegment a = arena.allocate(segBytes(m[0], n)), o = arena.allocate(segBytes(m[1], n));
                    long[] v = TestSupport.randomLongs(Math.max(n, 1), n + 3L);
                    if (n > 2) v[2] = Long.MIN_VALUE;
                    long ao = start(m[0], n), oo = start(m[1], n);
                    for (int i = 0; i < n; i++) a.set(L, ao + i * m[0] * 8, v[i]);
                    UnaryLoops.int64(UnaryOp.NEGATIVE, a, ao, m[0] * 8, o, oo, m[1] * 8, n);
                    for (int i = 0; i < n; i++) {
                        long x = a.get(L, ao + i * m[0] * 8);
                        assertEquals(-x, o.get(L, oo + i * m[1] * 8), "n=" + n + " i=" + i);
                    }
                    if (n > 2 && m[0] == 1 && m[1] == 1) assertEquals(Long.MIN_VALUE, o.get(L, oo + 16));
                }
            }
        }
    }
}
