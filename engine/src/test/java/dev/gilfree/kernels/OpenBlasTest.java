package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Reduce;
import dev.gilfree.core.DType;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenBLAS binding against the Java kernels: dtypes, trans flags, copies, stacks, splits, concurrent callers. */
class OpenBlasTest {
    private Settings.Scope session;

    @BeforeEach
    void bind() { session = Settings.builder().build().bind(); }

    @AfterEach
    void unbind() {
        OpenBlas.setEnabled(true);
        session.close();
    }

    private static NDArray random(String dtype, long seed, long... shape) {
        Random r = new Random(seed);
        int n = 1;
        for (long s : shape) n *= (int) s;
        boolean complex = dtype.startsWith("complex");
        double[] x = new double[complex ? 2 * n : n];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() * 2 - 1;
        return complex ? Engine.fromComplex(x, shape, dtype) : Engine.fromDoubles(x, shape, dtype);
    }

    private static double[] values(NDArray a) {
        return a.dtype().kind() == 'c' ? a.toComplexArray() : a.toDoubleArray();
    }

    private static NDArray javaKernel(NDArray a, NDArray b) {
        boolean was = OpenBlas.setEnabled(false);
        try {
            return Matmul.matmul(a, b);
        } finally {
            OpenBlas.setEnabled(was);
        }
    }

    private static void assertClose(NDArray want, NDArray got, double tol) {
        assertEquals(want.dtype(), got.dtype());
        assertEquals(List.of(box(want.shape())), List.of(box(got.shape())));
        double[] w = values(want), g = values(got);
        for (int i = 0; i < w.length; i++) assertEquals(w[i], g[i], tol * Math.max(1, Math.abs(w[i])), "element " + i);
    }

    private static Long[] box(long[] s) {
        Long[] b = new Long[s.length];
        for (int i = 0; i < s.length; i++) b[i] = s[i];
        return b;
    }

    private static NDArray swapLast(NDArray a) {
        int nd = a.ndim();
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = i;
        perm[nd - 1] = nd - 2;
        perm[nd - 2] = nd - 1;
        return Reduce.transpose(a, perm);
    }

    @Test
    void loadsOnThisPlatformAndSaysWhich() {
        assertTrue(OpenBlas.available(), OpenBlas.backend());
        assertTrue(OpenBlas.backend().startsWith("openblas (OpenBLAS 0.3.31"), OpenBlas.backend());
        OpenBlas.setEnabled(false);
        assertTrue(OpenBlas.backend().startsWith("java ("));
        assertTrue(!BlasMatmul.handles(DType.FLOAT64));
    }

    @ParameterizedTest
    @CsvSource({"float64,1e-12", "float32,1e-4", "complex128,1e-12", "complex64,1e-4"})
    void agreesWithTheJavaKernelForEveryLayout(String dtype, double tol) {
        NDArray a = random(dtype, 1, 37, 53), b = random(dtype, 2, 53, 41);
        NDArray at = swapLast(random(dtype, 3, 53, 37)), bt = swapLast(random(dtype, 4, 41, 53));
        assertClose(javaKernel(a, b), Matmul.matmul(a, b), tol);
        assertClose(javaKernel(at, bt), Matmul.matmul(at, bt), tol); // both trans flags
        long item = DType.of(dtype).itemsize();
        NDArray stepped = random(dtype, 5, 37, 106).view(new Layout(new long[] {37, 53}, new long[] {106 * item, 2 * item}, 0));
        assertClose(javaKernel(stepped, b), Matmul.matmul(stepped, b), tol); // copied first
        NDArray stack = random(dtype, 6, 5, 1, 9, 7), other = random(dtype, 7, 3, 7, 4);
        assertClose(javaKernel(stack, other), Matmul.matmul(stack, other), tol); // broadcast batch
    }

    @Test
    void largeProductsSplitOverThreadsGiveTheSameResult() {
        NDArray a = random("float64", 8, 300, 200), b = random("float64", 9, 200, 260), wide = random("float64", 10, 200, 700);
        NDArray pair = random("float64", 12, 2, 150, 140), pairB = random("float64", 13, 140, 160);
        Settings.current().setNumThreads(1);
        NDArray one = Matmul.matmul(a, b), oneWide = Matmul.matmul(a, wide), onePair = Matmul.matmul(pair, pairB);
        Settings.current().setNumThreads(4); // two matrices, four threads: each product is cut into blocks
        assertClose(one, Matmul.matmul(a, b), 1e-13);
        assertClose(oneWide, Matmul.matmul(a, wide), 1e-13);
        assertClose(onePair, Matmul.matmul(pair, pairB), 1e-13);
        NDArray stack = random("float32", 11, 64, 20, 20);
        assertClose(javaKernel(stack, stack), Matmul.matmul(stack, stack), 1e-4);
    }

    @Test
    void concurrentCallersGetTheirOwnResults() throws Exception {
        Settings.current().setNumThreads(2);
        List<NDArray[]> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            NDArray a = random("float64", 20 + i, 180, 150), b = random("float64", 40 + i, 150, 170);
            cases.add(new NDArray[] {a, b, javaKernel(a, b)});
        }
        Settings settings = Settings.current();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> done = new ArrayList<>();
            for (NDArray[] c : cases) {
                done.add(pool.submit(() -> {
                    try (Settings.Scope ignored = settings.bind()) {
                        for (int r = 0; r < 20; r++) assertClose(c[2], Matmul.matmul(c[0], c[1]), 1e-12);
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        }
    }
}
