package dev.gilfree.kernels;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.exec.Parallel;
import java.util.Arrays;

/**
 * Walks several operands of one (broadcast) shape together, calling a 1-D inner loop for each run of
 * the innermost dimension. Dimensions that are contiguous for every operand are merged first, so a
 * contiguous operation becomes one call over all its elements.
 */
public final class Iteration {
    private Iteration() {}

    /** The inner loop: {@code offsets[k]} is operand k's byte offset of the run's first element. */
    @FunctionalInterface
    public interface InnerLoop {
        void run(long[] offsets, long[] strides, long n);
    }

    /** NumPy's broadcasting of shapes; ValueError naming the shapes when they do not broadcast. */
    public static long[] broadcastShapes(long[]... shapes) {
        int nd = 0;
        for (long[] s : shapes) nd = Math.max(nd, s.length);
        long[] out = new long[nd];
        Arrays.fill(out, 1);
        for (long[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int axis = nd - s.length + i;
                long d = s[i];
                if (d == out[axis] || d == 1) continue;
                if (out[axis] == 1) out[axis] = d;
                else throw GilfreeException.value(mismatchMessage(shapes));
            }
        }
        return out;
    }

    private static String mismatchMessage(long[]... shapes) {
        StringBuilder sb = new StringBuilder("operands could not be broadcast together with shapes");
        for (long[] s : shapes) sb.append(' ').append(pyShape(s));
        return sb.toString();
    }

    /** A shape as NumPy writes it in error messages: (3,), (2,3), (). */
    public static String pyShape(long[] s) {
        if (s.length == 1) return "(" + s[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(s[i]);
        }
        return sb.append(')').toString();
    }

    /** Strides of an operand broadcast to {@code shape}: 0 along stretched or missing axes. */
    public static long[] broadcastStrides(long[] opShape, long[] opStrides, long[] shape) {
        long[] out = new long[shape.length];
        int lead = shape.length - opShape.length;
        for (int i = 0; i < opShape.length; i++) {
            out[lead + i] = opShape[i] == 1 ? 0 : opStrides[i];
        }
        return out;
    }

    /** Runs {@code loop} over every element of {@code shape}; strides[k] are operand k's broadcast strides. */
    public static void run(long[] shape, long[][] strides, long[] offsets, InnerLoop loop) {
        Merged g = merge(shape, strides);
        if (g != null) g.walk(offsets.clone(), g.shape, loop);
    }

    /** An inner loop that reports floating-point conditions ({@link FpFlags}); results are OR-ed. */
    @FunctionalInterface
    public interface FlagLoop {
        int run(long[] offsets, long[] strides, long n);
    }

    /**
     * As {@link #run}, but a large operation is split into chunks along its outermost merged axis (the only
     * axis of a contiguous operation) and the chunks run on several cores ({@link Parallel}). Each chunk
     * covers whole runs, so the loop sees the same runs it would see on one thread, only fewer per call.
     */
    public static int runSplit(long[] shape, long[][] strides, long[] offsets, FlagLoop loop) {
        Merged g = merge(shape, strides);
        if (g == null) return 0;
        long total = 1;
        for (long d : g.shape) total *= d;
        long outer = g.shape.length == 0 ? 1 : g.shape[0];
        long perOuter = total / Math.max(1, outer);
        if (!Parallel.worthSplitting(total) || outer < 2) {
            int[] flags = {0};
            g.walk(offsets.clone(), g.shape, (off, st, n) -> flags[0] |= loop.run(off, st, n));
            return flags[0];
        }
        // Chunks of whole outer indices, about CHUNK_ELEMENTS each; a 1-d run splits into sub-runs.
        long step = Math.max(1, Parallel.CHUNK_ELEMENTS / Math.max(1, perOuter));
        if (g.shape.length == 1) step = (step + 63) & ~63L; // keep sub-runs a multiple of the widest SIMD width
        long stepF = step;
        int count = (int) Math.min(Integer.MAX_VALUE, (outer + step - 1) / step);
        return Parallel.run(count, i -> {
            long start = i * stepF, len = Math.min(stepF, outer - start);
            long[] off = offsets.clone();
            for (int k = 0; k < off.length; k++) off[k] += start * g.strides[k][0];
            long[] sub = g.shape.clone();
            sub[0] = len;
            int[] flags = {0};
            g.walk(off, sub, (o, st, n) -> flags[0] |= loop.run(o, st, n));
            return flags[0];
        });
    }

