package dev.gilfree.kernels;

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
    public static long countTrue(NDArray mask) {
        MemorySegment m = mask.segment();
        long[] count = {0};
        Iteration.run(mask.shape(), new long[][]{mask.strides()}, new long[]{mask.offset()}, (off, st, n) -> {
            long c = 0, o = off[0], s = st[0];
            for (long i = 0; i < n; i++) c += m.get(B, o + i * s) != 0 ? 1 : 0;
            count[0] += c;
        });
        return count[0];
    }

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

    /** out = cond ? x : y elementwise; cond (bool), x and y broadcast to out's shape; x, y and out share a dtype. */
    public static void choose(NDArray cond, NDArray x, NDArray y, NDArray out) {
        long[] shape = out.shape();
        long[][] strides = {Iteration.broadcastStrides(cond.shape(), cond.strides(), shape),
            Iteration.broadcastStrides(x.shape(), x.strides(), shape), Iteration.broadcastStrides(y.shape(), y.strides(), shape),
            out.strides()};
        MemorySegment c = cond.segment(), xs = x.segment(), ys = y.segment(), o = out.segment();
        int w = out.itemsize();
        Iteration.run(shape, strides, new long[]{cond.offset(), x.offset(), y.offset(), out.offset()}, (off, st, n) -> {
            long co = off[0], cs = st[0], xo = off[1], xst = st[1], yo = off[2], yst = st[2], oo = off[3], os = st[3];
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
        });
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
