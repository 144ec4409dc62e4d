package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.Settings;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked product against the plain triple loop: ragged edges, every block boundary, NaN/inf, threads. */
class GemmTest {
    // Each test's thread counts are its own session's: no other test sees them.
    private Settings.Scope session;

    @BeforeEach
    void bind() { session = Settings.builder().build().bind(); }

    @AfterEach
    void unbind() { session.close(); }

    private static double[] random(int size, long seed) {
        Random r = new Random(seed);
        double[] x = new double[size];
        for (int i = 0; i < size; i++) x[i] = r.nextDouble() * 2 - 1;
        return x;
    }

    /** The product through heap segments (the engine passes off-heap ones). */
    private static void gemm(double[] a, double[] b, double[] c, int n, int k, int m) {
        Gemm.multiply(MemorySegment.ofArray(a), 0, MemorySegment.ofArray(b), 0, MemorySegment.ofArray(c), 0, n, k, m);
    }

    private static double[] naive(double[] a, double[] b, int n, int k, int m) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * m + j];
                c[i * m + j] = s;
            }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"5,48,8", "7,50,9", "80,256,16", "81,257,17", "161,513,2049", "100,600,333", "48,48,48"})
    void matchesTheTripleLoopOnRaggedShapes(int n, int k, int m) {
        double[] a = random(n * k, n), b = random(k * m, m), c = new double[n * m];
        gemm(a, b, c, n, k, m);
        double[] want = naive(a, b, n, k, m);
        for (int i = 0; i < c.length; i++) {
            assertEquals(want[i], c[i], 1e-12 * k, "element " + i + " of " + n + "x" + k + "x" + m);
        }
    }

    @Test
    void readsAndWritesAtByteOffsetsInOffHeapSegments() {
        int n = 37, k = 41, m = 43;
        double[] a = random(n * k, 8), b = random(k * m, 9);
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(8L * (n * k + 3)), sb = arena.allocate(8L * (k * m + 5)), sc = arena.allocate(8L * (n * m + 7));
            MemorySegment.copy(a, 0, sa, java.lang.foreign.ValueLayout.JAVA_DOUBLE, 24, n * k);
            MemorySegment.copy(b, 0, sb, java.lang.foreign.ValueLayout.JAVA_DOUBLE, 40, k * m);
            Gemm.multiply(sa, 24, sb, 40, sc, 56, n, k, m);
            double[] want = naive(a, b, n, k, m);
            for (int i = 0; i < 7; i++) assertEquals(0.0, sc.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i), "before C");
            for (int i = 0; i < n * m; i++) {
                assertEquals(want[i], sc.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 7 + i), 1e-12 * k, "element " + i);
            }
        }
    }

    @Test
    void accumulatesIntoTheExistingResult() {
        int n = 50, k = 60, m = 70;
        double[] a = random(n * k, 1), b = random(k * m, 2), c = new double[n * m];
        java.util.Arrays.fill(c, 10);
        gemm(a, b, c, n, k, m);
        double[] want = naive(a, b, n, k, m);
        for (int i = 0; i < c.length; i++) assertEquals(want[i] + 10, c[i], 1e-9);
    }

    @Test
    void nanAndInfinityPropagateLikeBlas() {
        int n = 60, k = 60, m = 60;
        double[] a = new double[n * k], b = random(k * m, 3), c = new double[n * m];
        a[0] = Double.NaN;                 // row 0 of C becomes NaN
        b[5 * m + 7] = Double.POSITIVE_INFINITY; // 0 * inf = NaN in column 7 of every row
        gemm(a, b, c, n, k, m);
        for (int j = 0; j < m; j++) assertTrue(Double.isNaN(c[j]), "row 0 col " + j);
        for (int i = 1; i < n; i++) {
            assertTrue(Double.isNaN(c[i * m + 7]), "row " + i + " col 7");
            assertEquals(0.0, c[i * m + 8]);
        }
    }

    @Test
    void splittingAcrossThreadsGivesBitIdenticalResults() {
        int n = 300, k = 300, m = 300;
        double[] a = random(n * k, 4), b = random(k * m, 5);
        Settings.current().setNumThreads(1);
        double[] one = new double[n * m];
        gemm(a, b, one, n, k, m);
        Settings.current().setNumThreads(2);
        double[] two = new double[n * m];
        gemm(a, b, two, n, k, m);
        assertArrayEquals(one, two);
    }

    @Test
    void thinAndTinyProductsAreLeftToThePlainLoop() {
        assertFalse(Gemm.worthBlocking(1000, 1000, 1));  // matrix-vector: panels would be mostly padding
        assertFalse(Gemm.worthBlocking(3, 1000, 1000));
        assertFalse(Gemm.worthBlocking(8, 8, 8));
    }
}
