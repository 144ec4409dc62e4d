package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Interrupts;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Sorting along an axis with NumPy's order: stable, NaN after everything, -0.0 equal to 0.0 (original
 * order kept), complex by real then imaginary part, unsigned integers compared unsigned. Keys are read once per lane into a primitive array,
 * indices are merge-sorted by key.
 */
public final class Sorting {
    private Sorting() {}

    /** Lane keys: floats as doubles, complex as two doubles, integers/bools as longs (uint64 with the sign bit flipped). */
    static final class Keys {
        final double[] d, im;
        final long[] l;
        boolean descending;

        Keys(DType t, int n) {
            boolean complex = t.kind() == 'c';
            d = t.isFloating() || complex ? new double[n] : null;
            im = complex ? new double[n] : null;
            l = d == null ? new long[n] : null;
        }

        void read(DType t, MemorySegment s, long off, long stride, int n) {
            boolean u64 = t == DType.UINT64;
            for (int i = 0; i < n; i++) {
                long o = off + i * stride;
                if (d != null) d[i] = Elements.getDouble(t, s, o);
                else l[i] = u64 ? Elements.getLong(t, s, o) ^ Long.MIN_VALUE : Elements.getLong(t, s, o);
                if (im != null) im[i] = Elements.getImag(t, s, o);
            }
        }

        int compare(int i, int j) {
            int c = d == null ? Long.compare(l[i], l[j]) : im != null ? compareC(d[i], im[i], d[j], im[j]) : compareD(d[i], d[j]);
            return descending ? -c : c;
        }
    }

    /** NumPy's sort order for floats: NaN last, -0.0 == 0.0. */
    public static int compareD(double x, double y) {
        if (x < y) return -1;
        if (x > y) return 1;
        boolean nx = Double.isNaN(x), ny = Double.isNaN(y);
        return nx == ny ? 0 : nx ? 1 : -1;
    }

    /**
     * NumPy's sort order for complex: R + Rj, then R + nanj, nan + Rj and nan + nanj, each group by its
     * non-NaN parts (real first).
     */
    public static int compareC(double xr, double xi, double yr, double yi) {
        int gx = (Double.isNaN(xr) ? 2 : 0) + (Double.isNaN(xi) ? 1 : 0), gy = (Double.isNaN(yr) ? 2 : 0) + (Double.isNaN(yi) ? 1 : 0);
        if (gx != gy) return Integer.compare(gx, gy);
        int c = compareD(xr, yr); // NaN == NaN here
        return c != 0 ? c : compareD(xi, yi);
    }

    /** Stable argsort of keys[0..n). */
    static int[] argsort(Keys k, int n) {
        int[] idx = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        mergeSort(k, idx, tmp, 0, n);
        return idx;
    }

    private static void mergeSort(Keys k, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i], j = i - 1;
                while (j >= lo && k.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        if (hi - lo >= 1 << 15) Interrupts.check(); // Ctrl-C within a long sort (a few ms between checks)
        int mid = (lo + hi) >>> 1;
        mergeSort(k, a, tmp, lo, mid);
        mergeSort(k, a, tmp, mid, hi);
        if (k.compare(a[mid - 1], a[mid]) <= 0) return;
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo, j = mid, o = lo;
        while (i < mid && j < hi) a[o++] = k.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        while (i < mid) a[o++] = tmp[i++];
        while (j < hi) a[o++] = tmp[j++];
    }

