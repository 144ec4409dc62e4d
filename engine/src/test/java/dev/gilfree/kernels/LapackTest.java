package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilfree.api.Engine;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LAPACK through OpenBLAS: results by their defining identities and known values, NumPy's errors. */
class LapackTest {
    private Settings.Scope session;

    @BeforeEach
    void bind() { session = Settings.builder().build().bind(); }

    @AfterEach
    void unbind() { session.close(); }

    private static NDArray f64(long[] shape, double... v) { return Engine.fromDoubles(v, shape, "float64"); }

    @Test
    void detSlogdetInvSolveOfAKnownMatrix() {
        NDArray a = f64(new long[] {2, 2}, 4, 7, 2, 6); // det 10
        assertEquals(10, Lapack.det(a).toDoubleArray()[0], 1e-12);
        NDArray[] sl = Lapack.slogdet(f64(new long[] {2, 2}, 0, 1, 1, 0)); // det -1
        assertArrayEquals(new double[] {-1}, sl[0].toDoubleArray());
        assertArrayEquals(new double[] {0}, sl[1].toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.6, -0.7, -0.2, 0.4}, Lapack.inv(a).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {-0.1, 0.2}, Lapack.solve(a, f64(new long[] {2, 1}, 1, 1), DType.FLOAT64).toDoubleArray(), 1e-12);
    }

    @Test
    void complexDetAndCholeskyOfAHermitianMatrix() {
        // [[2, i], [-i, 2]] is Hermitian positive definite, det 3; L = [[sqrt2, 0], [-i/sqrt2, sqrt(3/2)]].
        NDArray h = Engine.fromComplex(new double[] {2, 0, 0, 1, 0, -1, 2, 0}, new long[] {2, 2}, "complex128");
        assertArrayEquals(new double[] {3, 0}, Lapack.det(h).toComplexArray(), 1e-12);
        double r2 = Math.sqrt(2);
        assertArrayEquals(new double[] {r2, 0, 0, 0, 0, -1 / r2, Math.sqrt(1.5), 0}, Lapack.cholesky(h, false).toComplexArray(), 1e-12);
        assertArrayEquals(new double[] {r2, 0, 0, 1 / r2, 0, 0, Math.sqrt(1.5), 0}, Lapack.cholesky(h, true).toComplexArray(), 1e-12);
        assertEquals(DType.COMPLEX64, Lapack.det(Copy.astype(h, DType.COMPLEX64)).dtype());
    }

    @Test
    void singularAndIndefiniteMatricesRaiseLinAlgErrorOrGiveZero() {
        NDArray s = f64(new long[] {2, 2}, 1, 2, 2, 4);
        assertEquals(0, Lapack.det(s).toDoubleArray()[0]);
        assertEquals(Double.NEGATIVE_INFINITY, Lapack.slogdet(s)[1].toDoubleArray()[0]);
        GilfreeException e = assertThrows(GilfreeException.class, () -> Lapack.inv(s));
        assertEquals("Singular matrix", e.getMessage());
        assertEquals(GilfreeException.PyType.LinAlgError, e.pyType());
        assertThrows(GilfreeException.class, () -> Lapack.solve(s, f64(new long[] {2, 1}, 1, 1), DType.FLOAT64));
        GilfreeException c = assertThrows(GilfreeException.class, () -> Lapack.cholesky(f64(new long[] {2, 2}, 1, 2, 2, 1), false));
        assertEquals("Matrix is not positive definite", c.getMessage());
    }

    @Test
    void stacksSplitOverThreadsMatchOneByOne() {
        Settings.current().setNumThreads(2);
        int nb = 40, n = 30;
        double[] v = new double[nb * n * n];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble() + ((i % (n * n)) % (n + 1) == 0 ? n : 0);
        NDArray stack = f64(new long[] {nb, n, n}, v);
        double[] dets = Lapack.det(stack).toDoubleArray();
        for (int i = 0; i < nb; i++) {
            double[] one = new double[n * n];
            System.arraycopy(v, i * n * n, one, 0, n * n);
            assertEquals(Lapack.det(f64(new long[] {n, n}, one)).toDoubleArray()[0], dets[i], Math.abs(dets[i]) * 1e-13);
        }
    }
}
