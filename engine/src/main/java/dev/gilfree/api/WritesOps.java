package dev.gilfree.api;

import dev.gilfree.core.Casting;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Gather;
import dev.gilfree.kernels.Iteration;
import dev.gilfree.kernels.Masked;
import dev.gilfree.kernels.Puts;
import dev.gilfree.kernels.Sorting;

/** NumPy's in-place write API: copyto, putmask, place, flat assignment, in-place sort and partition. */
@Facade("Writes")
final class WritesOps {
    private WritesOps() {}

    /** np.copyto(dst, src, casting, where): src and where broadcast to dst's shape; where may be null. */
    @Entry(reads = {"src", "where"}, writes = "dst", sample = "xp.copyto(a, b, where=b > 5)")
    static void copyto(NDArray dst, NDArray src, NDArray where, String casting) {
        Casting c = Casting.of(casting);
        if (!c.allows(src.dtype(), dst.dtype())) {
            throw GilfreeException.type("Cannot cast array data from dtype('" + src.dtype().npName() + "') to dtype('"
                    + dst.dtype().npName() + "') according to the rule '" + c.npName() + "'");
        }
        long[] target = dst.shape();
        if (where == null) {
            Copy.assign(src, dst);
            return;
        }
        if (!Iteration.broadcastsTo(where.shape(), target)) {
            throw GilfreeException.value("could not broadcast where mask from shape " + Iteration.pyShape(where.shape())
                    + " into shape " + Iteration.pyShape(target));
        }
        NDArray values = NDArray.empty(dst.dtype(), target); // src broadcast and cast, apart from dst's memory
        Copy.assign(src, values);
        NDArray mask = where.dtype() == DType.BOOL ? where : Copy.astype(where, DType.BOOL);
        Masked.choose(Gather.squeezeLeading(mask, target.length), values, dst, dst);
    }

    /** np.putmask(a, mask, values): values (a's dtype, C-contiguous, apart from a) cycle over C order. */
    @Entry(reads = {"mask", "values"}, writes = "a", sample = "xp.putmask(a, a > 5, [1.0, 2.0])")
    static void putmask(NDArray a, NDArray mask, NDArray values) {
        Puts.putmask(a, mask, values);
    }

    /** np.place(a, mask, values): the k-th selected element gets values[k % len]. */
    @Entry(reads = {"mask", "values"}, writes = "a", sample = "xp.place(a, a > 5, [1.0, 2.0])")
    static void place(NDArray a, NDArray mask, NDArray values) {
        Puts.place(a, mask, values);
    }

    /** a.flat[index] = values, index an int64 array of C-order positions. */
    @Entry(reads = {"index", "values"}, writes = "a", sample = "a.flat.__setitem__([1, 5, -1], 7.0)")
    static void putFlat(NDArray a, NDArray index, NDArray values) {
        Puts.flat(a, index, values);
    }

    /** ndarray.sort(axis) in place, for any dtype and any strided view; stable. */
    @Entry(writes = "a", sample = "a.sort(axis=0)")
    static void sort(NDArray a, int axis, boolean descending) {
        if (a.size() == 0) return;
        NDArray sorted = NDArray.empty(a.dtype(), a.shape());
        Sorting.sortAlong(a, axis, sorted, false, descending);
        Copy.into(sorted, a);
    }
}
