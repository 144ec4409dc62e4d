package dev.gilfree.api;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import dev.gilfree.kernels.Copy;
import org.junit.jupiter.api.Test;

class IndexingViewsTest {
    private static long[] a(long... v) { return v; }

    private static NDArray arange(long n, long... shape) {
        return Views.reshape(Engine.arangeLong(0, 1, n, "int64"), shape);
    }

    private static NDArray idx(long k, long... values) {
        return Views.reshape(Engine.fromLongs(values, a(values.length), "int64"), a(k, values.length / k));
    }

    @Test
    void basicIndexIsAViewOfTheSameStorage() {
        NDArray x = arange(12, 3, 4);
        NDArray v = Indexing.basic(x, a(1, IndexingViewsTestSupport.N, IndexingViewsTestSupport.N, -1, 0, 1, 0, 0));
        assertArrayEquals(a(9, 5, 1), v.toLongArray());
        assertTrue(Views.sameStorage(x, v));
    }

    @Test
    void gatherTakesRowsAndElements() {
        NDArray x = arange(12, 3, 4);
        assertArrayEquals(a(8, 9, 10, 11, 0, 1, 2, 3), Indexing.gather(x, idx(1, 2, -3), 1, a(0)).toLongArray());
        assertArrayEquals(a(1, 11), Indexing.gather(x, idx(2, 0, 2, 1, 3), 2, a(0, 1)).toLongArray());
        assertPyError("IndexError", "index 3 is out of bounds for axis 0 with size 3", () -> Indexing.gather(x, idx(1, 3), 1, a(0)));
    }

    @Test
    void scatterValidatesEveryIndexBeforeWriting() {
        NDArray x = arange(6, 6);
        assertPyError("IndexError", "index 9 is out of bounds for axis 0 with size 6",
                () -> Indexing.scatter(x, idx(1, 0, 9), 1, a(0), Engine.fromLongs(a(-1), a(1), "int64")));
        assertArrayEquals(a(0, 1, 2, 3, 4, 5), x.toLongArray());
        Indexing.scatter(x, idx(1, 0, 5), 1, a(0), Engine.fromLongs(a(-1, -2), a(2), "int64"));
        assertArrayEquals(a(-1, 1, 2, 3, 4, -2), x.toLongArray());
        assertPyError("ValueError", "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)",
                () -> Indexing.scatter(x, idx(1, 0, 5), 1, a(0), Engine.fromLongs(a(1, 2, 3), a(3), "int64")));
    }

    @Test
    void assignBroadcastsAndHandlesOverlap() {
        NDArray x = arange(10, 10);
        Indexing.assign(Views.strided(x, a(6), a(8), 16, true), Views.strided(x, a(6), a(8), 0, true));
        assertArrayEquals(a(0, 1, 0, 1, 2, 3, 4, 5, 8, 9), x.toLongArray());
        assertPyError("ValueError", "could not broadcast input array from shape (3,) into shape (10,)",
                () -> Indexing.assign(x, Engine.fromLongs(a(1, 2, 3), a(3), "int64")));
        NDArray ro = Views.broadcastTo(Engine.fromLongs(a(1), a(1), "int64"), a(3));
        assertFalse(ro.isWriteable());
        assertPyError("ValueError", "assignment destination is read-only", () -> Indexing.assign(ro, x));
    }

    @Test
    void reshapeIsAViewWhenStridesAllowIt() {
        NDArray x = arange(24, 2, 3, 4);
        assertSame(x.storage(), Views.reshapeView(x, a(6, 4)).storage());
        NDArray t = Views.permute(x, new int[]{2, 1, 0});
        assertNull(Views.reshapeView(t, a(24)));
        NDArray sliced = Indexing.basic(x, a(3, 0, 0, 0, 0, 1, 0, 0)); // [..., 1]: shape (2, 3), strides (96, 32)
        assertArrayEquals(a(2, 3, 1), Views.reshapeView(sliced, a(2, 3, 1)).shape());
        assertArrayEquals(a(32), Views.reshapeView(sliced, a(6)).strides()); // (96, 32) merges into one axis
        assertArrayEquals(a(1, 5, 9, 13, 17, 21), Views.reshape(sliced, a(6)).toLongArray());
        assertPyError("ValueError", "cannot reshape array of size 24 into shape (5,)", () -> Views.reshape(x, a(5)));
    }

    @Test
    void concatenateAndFortranCopy() {
        NDArray c = Views.concatenate(new NDArray[]{arange(4, 2, 2), arange(2, 1, 2)}, 0, "float64");
        assertArrayEquals(new double[]{0, 1, 2, 3, 0, 1}, c.toDoubleArray());
        assertPyError("ValueError", "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3",
                () -> Views.concatenate(new NDArray[]{arange(4, 2, 2), arange(3, 1, 3)}, 0, "int64"));
        NDArray f = Views.copyF(arange(6, 2, 3));
        assertTrue(f.isFContiguous() && f.ownsData());
        assertArrayEquals(a(0, 1, 2, 3, 4, 5), f.toLongArray());
    }

    @Test
    void complexIsStoredInterleavedAndConverts() {
        NDArray z = Engine.fromComplex(new double[]{1, 2, -3, 0.5}, a(2), "complex64");
        assertArrayEquals(new double[]{1, 2, -3, 0.5}, z.toComplexArray());
        assertArrayEquals(new double[]{1, 2, -3, 0.5}, Copy.astype(z, DType.COMPLEX128).toComplexArray());
        assertArrayEquals(new double[]{1, -3}, Copy.astype(z, DType.FLOAT64).toDoubleArray());
        assertArrayEquals(new double[]{7, 0}, Copy.astype(Engine.fromLongs(a(7), a(1), "uint64"), DType.COMPLEX128).toComplexArray());
        assertArrayEquals(new double[]{0x1p64 - 2048}, Copy.astype(Engine.fromLongs(a(-2048), a(1), "uint64"), DType.FLOAT64).toDoubleArray());
    }

    @Test
    void nonzeroListsIndicesPerAxis() {
        NDArray x = Engine.fromLongs(a(0, 3, 0, 0, 5, 6), a(2, 3), "int64");
        assertArrayEquals(a(0, 1, 1, 1, 1, 2), Indexing.nonzero(x).toLongArray());
    }
}

final class IndexingViewsTestSupport {
    static final long N = dev.gilfree.core.IndexResolver.NONE;

    private IndexingViewsTestSupport() {}
}
