package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Binary operations on inputs of other dtypes than the loop's (int16 + float32 runs the float32 loop)
 * without converting whole inputs first: NumPy's buffered iteration. Each thread converts a block of each
 * input that needs it into its own small buffer, runs the block through the loop's SIMD code and moves on,
 * so the temporaries are a few KiB per thread instead of a converted copy of every input (for an int16 +
 * float32 sum of 200M elements, 800 MB). The conversions are those of astype (Copy), so results are the same.
 */
final class ConvertingLoops {
    private ConvertingLoops() {}

    /** Elements per block: two 8 KiB float64 buffers stay in the L1/L2 caches. */
    private static final int BLOCK = 1024;
    private static final long REGION = BLOCK * 16L;

    /** Per-thread scratch: the two converted blocks. */
    private static final class Scratch {
        final MemorySegment buf = Arena.ofAuto().allocate(2 * REGION, 64);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** True when {@link #binary} can run op's loop t over inputs of dtypes x and y (real conversions only). */
    static boolean applies(DType t, DType x, DType y) {
        return t.kind() != 'c' && t.itemsize() <= 16
                && (x == t || Copy.convertsByRun(x, t)) && (y == t || Copy.convertsByRun(y, t));
    }

    /** out = op(a, b) in loop dtype t, a and b of any dtypes {@link #applies} accepts, broadcast to out's shape. */
    static int binary(BinaryOp op, DType t, NDArray a, NDArray b, NDArray out) {
        long[] shape = out.shape();
        long[][] strides = {
            Iteration.broadcastStrides(a.shape(), a.strides(), shape),
            Iteration.broadcastStrides(b.shape(), b.strides(), shape),
            out.strides()};
        long[] offsets = {a.offset(), b.offset(), out.offset()};
        MemorySegment as = a.segment(), bs = b.segment(), os = out.segment();
        DType at = a.dtype(), bt = b.dtype();
        int isz = t.itemsize();
        return Iteration.runSplit(shape, strides, offsets, (off, st, n) -> {
            Scratch sc = SCRATCH.get();
            int flags = 0;
            for (long i = 0; i < n; i += BLOCK) {
                long m = Math.min(BLOCK, n - i);
                // an input already of the loop's dtype is read in place; a broadcast one is converted once
                boolean ca = at != t, cb = bt != t;
                long am = st[0] == 0 ? 1 : m, bm = st[1] == 0 ? 1 : m;
                if (ca) Copy.convert(at, as, off[0] + i * st[0], st[0], t, sc.buf, 0, isz, am);
                if (cb) Copy.convert(bt, bs, off[1] + i * st[1], st[1], t, sc.buf, REGION, isz, bm);
                flags |= BinaryLoops.run(op, t,
                        ca ? sc.buf : as, ca ? 0 : off[0] + i * st[0], ca ? (st[0] == 0 ? 0 : isz) : st[0],
                        cb ? sc.buf : bs, cb ? REGION : off[1] + i * st[1], cb ? (st[1] == 0 ? 0 : isz) : st[1],
                        os, off[2] + i * st[2], st[2], m);
            }
            return flags;
        });
    }
}
