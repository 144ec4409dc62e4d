package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Element choice by a bool mask, with copy loops typed by the element width (not one MemorySegment.copy
 * call per element): where(cond, x, y), the masked copy behind where= and, for a mask of the array's own
 * shape, a[mask] and a[mask] = v (the common case of boolean indexing) in one pass each instead of
 * nonzero() indices and a gather. Runs are walked in C order.
 */
public final class Masked {
    private Masked() {}

    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    /** Number of true (non-zero) elements of a bool array. */
    public static long countTrue(NDArray mask) { return Nonzero.count(mask); }

    /** out[0..count) = the elements of a where mask (same shape) is true, in C order; out is 1-d, contiguous. */
    public static void select(NDArray a, NDArray mask, NDArray out) {
        MemorySegment s = a.segment(), m = mask.segment(), o = out.segment();
        int w = a.itemsize();
        long[] at = {out.offset()};
        Iteration.run(a.shape(), new long[][]{a.strides(), mask.strides()}, new long[]{a.offset(), mask.offset()},
                (off, st, n) -> at[0] = gather(s, off[0], st[0], m, off[1], st[1], o, at[0], w, n));
    }

    /**
     * a[mask] = values: values is one element (broadcast to every true position) or a 1-d contiguous
     * array of countTrue(mask) elements, of a's dtype.
     */
    public static void assign(NDArray a, NDArray mask, NDArray values) {
        MemorySegment d = a.segment(), m = mask.segment(), v = values.segment();
        int w = a.itemsize();
        long step = values.size() == 1 ? 0 : w;
        long[] at = {values.offset()};
        Iteration.run(a.shape(), new long[][]{a.strides(), mask.strides()}, new long[]{a.offset(), mask.offset()},
                (off, st, n) -> at[0] = scatter(v, at[0], step, d, off[0], st[0], m, off[1], st[1], w, n));
    }

    /**
     * out = x where cond else y, all broadcast to out's shape. x and y of another real dtype than out's are
     * converted a block at a time inside the loop (as astype converts), not as whole converted copies.
     */
    public static void choose(NDArray cond, NDArray x, NDArray y, NDArray out) {
        long[] shape = out.shape();
        long[][] strides = {Iteration.broadcastStrides(cond.shape(), cond.strides(), shape),
            Iteration.broadcastStrides(x.shape(), x.strides(), shape), Iteration.broadcastStrides(y.shape(), y.strides(), shape),
            out.strides()};
        MemorySegment c = cond.segment(), xs = x.segment(), ys = y.segment(), o = out.segment();
        DType t = out.dtype(), xt = x.dtype(), yt = y.dtype();
        int w = out.itemsize();
        long[] offsets = {cond.offset(), x.offset(), y.offset(), out.offset()};
        if (xt == t && yt == t) {
            Iteration.run(shape, strides, offsets, (off, st, n) ->
                    chooseRun(w, c, off[0], st[0], xs, off[1], st[1], ys, off[2], st[2], o, off[3], st[3], n));
            return;
        }
        if (!Copy.convertsByRun(xt, t) && xt != t || !Copy.convertsByRun(yt, t) && yt != t) {
            choose(cond, xt == t ? x : Copy.astype(x, t), yt == t ? y : Copy.astype(y, t), out);
            return;
        }
        MemorySegment buf = java.lang.foreign.Arena.ofAuto().allocate(2L * BLOCK * w, 64);
        Iteration.run(shape, strides, offsets, (off, st, n) -> {
            for (long i = 0; i < n; i += BLOCK) {
                long m = Math.min(BLOCK, n - i);
                boolean cx = xt != t, cy = yt != t;
                if (cx) Copy.convert(xt, xs, off[1] + i * st[1], st[1], t, buf, 0, w, st[1] == 0 ? 1 : m);
                if (cy) Copy.convert(yt, ys, off[2] + i * st[2], st[2], t, buf, (long) BLOCK * w, w, st[2] == 0 ? 1 : m);
                chooseRun(w, c, off[0] + i * st[0], st[0],
                        cx ? buf : xs, cx ? 0 : off[1] + i * st[1], cx ? (st[1] == 0 ? 0 : w) : st[1],
                        cy ? buf : ys, cy ? (long) BLOCK * w : off[2] + i * st[2], cy ? (st[2] == 0 ? 0 : w) : st[2],
                        o, off[3] + i * st[3], st[3], m);
            }
        });
    }

    /** Elements of x and y converted at a time by {@link #choose}. */
    private static final int BLOCK = 1024;

    private static void chooseRun(int w, MemorySegment c, long co, long cs, MemorySegment xs, long xo, long xst,
                                  MemorySegment ys, long yo, long yst, MemorySegment o, long oo, long os, long n) {
        switch (w) {
            case 8 -> { for (long i = 0; i < n; i++) o.set(L, oo + i * os, c.get(B, co + i * cs) != 0 ? xs.get(L, xo + i * xst) : ys.get(L, yo + i * yst)); }
            case 4 -> { for (long i = 0; i < n; i++) o.set(I, oo + i * os, c.get(B, co + i * cs) != 0 ? xs.get(I, xo + i * xst) : ys.get(I, yo + i * yst)); }
            case 2 -> { for (long i = 0; i < n; i++) o.set(S, oo + i * os, c.get(B, co + i * cs) != 0 ? xs.get(S, xo + i * xst) : ys.get(S, yo + i * yst)); }
            case 1 -> { for (long i = 0; i < n; i++) o.set(B, oo + i * os, c.get(B, co + i * cs) != 0 ? xs.get(B, xo + i * xst) : ys.get(B, yo + i * yst)); }
            default -> {
                for (long i = 0; i < n; i++) {
                    if (c.get(B, co + i * cs) != 0) MemorySegment.copy(xs, xo + i * xst, o, oo + i * os, w);
                    else MemorySegment.copy(ys, yo + i * yst, o, oo + i * os, w);
                }
            }
        }
    }

    // Run element i (source stride ss) goes to the next packed output element when mask[i] is true.
    private static long gather(MemorySegment s, long so, long ss, MemorySegment m, long mo, long ms,
                               MemorySegment o, long oo, int w, long n) {
        switch (w) {
            case 8 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { o.set(L, oo, s.get(L, so + i * ss)); oo += 8; } }
            case 4 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { o.set(I, oo, s.get(I, so + i * ss)); oo += 4; } }
            case 2 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { o.set(S, oo, s.get(S, so + i * ss)); oo += 2; } }
            case 1 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { o.set(B, oo, s.get(B, so + i * ss)); oo += 1; } }
            default -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { MemorySegment.copy(s, so + i * ss, o, oo, w); oo += w; } }
        }
        return oo;
    }

    // The next value (values advance by `step` bytes: 0 repeats one value) goes to run element i (stride ds)
    // when mask[i] is true.
    private static long scatter(MemorySegment v, long vo, long step, MemorySegment d, long dso, long ds,
                                MemorySegment m, long mo, long ms, int w, long n) {
        switch (w) {
            case 8 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { d.set(L, dso + i * ds, v.get(L, vo)); vo += step; } }
            case 4 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { d.set(I, dso + i * ds, v.get(I, vo)); vo += step; } }
            case 2 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { d.set(S, dso + i * ds, v.get(S, vo)); vo += step; } }
            case 1 -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { d.set(B, dso + i * ds, v.get(B, vo)); vo += step; } }
            default -> { for (long i = 0; i < n; i++) if (m.get(B, mo + i * ms) != 0) { MemorySegment.copy(v, vo, d, dso + i * ds, w); vo += step; } }
        }
        return vo;
    }
}
