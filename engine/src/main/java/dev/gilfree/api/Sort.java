package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Sorting;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Facade for sorting, searching and set operations (one call each). */
public final class Sort {
    private Sort() {}

    public static NDArray sort(NDArray a, int axis) { return sort(a, axis, false); }

    public static NDArray sort(NDArray a, int axis, boolean descending) {
        NDArray out = NDArray.zeros(a.dtype(), a.shape());
        if (a.size() > 0) Sorting.sortAlong(a, axis, out, false, descending);
        return out;
    }

    public static NDArray argsort(NDArray a, int axis) { return argsort(a, axis, false); }

    public static NDArray argsort(NDArray a, int axis, boolean descending) {
        NDArray out = NDArray.zeros(DType.INT64, a.shape());
        if (a.size() > 0) Sorting.sortAlong(a, axis, out, true, descending);
        return out;
    }

    /** a: sorted 1-D array (already of the common dtype with v). */
    public static NDArray searchsorted(NDArray a, NDArray v, boolean right) {
        if (a.ndim() != 1) throw GilfreeException.value("object too deep for desired array");
        NDArray out = NDArray.zeros(DType.INT64, v.shape());
        Sorting.searchsorted(a, v, right, out);
        return out;
    }

    /**
     * unique_all of the flattened (C order) 1-D {@code a}: {values, first indices, inverse, counts}.
     * NaNs collapse into one (NumPy 2's equal_nan=True).
     */
    public static NDArray[] uniqueAll(NDArray flat) { return uniqueAll(flat, true); }

    /** As {@link #uniqueAll(NDArray)}; equalNan false keeps every NaN distinct (the Array API's unique_*). */
    public static NDArray[] uniqueAll(NDArray flat, boolean equalNan) {
        int n = (int) flat.size();
        NDArray idx = argsort(flat, 0);
        MemorySegment is = idx.segment();
        DType t = flat.dtype();
        MemorySegment s = flat.segment();
        long st = n > 0 ? flat.strides()[0] : 0, off = flat.offset();
        int[] group = new int[n];
        int groups = 0;
        long[] firstIdx = new long[n];
        long[] counts = new long[n];
        int prev = -1;
        for (int k = 0; k < n; k++) {
            int i = (int) is.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, k);
            boolean same = prev >= 0 && equal(t, s, off + prev * st, off + i * st, equalNan);
            if (!same) {
                firstIdx[groups] = i;
                groups++;
            }
            counts[groups - 1]++;
            group[i] = groups - 1;
            if (!same) prev = i;
        }
        NDArray values = NDArray.zeros(t, new long[]{groups});
        NDArray first = NDArray.zeros(DType.INT64, new long[]{groups});
        NDArray cnt = NDArray.zeros(DType.INT64, new long[]{groups});
        NDArray inverse = NDArray.zeros(DType.INT64, new long[]{n});
        int isz = t.itemsize();
        for (int g = 0; g < groups; g++) {
            MemorySegment.copy(s, off + firstIdx[g] * st, values.segment(), (long) g * isz, isz);
            first.segment().setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, g, firstIdx[g]);
            cnt.segment().setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, g, counts[g]);
        }
        for (int i = 0; i < n; i++) inverse.segment().setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, group[i]);
        return new NDArray[]{values, first, inverse, cnt};
    }

    private static boolean equal(DType t, MemorySegment s, long o1, long o2, boolean equalNan) {
        if (t.kind() == 'c') { // both parts equal; a NaN in either part makes a NaN
            double xr = Elements.getDouble(t, s, o1), xi = Elements.getImag(t, s, o1);
            double yr = Elements.getDouble(t, s, o2), yi = Elements.getImag(t, s, o2);
            return xr == yr && xi == yi
                    || equalNan && (Double.isNaN(xr) || Double.isNaN(xi)) && (Double.isNaN(yr) || Double.isNaN(yi));
        }
        if (t.isFloating()) {
            double x = Elements.getDouble(t, s, o1), y = Elements.getDouble(t, s, o2);
            return x == y || equalNan && Double.isNaN(x) && Double.isNaN(y);
        }
        return Elements.getLong(t, s, o1) == Elements.getLong(t, s, o2);
    }

    /** isin: for each element of a, whether it occurs in test (both already of one common dtype). */
    public static NDArray isin(NDArray a, NDArray test) {
        NDArray sorted = sort(test.isCContiguous() ? reshape1(test) : reshape1(Copy.astype(test, test.dtype())), 0);
        NDArray pos = searchsorted(sorted, a, false);
        NDArray out = NDArray.zeros(DType.BOOL, a.shape());
        long n = sorted.size();
        DType t = a.dtype();
        MemorySegment ps = pos.segment(), ss = sorted.segment(), os = out.segment();
        NDArray ac = a.isCContiguous() ? a : Copy.astype(a, t);
        int isz = t.itemsize();
        for (long i = 0; i < a.size(); i++) {
            long p = ps.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
            boolean hit = p < n && equal2(t, ss, p * isz, ac.segment(), ac.offset() + i * isz);
            os.set(ValueLayout.JAVA_BYTE, i, (byte) (hit ? 1 : 0));
        }
        return out;
    }

    private static boolean equal2(DType t, MemorySegment s1, long o1, MemorySegment s2, long o2) {
        if (t.kind() == 'c') {
            return Elements.getDouble(t, s1, o1) == Elements.getDouble(t, s2, o2) && Elements.getImag(t, s1, o1) == Elements.getImag(t, s2, o2);
        }
        if (t.isFloating()) return Elements.getDouble(t, s1, o1) == Elements.getDouble(t, s2, o2);
        return Elements.getLong(t, s1, o1) == Elements.getLong(t, s2, o2);
    }

    private static NDArray reshape1(NDArray a) { return Engine.reshape(a, new long[]{a.size()}); }

    /** Coordinates of nonzero elements in C order: shape (count, ndim), int64 (np.argwhere). */
    public static NDArray argwhere(NDArray a) {
        long[] shape = a.shape();
        int nd = shape.length;
        DType t = a.dtype();
        NDArray ac = a.isCContiguous() ? a : Copy.astype(a, t);
        long n = a.size();
        int isz = t.itemsize();
        long count = 0;
        for (long i = 0; i < n; i++) if (nonzero(t, ac.segment(), ac.offset() + i * isz)) count++;
        NDArray out = NDArray.zeros(DType.INT64, new long[]{count, nd});
        long row = 0;
        long[] idx = new long[nd];
        for (long i = 0; i < n; i++) {
            if (nonzero(t, ac.segment(), ac.offset() + i * isz)) {
                for (int d = 0; d < nd; d++) out.segment().setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, row * nd + d, idx[d]);
                row++;
            }
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    private static boolean nonzero(DType t, MemorySegment s, long off) {
        if (t.kind() == 'c') return Elements.getDouble(t, s, off) != 0 || Elements.getImag(t, s, off) != 0; // either part
        return t.isFloating() ? Elements.getDouble(t, s, off) != 0 : Elements.getLong(t, s, off) != 0;
    }
}
