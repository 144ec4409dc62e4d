package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The fused evaluator (numexpr's design): a {@link Program} of element-wise steps runs over the result in
 * blocks of {@link #BLOCK} elements, every step of a block before the next block, so each input is read once
 * and the temporaries stay in cache instead of making a pass over memory per operation. Each step calls the
 * same 1-D loops the unfused ufuncs call ({@link BinaryLoops}, {@link UnaryLoops}, {@link Copy#convert}) on
 * strided runs, so results are those of the unfused chain bit for bit. Large results split over cores as the
 * ufuncs do ({@link Iteration#runSplit}).
 */
public final class Blockwise {
    private Blockwise() {}

    /** Elements per block: a few steps' scratch (16 bytes an element at most) stays in L2. */
    public static final int BLOCK = 2048;

    /** Ops whose floating-point flags are kept apart (the rest share the last slot): 6 slots of 4 bits. */
    public static final int SLOTS = 6;

    /** One step of a program; step i writes register i (a strided run of {@link Program#types}[i]). */
    public sealed interface Step permits Load, Constant, Convert, Unary, Binary, Select, Part {}

    /** Input array {@code input}, read where it lies (no copy). */
    public record Load(int input) implements Step {}

    /** A scalar (one element of its register's dtype), read with stride 0. */
    public record Constant(MemorySegment value) implements Step {}

    /** Register {@code src} converted to this step's dtype (NumPy's cast of a ufunc input to the loop's dtype). */
    public record Convert(int src) implements Step {}

    /** Unary ufunc loop of dtype {@code loop} over register {@code a}; its flags go to {@code slot}. */
    public record Unary(UnaryOp op, DType loop, int a, int slot) implements Step {}

    /** Binary ufunc loop of dtype {@code loop} over registers {@code a}, {@code b}; its flags go to {@code slot}. */
    public record Binary(BinaryOp op, DType loop, int a, int b, int slot) implements Step {}

    /** {@code cond ? x : y} element by element (cond a bool register; x, y of this step's dtype). */
    public record Select(int cond, int x, int y) implements Step {}

    /** The real or imaginary part of complex register {@code src}: a strided view, no copy. */
    public record Part(int src, boolean imag) implements Step {}

    /** Steps in evaluation order and the dtype of each step's register; the last register is the result. */
    public record Program(Step[] steps, DType[] types) {
        public DType resultType() { return types[types.length - 1]; }
    }

    /**
     * Runs {@code p} over every element of {@code out} (the inputs broadcast to its shape) and writes the result,
     * converted to out's dtype. {@code out} must not overlap an input other than element for element. Returns
     * the {@link FpFlags} met: bits 0-3 all of them, then 4 bits per slot ({@link #SLOTS}) for the op in it.
     */
    public static int run(Program p, NDArray[] inputs, NDArray out) {
        int nin = inputs.length;
        long[] shape = out.shape();
        long[][] strides = new long[nin + 1][];
        long[] offsets = new long[nin + 1];
        MemorySegment[] segs = new MemorySegment[nin + 1];
        for (int i = 0; i < nin; i++) {
            strides[i] = Iteration.broadcastStrides(inputs[i].shape(), inputs[i].strides(), shape);
            offsets[i] = inputs[i].offset();
            segs[i] = inputs[i].segment();
        }
        strides[nin] = out.strides();
        offsets[nin] = out.offset();
        segs[nin] = out.segment();
        DType outType = out.dtype();
        Step last = p.steps[p.steps.length - 1];
        // The last step writes straight into out when it computes (not a view) and its dtype is out's.
        boolean direct = p.resultType() == outType && !(last instanceof Load || last instanceof Constant || last instanceof Part);
        return Iteration.runSplit(shape, strides, offsets, (off, st, n) -> blocks(p, segs, off, st, n, outType, direct, null));
    }

    /**
     * Whether {@link #fold} applies: a float32/float64 result of inputs that are each C-contiguous in the
     * result's shape or a single element, so the result is one run of {@code n} elements (n > 0).
     */
    public static boolean foldable(Program p, NDArray[] inputs, long[] shape, long n) {
        if (n == 0 || (p.resultType() != DType.FLOAT64 && p.resultType() != DType.FLOAT32)) return false;
        for (NDArray a : inputs) {
            if (a.size() != 1 && !(a.isCContiguous() && java.util.Arrays.equals(a.shape(), shape))) return false;
        }
        return true;
    }

    /**
     * The program's result over {@code n} elements ({@link #foldable}) reduced by {@code op} (ADD, MAXIMUM or
     * MINIMUM) without being stored: each block is folded where it was computed, in double (pairwise sums
     * within a block, as NumPy's pairwise summation does within its own blocks). Parts of the range run on
     * several cores and combine in index order, so the value does not depend on the thread count's timing.
     * {@code flags[0]} receives the program's floating-point flags.
     */
    public static double fold(Program p, NDArray[] inputs, long n, BinaryOp op, int[] flags) {
        int nin = inputs.length;
        MemorySegment[] segs = new MemorySegment[nin + 1];
        for (int i = 0; i < nin; i++) segs[i] = inputs[i].segment();
        long part = dev.gilfree.exec.Parallel.worthSplitting(n) ? dev.gilfree.exec.Parallel.CHUNK_ELEMENTS : n;
        int count = (int) ((n + part - 1) / part);
        double[] parts = new double[count];
        flags[0] = dev.gilfree.exec.Parallel.run(count, i -> {
            long start = i * part, len = Math.min(part, n - start);
            long[] off = new long[nin + 1], st = new long[nin + 1];
            for (int k = 0; k < nin; k++) {
                st[k] = inputs[k].size() == 1 ? 0 : inputs[k].itemsize();
                off[k] = inputs[k].offset() + start * st[k];
            }
            Fold f = new Fold(op);
            int fl = blocks(p, segs, off, st, len, null, false, f);
            parts[i] = f.acc;
            return fl;
        });
        double acc = parts[0];
        for (int i = 1; i < count; i++) acc = Fold.combine(op, acc, parts[i]);
        return acc;
    }

    /** One part's running reduction: each block's elements read as doubles and folded into acc. */
    private static final class Fold {
        final BinaryOp op;
        final double[] buf = new double[BLOCK];
        double acc;
        boolean have;

        Fold(BinaryOp op) { this.op = op; }

        void block(DType t, MemorySegment s, long off, long st, int m) {
            TypedRuns.gatherD(t, s, off, st, buf, 0, m);
            double v;
            if (op == BinaryOp.ADD) {
                v = Reductions.pairwiseArray(buf, 0, m);
            } else {
                v = buf[0];
                for (int k = 1; k < m; k++) v = combine(op, v, buf[k]);
            }
            acc = have ? combine(op, acc, v) : v;
            have = true;
        }

        // maximum/minimum propagate NaN, as NumPy's do
        static double combine(BinaryOp op, double a, double b) {
            return switch (op) {
                case ADD -> a + b;
                case MAXIMUM -> a != a || b != b ? Double.NaN : Math.max(a, b);
                default -> a != a || b != b ? Double.NaN : Math.min(a, b);
            };
        }
    }

    /** One run of n result elements (operand k at segs[k] + off[k], stride st[k]), a block at a time: into the
     * last operand (out), or into {@code fold} when there is one. */
    private static int blocks(Program p, MemorySegment[] segs, long[] off, long[] st, long n, DType outType, boolean direct, Fold fold) {
        Step[] steps = p.steps;
        DType[] types = p.types;
        int ns = steps.length, last = ns - 1, o = segs.length - 1;
        Frame f = Frame.get(ns);
        MemorySegment[] rs = f.seg;
        long[] ro = f.off, rst = f.str;
        int flags = 0;
        for (long start = 0; start < n; start += BLOCK) {
            int m = (int) Math.min(BLOCK, n - start);
            for (int i = 0; i < ns; i++) {
                MemorySegment d;
                long dOff, dSt;
                if (direct && i == last) {
                    d = segs[o];
                    dOff = off[o] + start * st[o];
                    dSt = st[o];
                } else {
                    d = f.scratch;
                    dOff = (long) i * BLOCK * 16;
                    dSt = types[i].itemsize();
                }
                switch (steps[i]) {
                    case Load l -> {
                        d = segs[l.input()];
                        dOff = off[l.input()] + start * st[l.input()];
                        dSt = st[l.input()];
                    }
                    case Constant c -> {
                        d = c.value();
                        dOff = 0;
                        dSt = 0;
                    }
                    case Part pt -> {
                        d = rs[pt.src()];
                        dOff = ro[pt.src()] + (pt.imag() ? types[pt.src()].itemsize() / 2 : 0);
                        dSt = rst[pt.src()];
                    }
                    case Convert c -> Copy.convert(types[c.src()], rs[c.src()], ro[c.src()], rst[c.src()], types[i], d, dOff, dSt, m);
                    case Unary u -> flags |= slotted(UnaryLoops.run(u.op(), u.loop(), rs[u.a()], ro[u.a()], rst[u.a()], d, dOff, dSt, m), u.slot());
                    case Binary b -> flags |= slotted(BinaryLoops.run(b.op(), b.loop(), rs[b.a()], ro[b.a()], rst[b.a()],
                            rs[b.b()], ro[b.b()], rst[b.b()], d, dOff, dSt, m), b.slot());
                    case Select s -> select(rs[s.cond()], ro[s.cond()], rst[s.cond()], rs[s.x()], ro[s.x()], rst[s.x()],
                            rs[s.y()], ro[s.y()], rst[s.y()], d, dOff, dSt, types[i].itemsize(), m);
                }
                rs[i] = d;
                ro[i] = dOff;
                rst[i] = dSt;
            }
            if (fold != null) fold.block(types[last], rs[last], ro[last], rst[last], m);
            else if (!direct) Copy.convert(types[last], rs[last], ro[last], rst[last], outType, segs[o], off[o] + start * st[o], st[o], m);
        }
        return flags;
    }

    /** Flags of the op in {@code slot}: in the low 4 bits (all ops) and in the slot's own 4 bits. */
    private static int slotted(int flags, int slot) {
        return flags == 0 ? 0 : flags | flags << (4 + 4 * Math.min(slot, SLOTS - 1));
    }

    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;

    // where(): one loop per element width, so each moves whole elements without a per-element switch.
    private static void select(MemorySegment c, long co, long cs, MemorySegment x, long xo, long xs, MemorySegment y, long yo, long ys,
                               MemorySegment d, long dOff, long dSt, int width, int m) {
        switch (width) {
            case 8 -> { for (int k = 0; k < m; k++) d.set(L, dOff + k * dSt, c.get(B, co + k * cs) != 0 ? x.get(L, xo + k * xs) : y.get(L, yo + k * ys)); }
            case 4 -> { for (int k = 0; k < m; k++) d.set(I, dOff + k * dSt, c.get(B, co + k * cs) != 0 ? x.get(I, xo + k * xs) : y.get(I, yo + k * ys)); }
            case 2 -> { for (int k = 0; k < m; k++) d.set(S, dOff + k * dSt, c.get(B, co + k * cs) != 0 ? x.get(S, xo + k * xs) : y.get(S, yo + k * ys)); }
            case 1 -> { for (int k = 0; k < m; k++) d.set(B, dOff + k * dSt, c.get(B, co + k * cs) != 0 ? x.get(B, xo + k * xs) : y.get(B, yo + k * ys)); }
            default -> { // complex128: two longs
                for (int k = 0; k < m; k++) {
                    boolean t = c.get(B, co + k * cs) != 0;
                    long so = t ? xo + k * xs : yo + k * ys;
                    MemorySegment s = t ? x : y;
                    d.set(L, dOff + k * dSt, s.get(L, so));
                    d.set(L, dOff + k * dSt + 8, s.get(L, so + 8));
                }
            }
        }
    }

    /** A thread's registers and scratch (16 bytes per element per step, the widest dtype), grown as needed. */
    private static final class Frame {
        private static final ThreadLocal<Frame> CURRENT = ThreadLocal.withInitial(() -> new Frame(8));
        final MemorySegment scratch;
        final MemorySegment[] seg;
        final long[] off, str;

        private Frame(int steps) {
            scratch = Arena.ofAuto().allocate((long) steps * BLOCK * 16, 64);
            seg = new MemorySegment[steps];
            off = new long[steps];
            str = new long[steps];
        }

        static Frame get(int steps) {
            Frame f = CURRENT.get();
            if (f.seg.length < steps) {
                f = new Frame(Math.max(steps, 2 * f.seg.length));
                CURRENT.set(f);
            }
            return f;
        }
    }
}
