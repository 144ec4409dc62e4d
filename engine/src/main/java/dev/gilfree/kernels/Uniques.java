package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Set operations over sorted data: unique_all groups and isin membership. */
public final class Uniques {
    private Uniques() {}

    /**
     * unique_all of a 1-D array, given its stable argsort {@code idx}: {values, first indices, inverse, counts}.
     * equalNan collapses NaNs into one (NumPy 2's default); false keeps every NaN distinct (the Array API's unique_*).
     */
    public static NDArray[] uniqueAll(NDArray flat, NDArray idx, boolean equalNan) {
        int n = (int) flat.size();
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

    /** isin: whether each element of a occurs in {@code sorted} (1-D, of a's dtype), given pos = searchsorted(sorted, a). */
    public static NDArray isin(NDArray a, NDArray sorted, NDArray pos) {
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

}
