package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Nonzero;
import dev.gilfree.kernels.Sorting;
import dev.gilfree.kernels.Uniques;

/** Sorting, searching and set operations (one call each). */
@Facade("Sort")
final class SortOps {
    private SortOps() {}

    @Entry(reads = "a", sample = "xp.sort(a, axis=1)")
    static NDArray sort(NDArray a, int axis, boolean descending) {
        NDArray out = NDArray.zeros(a.dtype(), a.shape());
        if (a.size() > 0) Sorting.sortAlong(a, axis, out, false, descending);
        return out;
    }

    @Entry(reads = "a", sample = "xp.argsort(a, axis=1)")
    static NDArray argsort(NDArray a, int axis, boolean descending) {
        NDArray out = NDArray.zeros(DType.INT64, a.shape());
        if (a.size() > 0) Sorting.sortAlong(a, axis, out, true, descending);
        return out;
    }

    /** a: sorted 1-D array (already of the common dtype with v). */
    @Entry(reads = {"a", "v"}, sample = "xp.searchsorted(a[0], b[0])")
    static NDArray searchsorted(NDArray a, NDArray v, boolean right) {
        if (a.ndim() != 1) throw GilfreeException.value("object too deep for desired array");
        NDArray out = NDArray.zeros(DType.INT64, v.shape());
        Sorting.searchsorted(a, v, right, out);
        return out;
    }

    /**
     * unique_all of the flattened (C order) 1-D {@code flat}: {values, first indices, inverse, counts};
     * equalNan collapses NaNs into one (NumPy 2's equal_nan=True).
     */
    @Entry(reads = "flat", sample = "xp.unique(a)")
    static NDArray[] uniqueAll(NDArray flat, boolean equalNan) { return Uniques.uniqueAll(flat, argsort(flat, 0, false), equalNan); }

    /** isin: for each element of a, whether it occurs in test (both already of one common dtype). */
    @Entry(reads = {"a", "test"}, sample = "xp.isin(a, b)")
    static NDArray isin(NDArray a, NDArray test) {
        NDArray flat = test.isCContiguous() ? test : Copy.astype(test, test.dtype());
        NDArray sorted = sort(flat.view(new Layout(new long[]{flat.size()}, new long[]{flat.itemsize()}, flat.offset())), 0, false);
        return Uniques.isin(a, sorted, searchsorted(sorted, a, false));
    }

    /** Coordinates of nonzero elements in C order: shape (count, ndim), int64 (np.argwhere). */
    @Entry(reads = "a", sample = "xp.argwhere(a)")
    static NDArray argwhere(NDArray a) { return Nonzero.argwhere(a); }
}
