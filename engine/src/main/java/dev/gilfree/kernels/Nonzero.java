package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.StridedWalk;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Coordinates of the nonzero elements in C order: np.nonzero (one row per axis) and np.argwhere (one row
 * per element), and np.count_nonzero. Indices, counts and offsets are long throughout (arrays past 2^31
 * elements). A contiguous array is cut into parts on all cores: each part counts its hits, the counts'
 * prefix sums place each part's output, and each part writes its own coordinates; no per-element
 * temporary array.
 */
public final class Nonzero {
    private Nonzero() {}

    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    /** int64 (ndim, count): row j holds the indices along axis j (a 0-d array counts as one axis). */
    public static NDArray nonzero(NDArray a) {
        return coordinates(a, false);
    }

    /** int64 (count, ndim): one row of coordinates per nonzero element. */
    public static NDArray argwhere(NDArray a) {
        return coordinates(a, true);
    }

    /** np.count_nonzero(a) over the whole array (NaN is nonzero, -0.0 is zero). */
    public static long count(NDArray a) {
        if (a.dtype().kind() == 'c' || !a.isCContiguous()) {
            long[] c = {0};
            walk(a, (flat, off) -> c[0]++);
            return c[0];
        }
        long n = a.size();
        int parts = IntegerSums.parts(n);
        long[] counts = new long[parts];
        Parallel.run(parts, i -> {
            long lo = IntegerSums.bound(n, parts, i);
            counts[i] = countRange(a, lo, IntegerSums.bound(n, parts, i + 1));
            return 0;
        });
        long c = 0;
        for (long k : counts) c += k;
        return c;
    }

    private static NDArray coordinates(NDArray a, boolean perRow) {
        int nd = a.ndim();
        long[] shape = a.shape();
        if (a.dtype().kind() == 'c' || !a.isCContiguous()) {
            long count = count(a);
            NDArray out = out(nd, count, perRow);
            long[] at = {0};
            MemorySegment o = out.segment();
            walk(a, (flat, off) -> write(o, shape, flat, at[0]++, count, perRow));
            return out;
        }
        long n = a.size();
        int parts = IntegerSums.parts(n);
        long[] start = new long[parts + 1];
        Parallel.run(parts, i -> {
            start[i + 1] = countRange(a, IntegerSums.bound(n, parts, i), IntegerSums.bound(n, parts, i + 1));
            return 0;
        });
        for (int i = 0; i < parts; i++) start[i + 1] += start[i];
        long count = start[parts];
        NDArray out = out(nd, count, perRow);
        MemorySegment o = out.segment();
        Parallel.run(parts, i -> {
            long[] at = {start[i]};
            scanRange(a, IntegerSums.bound(n, parts, i), IntegerSums.bound(n, parts, i + 1),
                    flat -> write(o, shape, flat, at[0]++, count, perRow));
            return 0;
        });
        return out;
    }

    private static NDArray out(int nd, long count, boolean perRow) {
        return NDArray.zeros(DType.INT64, perRow ? new long[] {count, nd} : new long[] {Math.max(nd, 1), count});
    }

    /** Writes the coordinates of C-order element {@code flat} as hit number {@code hit} of {@code count}. */
    static void write(MemorySegment o, long[] shape, long flat, long hit, long count, boolean perRow) {
        int nd = shape.length;
        if (nd == 0 && perRow) return; // argwhere of a 0-d array: rows of no coordinates
        if (nd <= 1) {
            o.setAtIndex(L, hit, nd == 0 ? 0 : flat);
            return;
        }
        for (int d = nd - 1; d >= 0; d--) {
            long len = shape[d], coord = flat % len;
            flat /= len;
            o.setAtIndex(L, perRow ? hit * nd + d : d * count + hit, coord);
        }
    }

    @FunctionalInterface
    private interface Hit {
        void at(long flat, long off);
    }

    // Any layout, any dtype: the nonzero elements in C order with their flat index.
    private static void walk(NDArray a, Hit hit) {
        DType t = a.dtype();
        MemorySegment s = a.segment();
        long[] flat = {0};
        StridedWalk.forEachOffset(a, off -> {
            boolean nz = t.kind() == 'c'
                    ? Elements.getDouble(t, s, off) != 0 || Elements.getImag(t, s, off) != 0
                    : t.isFloating() ? Elements.getDouble(t, s, off) != 0 : Elements.getLong(t, s, off) != 0;
            if (nz) hit.at(flat[0], off);
            flat[0]++;
        });
    }

    /** Nonzero elements among flat indices [lo, hi) of a C-contiguous real array. */
    static long countRange(NDArray a, long lo, long hi) {
        DType t = a.dtype();
        MemorySegment s = a.segment();
        long base = a.offset();
        if (t.itemsize() == 1) {
            long c = 0, i = lo;
            for (long up = hi - (hi - lo) % BS.length(); i < up; i += BS.length()) {
                c += ByteVector.fromMemorySegment(BS, s, base + i, NO).compare(VectorOperators.NE, (byte) 0).trueCount();
            }
            for (; i < hi; i++) if (s.get(ValueLayout.JAVA_BYTE, base + i) != 0) c++;
            return c;
        }
        long[] c = {0};
        scanRange(a, lo, hi, flat -> c[0]++);
        return c[0];
    }

    @FunctionalInterface
    interface FlatHit {
        void at(long flat);
    }

    /** Calls {@code hit} with each nonzero flat index in [lo, hi), ascending, of a C-contiguous real array. */
    static void scanRange(NDArray a, long lo, long hi, FlatHit hit) {
        DType t = a.dtype();
        MemorySegment s = a.segment();
        long base = a.offset();
        switch (t) {
            case BOOL, INT8, UINT8 -> {
                long i = lo;
                for (long up = hi - (hi - lo) % BS.length(); i < up; i += BS.length()) {
                    long bits = ByteVector.fromMemorySegment(BS, s, base + i, NO).compare(VectorOperators.NE, (byte) 0).toLong();
                    while (bits != 0) {
                        hit.at(i + Long.numberOfTrailingZeros(bits));
                        bits &= bits - 1;
                    }
                }
                for (; i < hi; i++) if (s.get(ValueLayout.JAVA_BYTE, base + i) != 0) hit.at(i);
            }
            case INT16, UINT16 -> { for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_SHORT_UNALIGNED, base + i * 2) != 0) hit.at(i); }
            case FLOAT16 -> { for (long i = lo; i < hi; i++) if ((s.get(ValueLayout.JAVA_SHORT_UNALIGNED, base + i * 2) & 0x7FFF) != 0) hit.at(i); }
            case INT32, UINT32 -> { for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_INT_UNALIGNED, base + i * 4) != 0) hit.at(i); }
            case FLOAT32 -> { for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, base + i * 4) != 0) hit.at(i); }
            case FLOAT64 -> { for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + i * 8) != 0) hit.at(i); }
            default -> { for (long i = lo; i < hi; i++) if (Elements.getLong(t, s, base + i * t.itemsize()) != 0) hit.at(i); }
        }
    }
}
