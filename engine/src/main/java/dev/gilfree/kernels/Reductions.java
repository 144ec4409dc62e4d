package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Whole-array reductions. Float sums are pairwise (as NumPy's), so rounding error grows like log n. */
public final class Reductions {
    private Reductions() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    /** Below this many elements a block is summed directly (NumPy uses 128 too). */
    private static final long BLOCK = 128;

    public static double sumFloat64(NDArray a) {
        double[] total = {0.0};
        walkRuns(a, (seg, off, stride, n) -> total[0] += stride == 8 ? pairwiseSplit(seg, off, n) : stridedSum(seg, off, stride, n));
        return total[0];
    }

    public static long sumInt64(NDArray a) {
        long[] total = {0};
        DType t = a.dtype();
        walkRuns(a, (seg, off, stride, n) -> {
            long s = 0;
            for (long i = 0; i < n; i++) s += dev.gilfree.core.Elements.getLong(t, seg, off + i * stride);
            total[0] += s;
        });
        return total[0];
    }

    private interface Run {
        void accept(MemorySegment seg, long offset, long stride, long n);
    }

    private static void walkRuns(NDArray a, Run run) {
        MemorySegment seg = a.segment();
        Iteration.run(a.shape(), new long[][]{a.strides()}, new long[]{a.offset()},
                (off, st, n) -> run.accept(seg, off[0], st[0], n));
    }

    static double pairwise(MemorySegment s, long off, long n) {
        if (n <= BLOCK) return blockSum(s, off, n);
        long half = half(n);
        return pairwise(s, off, half) + pairwise(s, off + half * 8, n - half);
    }

    private static long half(long n) { return (n / 2) & ~(long) (DS.length() - 1); }

    /**
     * {@link #pairwise} on several cores, with the same result to the last bit: the subtrees of its
     * recursion no larger than a chunk are summed in parallel, then added up in the recursion's own shape.
     */
    static double pairwiseSplit(MemorySegment s, long off, long n) {
        if (!Parallel.worthSplitting(n)) return pairwise(s, off, n);
        java.util.List<long[]> leaves = new java.util.ArrayList<>();
        collectLeaves(off, n, leaves);
        double[] part = new double[leaves.size()];
        Parallel.run(part.length, i -> {
            long[] leaf = leaves.get(i);
            part[i] = pairwise(s, leaf[0], leaf[1]);
            return 0;
        });
        return combineLeaves(n, part, new int[] {0});
    }

    private static boolean isLeaf(long n) { return n <= Parallel.CHUNK_ELEMENTS || n <= BLOCK; }

    private static void collectLeaves(long off, long n, java.util.List<long[]> out) {
        if (isLeaf(n)) {
            out.add(new long[] {off, n});
            return;
        }
        long half = half(n);
        collectLeaves(off, half, out);
        collectLeaves(off + half * 8, n - half, out);
    }

    private static double combineLeaves(long n, double[] part, int[] next) {
        if (isLeaf(n)) return part[next[0]++];
        long half = half(n);
        double left = combineLeaves(half, part, next);
        return left + combineLeaves(n - half, part, next);
    }

    // Two vector accumulators (8 partial sums with AVX2), then a tail.
    private static double blockSum(MemorySegment s, long off, long n) {
        int lanes = DS.length();
        long i = 0;
        double r = 0.0;
        if (n >= 2L * lanes) {
            DoubleVector acc0 = DoubleVector.zero(DS), acc1 = DoubleVector.zero(DS);
            long upper = n - n % (2L * lanes);
            for (; i < upper; i += 2L * lanes) {
                acc0 = acc0.add(DoubleVector.fromMemorySegment(DS, s, off + i * 8, ByteOrder.nativeOrder()));
                acc1 = acc1.add(DoubleVector.fromMemorySegment(DS, s, off + (i + lanes) * 8, ByteOrder.nativeOrder()));
            }
            r = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) r += s.get(D, off + i * 8);
        return r;
    }

    private static double stridedSum(MemorySegment s, long off, long stride, long n) {
        if (n <= BLOCK) {
            double r = 0.0;
            for (long i = 0; i < n; i++) r += s.get(D, off + i * stride);
            return r;
        }
        long half = n / 2;
        return stridedSum(s, off, stride, half) + stridedSum(s, off + half * stride, stride, n - half);
    }

    // ---------------- axis reductions ----------------

    /** Chunk of gathered elements folded at a time (float sums are pairwise within a chunk). */
    private static final int CHUNK = 8192;

    /**
     * Reduces {@code a} (already of the loop dtype) with {@code op} over the axes marked in {@code reduced};
     * {@code out} has the kept axes' shape (C order) and dtype op.outType(loop dtype). {@code where}
     * (bool, same shape as a, or null) selects elements; {@code init} (Double/Long or null) starts each fold.
     */
    public static void reduce(BinaryOp op, NDArray a, boolean[] reduced, NDArray where, Object init, Object empty, NDArray out) {
        DType t = a.dtype();
        long[] shape = a.shape(), st = a.strides();
        long[] wst = where != null ? where.strides() : null;
        int nd = shape.length, nk = 0;
        for (boolean r : reduced) if (!r) nk++;
        long[] ks = new long[nk], kst = new long[nk], kw = new long[nk];
        long[] rs = new long[nd - nk], rst = new long[nd - nk], rw = new long[nd - nk];
        for (int i = 0, k = 0, r = 0; i < nd; i++) {
            if (reduced[i]) { rs[r] = shape[i]; rst[r] = st[i]; rw[r++] = wst != null ? wst[i] : 0; }
            else { ks[k] = shape[i]; kst[k] = st[i]; kw[k++] = wst != null ? wst[i] : 0; }
        }
        MemorySegment seg = a.segment(), ws = where != null ? where.segment() : null, os = out.segment();
        DType ot = out.dtype();
        boolean fl = t.isFloating();
        boolean f32 = t == DType.FLOAT32;
        double[] bd = fl ? new double[CHUNK] : null;
        boolean pairwise = fl && op == BinaryOp.ADD;
        double[] partials = new double[16];
        long[] bl = fl ? null : new long[CHUNK];
        long nOut = Layout.size(ks);
        long[] kidx = new long[nk];
        long base = a.offset(), wbase = where != null ? where.offset() : 0;
        for (long o = 0; o < nOut; o++) {
            // fold one output element
            boolean have = init != null;
            double accD = init instanceof Number nn ? nn.doubleValue() : 0;
            long accL = init instanceof Number nn ? nn.longValue() : 0;
            if (init instanceof Double dd && !fl) accL = (long) dd.doubleValue();
            int fill = 0;
            int np = 0;
            long[] ridx = new long[rs.length];
            long total = Layout.size(rs);
            long off = base, woff = wbase;
            for (long j = 0; j < total; j++) {
                if (ws == null || ws.get(ValueLayout.JAVA_BYTE, woff) != 0) {
                    if (fl) bd[fill++] = Elements.getDouble(t, seg, off); else bl[fill++] = Elements.getLong(t, seg, off);
                    if (fill == CHUNK) {
                        if (pairwise) {
                            if (np == partials.length) partials = java.util.Arrays.copyOf(partials, np * 2);
                            partials[np++] = pairwiseArray(bd, 0, fill);
                        } else if (fl) { accD = foldD(op, bd, fill, have, accD, f32); } else { accL = foldL(op, bl, fill, have, accL, t); }
                        have = true;
                        fill = 0;
                    }
                }
                for (int ax = rs.length - 1; ax >= 0; ax--) {
                    off += rst[ax];
                    woff += rw[ax];
                    if (++ridx[ax] < rs[ax]) break;
                    off -= rst[ax] * rs[ax];
                    woff -= rw[ax] * rs[ax];
                    ridx[ax] = 0;
                }
            }
            if (pairwise && np > 0) {
                // chunk sums are summed pairwise too, so the error grows like log n over the whole reduction
                if (fill > 0) {
                    if (np == partials.length) partials = java.util.Arrays.copyOf(partials, np * 2);
                    partials[np++] = pairwiseArray(bd, 0, fill);
                    fill = 0;
                }
                double s = pairwiseArray(partials, 0, np);
                accD = init != null ? accD + s : s;
            }
            if (fill > 0) {
                if (fl) { accD = foldD(op, bd, fill, have, accD, f32); } else { accL = foldL(op, bl, fill, have, accL, t); }
                have = true;
            }
            if (!have && empty instanceof Number e) {
                accD = e.doubleValue();
                accL = e.longValue();
                have = true;
            }
            if (!have) {
                throw GilfreeException.value("zero-size array to reduction operation " + op.ufuncName() + " which has no identity");
            }
            long oo = o * ot.itemsize();
            if (fl) Elements.setDouble(ot, os, oo, accD); else Elements.setLong(ot, os, oo, accL);
            for (int ax = nk - 1; ax >= 0; ax--) {
                base += kst[ax];
                wbase += kw[ax];
                if (++kidx[ax] < ks[ax]) break;
                base -= kst[ax] * ks[ax];
                wbase -= kw[ax] * ks[ax];
                kidx[ax] = 0;
            }
        }
    }

    private static double foldD(BinaryOp op, double[] b, int n, boolean have, double acc, boolean f32) {
        int i = 0;
        if (op == BinaryOp.ADD) {
            double s = pairwiseArray(b, 0, n);
            return have ? acc + s : s;
        }
        if (!have) acc = b[i++];
        for (; i < n; i++) {
            acc = op.applyD(acc, b[i], f32);
            if (f32 && !op.boolOut()) acc = (float) acc;
        }
        return acc;
    }

    private static long foldL(BinaryOp op, long[] b, int n, boolean have, long acc, DType t) {
        int i = 0;
        if (!have) acc = b[i++];
        for (; i < n; i++) acc = op.applyL(acc, b[i], t);
        return acc;
    }

    static double pairwiseArray(double[] b, int from, int n) {
        if (n <= BLOCK) {
            double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                r0 += b[from + i];
                r1 += b[from + i + 1];
                r2 += b[from + i + 2];
                r3 += b[from + i + 3];
            }
            double r = (r0 + r1) + (r2 + r3);
            for (; i < n; i++) r += b[from + i];
            return r;
        }
        int half = (n / 2) & ~7;
        return pairwiseArray(b, from, half) + pairwiseArray(b, from + half, n - half);
    }

    /**
     * Running fold of {@code op} along {@code axis} (NumPy's accumulate): out has a's shape and dtype
     * op.outType(a.dtype()).
     */
    public static void accumulate(BinaryOp op, NDArray a, int axis, NDArray out) {
        if (a.dtype().kind() == 'c') { ComplexReductions.accumulate(op, a, axis, out); return; }
        DType t = a.dtype(), ot = out.dtype();
        long[] shape = a.shape();
        long n = shape[axis];
        long sa = a.strides()[axis], so = out.strides()[axis];
        long[] outer = shape.clone();
        outer[axis] = 1;
        long[][] strides = {a.strides(), out.strides()};
        MemorySegment as = a.segment(), os = out.segment();
        boolean fl = t.isFloating(), f32 = t == DType.FLOAT32;
        Iteration.run(outer, strides, new long[]{a.offset(), out.offset()}, (off, st, cnt) -> {
            for (long k = 0; k < cnt; k++) {
                long ao = off[0] + k * st[0], oo = off[1] + k * st[1];
                if (fl) {
                    double acc = 0;
                    for (long i = 0; i < n; i++) {
                        double x = Elements.getDouble(t, as, ao + i * sa);
                        acc = i == 0 ? x : op.applyD(acc, x, f32);
                        if (f32) acc = (float) acc;
                        Elements.setDouble(ot, os, oo + i * so, acc);
                    }
                } else {
                    long acc = 0;
                    for (long i = 0; i < n; i++) {
                        long x = Elements.getLong(t, as, ao + i * sa);
                        acc = i == 0 ? x : op.applyL(acc, x, t);
                        Elements.setLong(ot, os, oo + i * so, acc);
                        acc = Elements.getLong(ot, os, oo + i * so); // wrap as the output type does
                    }
                }
            }
        });
    }

    /** Index of the first maximum (or minimum) along {@code axis}; NaN counts as the extreme, as NumPy. out: int64, a's shape without axis. */
    public static void argExtreme(NDArray a, int axis, boolean max, NDArray out) {
        DType t = a.dtype();
        long[] shape = a.shape();
        long n = shape[axis];
        if (n == 0) throw GilfreeException.value("attempt to get " + (max ? "argmax" : "argmin") + " of an empty sequence");
        long sa = a.strides()[axis];
        long[] outer = shape.clone();
        outer[axis] = 1;
        long[] ost = new long[shape.length];
        long[] oc = out.strides();
        for (int i = 0, k = 0; i < shape.length; i++) ost[i] = i == axis ? 0 : oc[k++];
        MemorySegment as = a.segment(), os = out.segment();
        boolean fl = t.isFloating(), u64 = t == DType.UINT64;
        Iteration.run(outer, new long[][]{a.strides(), ost}, new long[]{a.offset(), out.offset()}, (off, st, cnt) -> {
            for (long k = 0; k < cnt; k++) {
                long ao = off[0] + k * st[0];
                long best = 0;
                if (t.kind() == 'c') {
                    best = argExtremeComplex(t, as, ao, sa, n, max);
                } else if (fl) {
                    double bv = Elements.getDouble(t, as, ao);
                    for (long i = 1; i < n && !Double.isNaN(bv); i++) {
                        double x = Elements.getDouble(t, as, ao + i * sa);
                        if (Double.isNaN(x) || (max ? x > bv : x < bv)) { bv = x; best = i; }
                    }
                } else {
                    long bv = Elements.getLong(t, as, ao);
                    for (long i = 1; i < n; i++) {
                        long x = Elements.getLong(t, as, ao + i * sa);
                        int c = u64 ? Long.compareUnsigned(x, bv) : Long.compare(x, bv);
                        if (max ? c > 0 : c < 0) { bv = x; best = i; }
                    }
                }
                os.set(ValueLayout.JAVA_LONG_UNALIGNED, off[1] + k * st[1], best);
            }
        });
    }

    // NumPy's complex argmax/argmin: lexicographic, the first element with a NaN part wins outright
    private static long argExtremeComplex(DType t, MemorySegment s, long off, long stride, long n, boolean max) {
        double br = Elements.getDouble(t, s, off), bi = Elements.getImag(t, s, off);
        long best = 0;
        for (long i = 1; i < n && !Double.isNaN(br) && !Double.isNaN(bi); i++) {
            double xr = Elements.getDouble(t, s, off + i * stride), xi = Elements.getImag(t, s, off + i * stride);
            boolean wins = max ? xr > br || xr == br && xi > bi : xr < br || xr == br && xi < bi;
            if (wins || Double.isNaN(xr) || Double.isNaN(xi)) { br = xr; bi = xi; best = i; }
        }
        return best;
    }
}