    /** shape with size-1 axes dropped and contiguous axis pairs merged; strides[k][axis] per operand. */
    private record Merged(long[] shape, long[][] strides) {
        // Calls loop for each run of the innermost axis over the box `sh` (this shape, or a chunk of it).
        void walk(long[] off, long[] sh, InnerLoop loop) {
            int nops = strides.length, m = sh.length;
            if (m == 0) {
                loop.run(off, new long[nops], 1);
                return;
            }
            long inner = sh[m - 1];
            long[] innerStrides = new long[nops];
            for (int k = 0; k < nops; k++) innerStrides[k] = strides[k][m - 1];
            if (m == 1) {
                loop.run(off, innerStrides, inner);
                return;
            }
            long[] idx = new long[m - 1];
            long[] cur = off.clone();
            while (true) {
                System.arraycopy(off, 0, cur, 0, nops);
                loop.run(cur, innerStrides, inner);
                int axis = m - 2;
                for (; axis >= 0; axis--) {
                    for (int k = 0; k < nops; k++) off[k] += strides[k][axis];
                    if (++idx[axis] < sh[axis]) break;
                    for (int k = 0; k < nops; k++) off[k] -= strides[k][axis] * sh[axis];
                    idx[axis] = 0;
                }
                if (axis < 0) return;
            }
        }
    }

    // null when the shape has no elements.
    private static Merged merge(long[] shape, long[][] strides) {
        int nops = strides.length;
        // Drop size-1 axes, then merge axis pairs that are contiguous for every operand.
        int[] keep = new int[shape.length];
        int nd = 0;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) return null;
            if (shape[i] != 1) keep[nd++] = i;
        }
        long[] sh = new long[nd];
        long[][] st = new long[nops][nd];
        for (int j = 0; j < nd; j++) {
            sh[j] = shape[keep[j]];
            for (int k = 0; k < nops; k++) st[k][j] = strides[k][keep[j]];
        }
        int m = 0;
        for (int j = 0; j < nd; j++) {
            if (m > 0 && mergeable(sh, st, m - 1, j)) {
                for (int k = 0; k < nops; k++) st[k][m - 1] = st[k][j];
                sh[m - 1] *= sh[j];
            } else {
                sh[m] = sh[j];
                for (int k = 0; k < nops; k++) st[k][m] = st[k][j];
                m++;
            }
        }
        long[][] mst = new long[nops][];
        for (int k = 0; k < nops; k++) mst[k] = Arrays.copyOf(st[k], m);
        return new Merged(Arrays.copyOf(sh, m), mst);
    }

    // Axis a (outer) and b (inner) can become one axis when stepping a equals stepping over all of b.
    private static boolean mergeable(long[] sh, long[][] st, int a, int b) {
        for (long[] s : st) {
            if (s[a] != s[b] * sh[b]) return false;
        }
        return true;
    }

    /** True when an operand of shape {@code from} broadcasts to {@code to} (extra leading axes of size 1 allowed). */
    public static boolean broadcastsTo(long[] from, long[] to) {
        int lead = from.length - to.length;
        for (int i = 0; i < lead; i++) if (from[i] != 1) return false;
        for (int i = Math.max(lead, 0); i < from.length; i++) {
            long d = from[i], t = to[i - lead];
            if (d != t && d != 1) return false;
        }
        return true;
    }
}
