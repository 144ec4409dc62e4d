package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Views;
import dev.gilfree.api.LinAlg;
import dev.gilfree.api.Reduce;
import dev.gilfree.api.Sort;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/** Axis reductions, accumulate, arg-extremes, sorting and dense linear algebra kernels. */
class ReductionsAxisTest {
    private static NDArray grid() { // [[0,1,2],[3,4,5]] as float64
        return Views.reshape(Engine.arange(0, 1, 6, "float64"), new long[]{2, 3});
    }

    @Test
    void reduceOverEachAxisAndAll() {
        NDArray a = grid();
        assertArrayEquals(new double[]{3, 5, 7}, Reduce.reduce("add", a, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray());
        assertArrayEquals(new double[]{3, 12}, Reduce.reduce("add", a, new int[]{1}, false, null, null, "none", 0, 0).toDoubleArray());
        NDArray all = Reduce.reduce("maximum", a, new int[]{0, 1}, true, null, null, "none", 0, 0);
        assertArrayEquals(new long[]{1, 1}, all.shape());
        assertArrayEquals(new double[]{5}, all.toDoubleArray());
        // transposed (non-contiguous) input
        NDArray t = Reduce.transpose(a, new int[]{1, 0});
        assertArrayEquals(new double[]{3, 12}, Reduce.reduce("add", t, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray());
    }

    @Test
    void whereInitialAndEmpty() {
        NDArray a = grid();
        NDArray mask = Engine.fromLongs(new long[]{1, 0, 1}, new long[]{3}, "bool");
        assertArrayEquals(new double[]{2, 8}, Reduce.reduce("add", a, new int[]{1}, false, null, mask, "none", 0, 0).toDoubleArray());
        assertArrayEquals(new double[]{10, 10, 10}, Reduce.reduce("maximum", a, new int[]{0}, false, null, null, "float", 10, 0).toDoubleArray());
        NDArray empty = NDArray.zeros(DType.FLOAT64, new long[]{0});
        assertArrayEquals(new double[]{1}, Reduce.reduce("multiply", empty, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray());
        GilfreeException e = assertThrows(GilfreeException.class, () -> Reduce.reduce("minimum", empty, new int[]{0}, false, null, null, "none", 0, 0));
        assertEquals("zero-size array to reduction operation minimum which has no identity", e.getMessage());
    }

    @Test
    void integerSumsUpcastWhenAsked() {
        NDArray a = Engine.fromLongs(new long[]{100, 100, 100}, new long[]{3}, "int8");
        assertArrayEquals(new long[]{300}, Reduce.reduce("add", a, new int[]{0}, false, "int64", null, "none", 0, 0).toLongArray());
        assertArrayEquals(new long[]{44}, Reduce.reduce("add", a, new int[]{0}, false, null, null, "none", 0, 0).toLongArray());
    }

    @Test
    void pairwiseSumStaysAccurateBeyondOneChunk() {
        int n = 100_000;
        NDArray a = Engine.full(new long[]{n}, 0.1, "float64");
        double s = Reduce.reduce("add", a, new int[]{0}, false, null, null, "none", 0, 0).toDoubleArray()[0];
        assertEquals(10000.0, s, 1e-9);
    }

    @Test
    void accumulateAndArgExtremes() {
        NDArray a = grid();
        assertArrayEquals(new double[]{0, 1, 3, 3, 7, 12}, Reduce.accumulate("add", a, 1, null).toDoubleArray());
        NDArray v = Engine.fromDoubles(new double[]{1, 5, 5, Double.NaN, 2}, new long[]{5}, "float64");
        assertArrayEquals(new long[]{3}, Reduce.argExtreme(v, 0, true, false).toLongArray()); // NaN wins, as NumPy
        NDArray w = Engine.fromDoubles(new double[]{1, 5, 5, 0, 2}, new long[]{5}, "float64");
        assertArrayEquals(new long[]{1}, Reduce.argExtreme(w, 0, true, false).toLongArray()); // first maximum
    }

    @Test
    void stableSortNaNLastAndUnique() {
        NDArray a = Engine.fromDoubles(new double[]{3, Double.NaN, -0.0, 0.0, 1}, new long[]{5}, "float64");
        assertArrayEquals(new long[]{2, 3, 4, 0, 1}, Sort.argsort(a, 0, false).toLongArray());
        NDArray u = Engine.fromLongs(new long[]{-1L, 5, -1L}, new long[]{3}, "uint64");
        assertArrayEquals(new long[]{5, -1L, -1L}, Sort.sort(u, 0, false).toLongArray()); // unsigned order
        NDArray[] all = Sort.uniqueAll(Engine.fromLongs(new long[]{3, 1, 3}, new long[]{3}, "int64"), true);
        assertArrayEquals(new long[]{1, 3}, all[0].toLongArray());
        assertArrayEquals(new long[]{1, 0}, all[1].toLongArray());
        assertArrayEquals(new long[]{1, 0, 1}, all[2].toLongArray());
        assertArrayEquals(new long[]{1, 2}, all[3].toLongArray());
        NDArray sorted = Engine.fromLongs(new long[]{1, 2, 2, 4}, new long[]{4}, "int64");
        NDArray probes = Engine.fromLongs(new long[]{2, 5, 0}, new long[]{3}, "int64");
        assertArrayEquals(new long[]{1, 4, 0}, Sort.searchsorted(sorted, probes, false).toLongArray());
        assertArrayEquals(new long[]{3, 4, 0}, Sort.searchsorted(sorted, probes, true).toLongArray());
    }

    @Test
    void denseLinearAlgebra() {
        double[] m = {4, 2, 2, 3};
        assertEquals(8.0, Dense.det(m, 2), 1e-12);
        double[] x = new double[2];
        Dense.solve(m, 2, new double[]{2, 1}, 1, x);
        assertArrayEquals(new double[]{0.5, 0}, x, 1e-12);
        double[] l = new double[4];
        Dense.cholesky(m, 2, l);
        assertArrayEquals(new double[]{2, 0, 1, Math.sqrt(2)}, l, 1e-12);
        double[] w = new double[2], v = new double[4];
        Dense.eighJacobi(m, 2, w, v);
        assertArrayEquals(new double[]{(7 - Math.sqrt(17)) / 2, (7 + Math.sqrt(17)) / 2}, w, 1e-12);
        double[] u = new double[6], s = new double[2], vt = new double[4];
        Dense.svd(new double[]{3, 0, 0, -4, 0, 0}, 3, 2, u, s, vt);
        assertArrayEquals(new double[]{4, 3}, s, 1e-12);
        NDArray a = Views.reshape(Engine.arange(0, 1, 6, "float64"), new long[]{2, 3});
        NDArray b = Views.reshape(Engine.arange(0, 1, 6, "float64"), new long[]{3, 2});
        assertArrayEquals(new double[]{10, 13, 28, 40}, LinAlg.matmul(a, b).toDoubleArray(), 0);
        GilfreeException e = assertThrows(GilfreeException.class, () -> LinAlg.inv(NDArray.zeros(DType.FLOAT64, new long[]{2, 2})));
        assertEquals("Singular matrix", e.getMessage());
        assertEquals(GilfreeException.PyType.LinAlgError, e.pyType());
    }
}
