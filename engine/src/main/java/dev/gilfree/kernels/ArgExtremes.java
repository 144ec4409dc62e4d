package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * argmax/argmin of a contiguous run in two passes over the array's own width: the extreme value by the
 * SIMD folds of {@link DirectFolds} (per part, on all cores), then the first index holding it. The first
 * pass decides the value and the second its first occurrence, which is NumPy's answer: the first maximum,
 * or the first NaN when there is one (the float folds propagate NaN). Reading element by element through
 * the dtype switch took 9 ns an element.
 */
final class ArgExtremes {
    private ArgExtremes() {}

    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();

    /** True when {@link #first} handles n contiguous elements of t. */
    static boolean applies(DType t, long n) {
        return DirectFolds.applies(BinaryOp.MAXIMUM, t, n);
    }

    /** Index of the first maximum (max) or minimum of the n contiguous elements of t at off. */
    static long first(DType t, boolean max, MemorySegment s, long off, long n) {
        BinaryOp op = max ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM;
        int w = t.itemsize();
        int parts = Parallel.worthSplitting(n) ? IntegerSums.parts(n) : 1;
        boolean fl = t.isFloating();
        double[] pd = new double[parts];
        long[] pl = new long[parts];
        Parallel.run(parts, i -> {
            long lo = IntegerSums.bound(n, parts, i), len = IntegerSums.bound(n, parts, i + 1) - lo;
            // a part too short for the SIMD fold (only when n is small) is folded by the generic loop
            if (fl) pd[i] = len >= 256 ? DirectFolds.foldDouble(op, t, s, off + lo * w, len) : foldD(op, t, s, off + lo * w, len);
            else pl[i] = len >= 256 ? DirectFolds.foldLong(op, t, s, off + lo * w, len) : foldL(op, t, s, off + lo * w, len);
            return 0;
        });
        double vd = pd[0];
        long vl = pl[0];
        for (int i = 1; i < parts; i++) {
            vd = op.applyD(vd, pd[i], t == DType.FLOAT32);
            vl = op.applyL(vl, pl[i], t);
        }
        long[] hit = new long[parts];
        double fvd = vd;
        long fvl = vl;
        Parallel.run(parts, i -> {
            long lo = IntegerSums.bound(n, parts, i), hi = IntegerSums.bound(n, parts, i + 1);
            hit[i] = fl ? findD(t, s, off, lo, hi, fvd) : findL(t, s, off, lo, hi, fvl);
            return 0;
        });
        for (long h : hit) if (h >= 0) return h;
        throw new IllegalStateException("extreme value not found"); // cannot happen: the value came from the array
    }

    private static double foldD(BinaryOp op, DType t, MemorySegment s, long off, long n) {
        double acc = dev.gilfree.core.Elements.getDouble(t, s, off);
        for (long i = 1; i < n; i++) acc = op.applyD(acc, dev.gilfree.core.Elements.getDouble(t, s, off + i * t.itemsize()), t == DType.FLOAT32);
        return acc;
    }

    private static long foldL(BinaryOp op, DType t, MemorySegment s, long off, long n) {
        long acc = dev.gilfree.core.Elements.getLong(t, s, off);
        for (long i = 1; i < n; i++) acc = op.applyL(acc, dev.gilfree.core.Elements.getLong(t, s, off + i * t.itemsize()), t);
        return acc;
    }

    /** First index in [lo, hi) whose element equals v (any NaN when v is NaN), or -1. */
    static long findD(DType t, MemorySegment s, long off, long lo, long hi, double v) {
        boolean nan = Double.isNaN(v);
        if (t == DType.FLOAT32) {
            float f = (float) v;
            for (long i = lo; i < hi; i++) {
                float x = s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off + i * 4);
                if (x == f || nan && x != x) return i;
            }
        } else {
            for (long i = lo; i < hi; i++) {
                double x = s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off + i * 8);
                if (x == v || nan && x != x) return i;
            }
        }
        return -1;
    }

    /** First index in [lo, hi) whose integer element has v's bits (v as Elements.getLong reads it), or -1. */
    static long findL(DType t, MemorySegment s, long off, long lo, long hi, long v) {
        switch (t.itemsize()) {
            case 1 -> {
                byte b = (byte) v;
                long i = lo;
                for (long up = hi - (hi - lo) % BS.length(); i < up; i += BS.length()) {
                    int k = ByteVector.fromMemorySegment(BS, s, off + i, NO).compare(VectorOperators.EQ, b).firstTrue();
                    if (k < BS.length()) return i + k;
                }
                for (; i < hi; i++) if (s.get(ValueLayout.JAVA_BYTE, off + i) == b) return i;
            }
            case 2 -> {
                short x = (short) v;
                for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off + i * 2) == x) return i;
            }
            case 4 -> {
                int x = (int) v;
                for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_INT_UNALIGNED, off + i * 4) == x) return i;
            }
            default -> {
                for (long i = lo; i < hi; i++) if (s.get(ValueLayout.JAVA_LONG_UNALIGNED, off + i * 8) == v) return i;
            }
        }
        return -1;
    }
}
