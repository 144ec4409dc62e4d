package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.StridedWalk;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Coordinates of the nonzero elements in C order: np.nonzero (one row per axis) and np.argwhere (one row per element). */
public final class Nonzero {
    private Nonzero() {}

    /** int64 (ndim, count): row j holds the indices along axis j (a 0-d array counts as one axis). */
    public static NDArray nonzero(NDArray a) {
        boolean[] hit = hits(a);
        int nd = a.ndim();
        long count = count(hit);
        NDArray out = NDArray.zeros(DType.INT64, new long[]{Math.max(nd, 1), count});
        coordinates(a.shape(), hit, out.segment(), 1, count);
        return out;
    }

    /** int64 (count, ndim): one row of coordinates per nonzero element. */
    public static NDArray argwhere(NDArray a) {
        boolean[] hit = hits(a);
        int nd = a.ndim();
        NDArray out = NDArray.zeros(DType.INT64, new long[]{count(hit), nd});
        coordinates(a.shape(), hit, out.segment(), nd, 1);
        return out;
    }

    // Whether each element (C order) is nonzero; a complex element is nonzero when either part is.
    private static boolean[] hits(NDArray a) {
        DType t = a.dtype();
        MemorySegment s = a.segment();
        boolean[] hit = new boolean[Math.toIntExact(a.size())];
        int[] k = {0};
        StridedWalk.forEachOffset(a, off -> hit[k[0]++] = t.kind() == 'c'
                ? Elements.getDouble(t, s, off) != 0 || Elements.getImag(t, s, off) != 0
                : t.isFloating() ? Elements.getDouble(t, s, off) != 0 : Elements.getLong(t, s, off) != 0);
        return hit;
    }

    private static long count(boolean[] hit) {
        long c = 0;
        for (boolean h : hit) if (h) c++;
        return c;
    }

    // Coordinate d of the c-th hit goes to long index c * perHit + d * perAxis.
    private static void coordinates(long[] shape, boolean[] hit, MemorySegment o, long perHit, long perAxis) {
        int nd = shape.length;
        long[] idx = new long[nd];
        long c = 0;
        for (boolean h : hit) {
            if (h) {
                for (int d = 0; d < nd; d++) o.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, c * perHit + d * perAxis, idx[d]);
                c++;
            }
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
    }
}
