package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.IndexResolver;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Gather;
import dev.gilfree.kernels.Iteration;
import dev.gilfree.kernels.Masked;
import dev.gilfree.kernels.Nonzero;
import java.util.Arrays;

/**
 * Indexing: basic indexing as one view, single elements, advanced (integer array) indexing as gather and
 * scatter, boolean masks, and assignment with broadcasting. Every check happens before the first byte is
 * written, so a failed assignment leaves the array as it was.
 */
@Facade("Indexing")
final class IndexingOps {
    private IndexingOps() {}

    /** a[index] for a basic index (see IndexResolver for the encoding): always a view. */
    @Entry(reads = "a", op = "\"getitem\"", sample = "a[1:, ::2]")
    static NDArray basic(NDArray a, long[] spec) { return a.view(IndexResolver.resolve(a.layout(), spec)); }

    /**
     * Advanced indexing of the first {@code k} axes of {@code v} by {@code idx}, an int64 array of shape
     * (k, *b): the result has shape b + v.shape[k:] and is a new array. {@code axes} names the original
     * axis of each indexed axis for error messages.
     */
    @Entry(reads = {"v", "idx"}, op = "\"getitem\"", sample = "a[[0, 2]]")
    static NDArray gather(NDArray v, NDArray idx, int k, long[] axes) { return Gather.gather(v, idx, k, axes); }

    /** v[idx...] = values, the scatter counterpart of gather; values broadcast to b + v.shape[k:]. */
    @Entry(reads = {"idx", "values"}, writes = "v", op = "\"setitem\"", sample = "a[[0, 1]] = 5.0")
    static void scatter(NDArray v, NDArray idx, int k, long[] axes, NDArray values) { Gather.scatter(v, idx, k, axes, values); }

    /** dst[...] = src with NumPy's broadcasting (src may have extra leading 1s) and casting; src may overlap dst. */
    @Entry(reads = "src", writes = "dst", op = "\"setitem\"", sample = "a[...] = b")
    static void assign(NDArray dst, NDArray src) { Copy.assign(src, dst); }

    /** a[mask] for a bool mask of a's own shape: the selected elements in C order, a new 1-d array. */
    @Entry(reads = {"a", "mask"}, op = "\"getitem\"", sample = "a[a > 1.0]")
    static NDArray maskSelect(NDArray a, NDArray mask) {
        requireMask(a, mask);
        NDArray out = NDArray.empty(a.dtype(), new long[]{Masked.countTrue(mask)});
        Masked.select(a, mask, out);
        return out;
    }

    /** a[mask] = values for a bool mask of a's own shape; values (a's dtype) has one element or one per true element. */
    @Entry(reads = {"mask", "values"}, writes = "a", op = "\"setitem\"", sample = "a[b > 1.0] = 0.0")
    static void maskAssign(NDArray a, NDArray mask, NDArray values) {
        requireMask(a, mask);
        long count = Masked.countTrue(mask);
        if (values.size() != 1 && (values.ndim() != 1 || values.size() != count)) {
            throw GilfreeException.value("NumPy boolean array indexing assignment cannot assign " + values.size()
                    + " input values to the " + count + " output values where the mask is true");
        }
        NDArray v = values.dtype() == a.dtype() && (values.size() == 1 || values.isCContiguous())
                && !values.overlapsOtherwise(a) ? values : Copy.astype(values, a.dtype());
        Masked.assign(a, mask, v);
    }

    private static void requireMask(NDArray a, NDArray mask) {
        if (mask.dtype() != DType.BOOL || !Arrays.equals(mask.shape(), a.shape())) {
            throw GilfreeException.index("boolean index must be a bool array of the indexed array's shape "
                    + Iteration.pyShape(a.shape()) + ", got " + mask.dtype().npName() + " " + Iteration.pyShape(mask.shape()));
        }
    }

    /** np.nonzero as one int64 array of shape (ndim, count) (row j holds the indices along axis j). */
    @Entry(reads = "a", sample = "xp.nonzero(a)")
    static NDArray nonzero(NDArray a) { return Nonzero.nonzero(a); }

    // ----- single elements: a[i, j, ...] on real dtypes, one call each (the a[0] += x hot path) -----

    @Entry(reads = "a", op = "\"getitem\"", sample = "a[1, 2]")
    static double getDouble(NDArray a, long[] index) { return Elements.getDouble(a.dtype(), a.segment(), a.byteOffsetOf(index)); }

    @Entry(reads = "a", op = "\"getitem\"", sample = "a[1, 2]", dtype = "int64")
    static long getLong(NDArray a, long[] index) { return Elements.getLong(a.dtype(), a.segment(), a.byteOffsetOf(index)); }

    /** a[i] on a 1-d array, with no index array to convert at the bridge. */
    @Entry(reads = "a", op = "\"getitem\"", sample = "a[0][1]")
    static double getDoubleAt(NDArray a, long i) { return Elements.getDouble(a.dtype(), a.segment(), a.byteOffsetAt(i)); }

    @Entry(reads = "a", op = "\"getitem\"", sample = "a[0][1]", dtype = "int64")
    static long getLongAt(NDArray a, long i) { return Elements.getLong(a.dtype(), a.segment(), a.byteOffsetAt(i)); }

    @Entry(writes = "a", op = "\"setitem\"", sample = "a[1, 2] = 7.0")
    static void setDouble(NDArray a, long[] index, double v) { Elements.setDouble(a.dtype(), a.segment(), a.byteOffsetOf(index), v); }

    @Entry(writes = "a", op = "\"setitem\"", sample = "a[1, 2] = 7", dtype = "int64")
    static void setLong(NDArray a, long[] index, long v) { Elements.setLong(a.dtype(), a.segment(), a.byteOffsetOf(index), v); }

    @Entry(writes = "a", op = "\"setitem\"", sample = "a[0][1] = 7.0")
    static void setDoubleAt(NDArray a, long i, double v) { Elements.setDouble(a.dtype(), a.segment(), a.byteOffsetAt(i), v); }

    @Entry(writes = "a", op = "\"setitem\"", sample = "a[0][1] = 7", dtype = "int64")
    static void setLongAt(NDArray a, long i, long v) { Elements.setLong(a.dtype(), a.segment(), a.byteOffsetAt(i), v); }
}
