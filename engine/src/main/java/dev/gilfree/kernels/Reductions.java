package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Half;
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

    /** Sum modulo 2^64 of an integer or bool array (NumPy's int64/uint64 sum). */
    public static long sumInt64(NDArray a) { return IntegerSums.sum(a); }

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
    public static void reduce(BinaryOp op, NDArray a, DType t, boolean[] reduced, NDArray where, Object init, Object empty, NDArray out) {
        DType rt = a.dtype(); // read in its own width, folded as t (an integer type rt widens into exactly)
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
        if (where == null && nd > 0 && !reduced[nd - 1] && rt == t && accumulateOuter(op, a, ks, kst, rs, rst, init, out)) return;
        MemorySegment seg = a.segment(), ws = where != null ? where.segment() : null, os = out.segment();
        DType ot = out.dtype();
        boolean fl = t.isFloating();
        boolean f32 = t == DType.FLOAT32;
        double[] bd = fl ? new double[CHUNK] : null;
        long[] bl = fl ? null : new long[CHUNK];
        // float32 sums as NumPy rounds them: in its buffered blocks when the last axis is reduced (NumPy's inner
        // loop then runs along it), else element by element in order (out += slice, as NumPy does)
        boolean f32add = t == DType.FLOAT32 && rt == t && op == BinaryOp.ADD && where == null && nd > 0 && innermostLast(shape, st);
        if (f32add && reduced[nd - 1]) {
            Float32Sums.reduceAxes(a, reduced, init instanceof Number nn ? nn.floatValue() : 0f, out);
            return;
        }
        Fold f = new Fold(op, t, f32add);
        long nOut = Layout.size(ks);
        long[] kidx = new long[nk];
        long base = a.offset(), wbase = where != null ? where.offset() : 0;
        for (long o = 0; o < nOut; o++) {
            // fold one output element
            f.reset(init);
            int fill = 0;
            long total = Layout.size(rs);
            if (ws == null && rs.length > 0) {
                // A run is the innermost reduced axis: read in typed chunks, the outer reduced axes walked per run.
                int last = rs.length - 1;
                long rl = rs[last], rstr = rst[last], runs = rl == 0 ? 0 : total / rl;
                long[] ridx = new long[last];
                long off = base;
                boolean direct = rt == t && rstr == t.itemsize() && DirectFolds.applies(op, t, rl);
                runs:
                for (long r = 0; r < runs; r++) {
                    if (direct) {
                        if (fl) f.absorb(DirectFolds.foldDouble(op, t, seg, off, rl));
                        else f.absorb(DirectFolds.foldLong(op, t, seg, off, rl));
                    }
                    for (long k = direct ? rl : 0; k < rl; ) {
                        int m = (int) Math.min(CHUNK - fill, rl - k);
                        if (fl) TypedRuns.gatherD(rt, seg, off + k * rstr, rstr, bd, fill, m);
                        else TypedRuns.gatherL(rt, seg, off + k * rstr, rstr, bl, fill, m);
                        fill += m;
                        k += m;
                        if (fill == CHUNK) {
                            fill = f.chunk(bd, bl, fill);
                            if (f.decided()) break runs; // any/all: the rest cannot change the result
                        }
                    }
                    for (int ax = last - 1; ax >= 0; ax--) {
                        off += rst[ax];
                        if (++ridx[ax] < rs[ax]) break;
                        off -= rst[ax] * rs[ax];
                        ridx[ax] = 0;
                    }
                }
                total = 0; // done: the element loop below is for where= (and 0-d reductions)
            }
            long[] ridx = new long[rs.length];
            long off = base, woff = wbase;
            for (long j = 0; j < total; j++) {
                if (ws == null || ws.get(ValueLayout.JAVA_BYTE, woff) != 0) {
                    if (fl) bd[fill++] = Elements.getDouble(rt, seg, off); else bl[fill++] = Elements.getLong(rt, seg, off);
                    if (fill == CHUNK) fill = f.chunk(bd, bl, fill);
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
            f.finish(bd, bl, fill, init);
            if (!f.have && empty instanceof Number e) {
                f.accD = e.doubleValue();
                f.accL = e.longValue();
                f.have = true;
            }
            if (!f.have) {
                throw GilfreeException.value("zero-size array to reduction operation " + op.ufuncName() + " which has no identity");
            }
            long oo = o * ot.itemsize();
            if (fl) Elements.setDouble(ot, os, oo, f.accD); else Elements.setLong(ot, os, oo, f.accL);
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

    /** Whether the last axis has the smallest stride, so NumPy's inner loop runs along it (C order). */
    private static boolean innermostLast(long[] shape, long[] st) {
        int nd = shape.length;
        for (int d = 0; d < nd - 1; d++) if (shape[d] > 1 && Math.abs(st[d]) < Math.abs(st[nd - 1])) return false;
        return true;
    }

    /**
     * Reduction over outer axes when the array's last axis is kept and contiguous (sum(axis=0) of a C-order
     * matrix): out = op(out, slice) for each reduced index, elementwise through the SIMD binary loops, which
     * is also NumPy's order (and its float32 rounding). Folding each output element on its own read one column
     * at a time across every row (max over axis 0 of 1000x10000: 32 ms, NumPy 8). Not for results of another
     * dtype (any/all). Returns false when it does not apply.
     */
    private static boolean accumulateOuter(BinaryOp op, NDArray a, long[] ks, long[] kst, long[] rs, long[] rst,
                                           Object init, NDArray out) {
        DType t = a.dtype();
        if (op.boolOut() || op.outType(t) != t || t.kind() == 'c') return false;
        long total = Layout.size(rs), kept = Layout.size(ks);
        // float16 always: NumPy's half loop rounds out = op(out, slice) at each step, which a fold in double would not
        if (rs.length == 0 || total == 0 || kept < 64 && t != DType.FLOAT16 || kst[ks.length - 1] != t.itemsize()) return false;
        long[] ridx = new long[rs.length];
        long off = a.offset();
        for (long r = 0; r < total; r++) {
            NDArray slice = a.view(new Layout(ks, kst, off));
            if (r > 0 || init != null) {
                if (r == 0) Copy.into(initial(t, init), out);
                Elementwise.binary(op, out, slice, out);
            } else {
                Copy.into(slice, out);
            }
            for (int ax = rs.length - 1; ax >= 0; ax--) {
                off += rst[ax];
                if (++ridx[ax] < rs[ax]) break;
                off -= rst[ax] * rs[ax];
                ridx[ax] = 0;
            }
        }
        return true;
    }

    private static NDArray initial(DType t, Object init) {
        NDArray v = NDArray.zeros(t, new long[0]);
        if (init instanceof Double d) Elements.setDouble(t, v.segment(), 0, d); else Elements.setLong(t, v.segment(), 0, (Long) init);
        return v;
    }

    /** The running state of one output element's fold: chunks come in, the result comes out. */
    private static final class Fold {
        final BinaryOp op;
        final DType t;
        final boolean fl, f32, pairwise, sequential32;
        double accD;
        long accL;
        boolean have;
        double[] partials = new double[16];
        int np;

        /** sequential32: a float32 sum added element by element in float32 from 0 (NumPy's out += x). */
        Fold(BinaryOp op, DType t, boolean sequential32) {
            this.op = op;
            this.t = t;
            fl = t.isFloating();
            f32 = t == DType.FLOAT32;
            this.sequential32 = sequential32;
            pairwise = fl && op == BinaryOp.ADD && !sequential32;
        }

        void reset(Object init) {
            have = init != null;
            accD = init instanceof Number nn ? nn.doubleValue() : 0;
            accL = init instanceof Number nn ? nn.longValue() : 0;
            if (init instanceof Double dd && !fl) accL = (long) dd.doubleValue();
            np = 0;
        }

        /** Folds in the result of a whole run folded elsewhere (DirectFolds). */
        void absorb(double v) {
            accD = have ? op.applyD(accD, v, f32) : v;
            have = true;
        }

        void absorb(long v) {
            accL = have ? op.applyL(accL, v, t) : v;
            have = true;
        }

        /** True once a logical_or (any) has met a true element or a logical_and (all) a false one. */
        boolean decided() {
            if (!have || (op != BinaryOp.LOGICAL_OR && op != BinaryOp.LOGICAL_AND)) return false;
            boolean value = fl ? accD != 0 : accL != 0;
            return value == (op == BinaryOp.LOGICAL_OR);
        }

        /** Folds a full (or the last, partial) chunk; returns the new fill, 0. */
        int chunk(double[] bd, long[] bl, int fill) {
            if (sequential32) {
                float acc = have ? (float) accD : 0f;
                for (int i = 0; i < fill; i++) acc += (float) bd[i];
                accD = acc;
            } else if (pairwise) {
                if (np == partials.length) partials = java.util.Arrays.copyOf(partials, np * 2);
                partials[np++] = pairwiseArray(bd, 0, fill);
            } else if (fl) {
                accD = ChunkFolds.foldD(op, bd, fill, have, accD, f32);
            } else {
                accL = ChunkFolds.foldL(op, bl, fill, have, accL, t);
            }
            have = true;
            return 0;
        }

        void finish(double[] bd, long[] bl, int fill, Object init) {
            if (fill > 0) chunk(bd, bl, fill);
            if (pairwise && np > 0) {
                // chunk sums are summed pairwise too, so the error grows like log n over the whole reduction
                double s = pairwiseArray(partials, 0, np);
                accD = init != null ? accD + s : s;
            }
        }
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
    public static void accumulate(BinaryOp op, NDArray a, DType t, int axis, NDArray out) {
        if (a.dtype().kind() == 'c') { ComplexReductions.accumulate(op, a, axis, out); return; }
        DType rt = a.dtype(), ot = out.dtype(); // read as rt, folded as t (rt == t, or an integer type t widens)
        long[] shape = a.shape();
        long n = shape[axis];
        long sa = a.strides()[axis], so = out.strides()[axis];
        long[] outer = shape.clone();
        outer[axis] = 1;
        long[][] strides = {a.strides(), out.strides()};
        MemorySegment as = a.segment(), os = out.segment();
        boolean fl = t.isFloating(), f32 = t == DType.FLOAT32, f16 = t == DType.FLOAT16;
        Iteration.run(outer, strides, new long[]{a.offset(), out.offset()}, (off, st, cnt) -> {
            for (long k = 0; k < cnt; k++) {
                long ao = off[0] + k * st[0], oo = off[1] + k * st[1];
                if (fl) {
                    double acc = 0;
                    for (long i = 0; i < n; i++) {
                        double x = Elements.getDouble(rt, as, ao + i * sa);
                        acc = i == 0 ? x : op.applyD(acc, x, f32 || f16);
                        if (f32) acc = (float) acc;
                        if (f16) acc = Half.toDouble(Half.fromFloat((float) acc)); // NumPy's half loop: float32, then rounded
                        Elements.setDouble(ot, os, oo + i * so, acc);
                    }
                } else if (op == BinaryOp.ADD && ot.itemsize() == 8) {
                    IntegerSums.cumsum(rt, as, ao, sa, os, oo, so, n);
                } else {
                    long acc = 0;
                    for (long i = 0; i < n; i++) {
                        long x = Elements.getLong(rt, as, ao + i * sa);
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
                } else if (sa == t.itemsize() && ArgExtremes.applies(t, n)) {
                    best = ArgExtremes.first(t, max, as, ao, n);
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