    /**
     * Sorts (or argsorts) each lane of {@code a} along {@code axis} into {@code out} (a's shape; a's dtype
     * for sort, int64 for argsort).
     */
    public static void sortAlong(NDArray a, int axis, NDArray out, boolean arg, boolean descending) {
        DType t = a.dtype();
        long[] shape = a.shape();
        if (shape[axis] > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("axis too long to sort");
        int n = (int) shape[axis];
        long sa = a.strides()[axis], so = out.strides()[axis];
        long[] outer = shape.clone();
        outer[axis] = 1;
        MemorySegment as = a.segment(), os = out.segment();
        int isz = t.itemsize();
        Keys keys = new Keys(t, n);
        keys.descending = descending;
        Iteration.run(outer, new long[][]{a.strides(), out.strides()}, new long[]{a.offset(), out.offset()}, (off, st, cnt) -> {
            for (long c = 0; c < cnt; c++) {
                Interrupts.check(); // Ctrl-C between lanes
                long ao = off[0] + c * st[0], oo = off[1] + c * st[1];
                if (!arg && t.kind() != 'c') {
                    sortValues(keys, t, as, ao, sa, os, oo, so, n, descending);
                    continue;
                }
                keys.read(t, as, ao, sa, n);
                int[] idx = argsort(keys, n);
                for (int i = 0; i < n; i++) {
                    if (arg) os.set(ValueLayout.JAVA_LONG_UNALIGNED, oo + i * so, idx[i]);
                    else MemorySegment.copy(as, ao + idx[i] * sa, os, oo + i * so, isz);
                }
            }
        });
    }

    /**
     * One lane sorted by value: the keys sorted as primitives (Arrays.sort) and written back, instead of an
     * index merge sort through a comparator (1M float64: 330 ms against NumPy's 15). For values a stable
     * sort is only visible in the order of -0.0 and 0.0, which compare equal: they are put back in their
     * original order. NaN sorts last (first when descending), as NumPy.
     */
    private static void sortValues(Keys k, DType t, MemorySegment as, long ao, long sa, MemorySegment os, long oo, long so,
                                   int n, boolean descending) {
        if (k.d != null) {
            TypedRuns.gatherD(t, as, ao, sa, k.d, 0, n);
            long[] zeroSigns = zeroSigns(k.d, n);
            java.util.Arrays.sort(k.d, 0, n);
            if (descending) reverse(k.d, n);
            if (zeroSigns != null) restoreZeros(k.d, n, zeroSigns);
            TypedRuns.scatterD(k.d, n, t, os, oo, so);
        } else {
            TypedRuns.gatherL(t, as, ao, sa, k.l, 0, n);
            boolean u64 = t == DType.UINT64;
            if (u64) for (int i = 0; i < n; i++) k.l[i] ^= Long.MIN_VALUE; // unsigned order as signed
            java.util.Arrays.sort(k.l, 0, n);
            if (u64) for (int i = 0; i < n; i++) k.l[i] ^= Long.MIN_VALUE;
            if (descending) for (int i = 0, j = n - 1; i < j; i++, j--) { long x = k.l[i]; k.l[i] = k.l[j]; k.l[j] = x; }
            TypedRuns.scatterL(k.l, n, t, os, oo, so);
        }
    }

    /** The signs of the lane's zeros in order (bit set: -0.0), or null when it has no negative zero. */
    private static long[] zeroSigns(double[] d, int n) {
        long[] bits = null;
        int z = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) continue;
            if (Double.doubleToRawLongBits(d[i]) != 0) {
                if (bits == null) bits = new long[(n >>> 6) + 1];
                bits[z >>> 6] |= 1L << z;
            }
            z++;
        }
        return bits;
    }

    private static void restoreZeros(double[] d, int n, long[] signs) {
        int first = 0;
        while (first < n && !(d[first] == 0)) first++;
        for (int i = first, z = 0; i < n && d[i] == 0; i++, z++) d[i] = (signs[z >>> 6] >>> z & 1) != 0 ? -0.0 : 0.0;
    }

    private static void reverse(double[] d, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) { double x = d[i]; d[i] = d[j]; d[j] = x; }
    }

    /** Insertion points of each value of {@code v} in the sorted 1-D {@code a} (left: first, right: after equals). */
    public static void searchsorted(NDArray a, NDArray v, boolean right, NDArray out) {
        DType t = a.dtype();
        int n = (int) a.shape()[0];
        long sa = a.strides()[0];
        double[] ad = new double[n];
        for (int i = 0; i < n; i++) ad[i] = Elements.getDouble(t, a.segment(), a.offset() + i * sa);
        long[] al = null;
        if (!t.isFloating() && t.kind() != 'c') {
            al = new long[n];
            for (int i = 0; i < n; i++) al[i] = Elements.getLong(t, a.segment(), a.offset() + i * sa);
        }
        final long[] alf = al;
        final double[] aim = t.kind() == 'c' ? new double[n] : null;
        if (aim != null) for (int i = 0; i < n; i++) aim[i] = Elements.getImag(t, a.segment(), a.offset() + i * sa);
        boolean u64 = t == DType.UINT64;
        MemorySegment vs = v.segment(), os = out.segment();
        DType vt = v.dtype();
        Iteration.run(v.shape(), new long[][]{v.strides(), out.strides()}, new long[]{v.offset(), out.offset()}, (off, st, cnt) -> {
            for (long c = 0; c < cnt; c++) {
                int lo = 0, hi = n;
                if (alf != null) {
                    long x = Elements.getLong(vt, vs, off[0] + c * st[0]);
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        int cmp = u64 ? Long.compareUnsigned(alf[mid], x) : Long.compare(alf[mid], x);
                        if (right ? cmp <= 0 : cmp < 0) lo = mid + 1; else hi = mid;
                    }
                } else {
                    double x = Elements.getDouble(vt, vs, off[0] + c * st[0]), xi = Elements.getImag(vt, vs, off[0] + c * st[0]);
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        int cmp = aim != null ? compareC(ad[mid], aim[mid], x, xi) : compareD(ad[mid], x);
                        if (right ? cmp <= 0 : cmp < 0) lo = mid + 1; else hi = mid;
                    }
                }
                os.set(ValueLayout.JAVA_LONG_UNALIGNED, off[1] + c * st[1], lo);
            }
        });
    }
}
