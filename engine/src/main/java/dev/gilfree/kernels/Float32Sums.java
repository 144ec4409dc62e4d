package dev.gilfree.kernels;

import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 sums rounded exactly as NumPy's: its pairwise summation in float32 (blocks of at most 128
 * elements summed with 8 interleaved accumulators, longer runs halved at a multiple of 8), with the
 * result added to the running value in float32. Summing in double and rounding once (as gilfree did) is
 * more accurate but not NumPy's answer. The 8 accumulators are exactly the lanes of one 256-bit float
 * vector, so the block loop is SIMD without changing the order of any addition; whole-array sums are
 * split over all cores at the recursion's own subtrees, so the result does not depend on the thread count.
 */
public final class Float32Sums {
    private Float32Sums() {}

    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** NumPy's PW_BLOCKSIZE: runs up to this long are summed in one block. */
    private static final long BLOCK = 128;

    /**
     * The sum of a whole float32 array as np.sum gives it: a layout that coalesces into one run (any
     * contiguous array, most 1-d views) is summed pairwise in memory order; otherwise each innermost run is
     * summed pairwise and the runs are added in C order. Starts from {@code init} (0 without initial=).
     */
    public static float sum(NDArray a, float init) {
        long[] shape = a.shape(), strides = a.strides();
        long off = a.offset(), n = a.size();
        if (n == 0) return init;
        // drop length-1 axes, then merge axes whose strides chain (NumPy's iterator coalescing)
        long len = 1, stride = 4;
        boolean one = true;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) continue;
            if (len == 1) { len = shape[d]; stride = strides[d]; }
            else if (strides[d] == stride * len) len *= shape[d];
            else { one = false; break; }
        }
        if (one) {
            if (stride < 0) { off += stride * (len - 1); stride = -stride; } // NumPy walks memory forwards
            return init + pairwiseSplit(a.segment(), off, stride, len);
        }
        float[] acc = {init};
        MemorySegment s = a.segment();
        Iteration.run(shape, new long[][] {strides}, new long[] {off},
                (o, st, m) -> acc[0] += pairwise(s, o[0], st[0], m));
        return acc[0];
    }

    /** NumPy's float32 pairwise sum of n elements at off, off+stride, ... */
    public static float pairwise(MemorySegment s, long off, long stride, long n) {
        if (n < 8) {
            float r = -0.0f; // keeps a sum of only -0.0 at -0.0, as NumPy's
            for (long i = 0; i < n; i++) r += s.get(F, off + i * stride);
            return r;
        }
        if (n <= BLOCK) return block(s, off, stride, n);
        long n2 = half(n);
        return pairwise(s, off, stride, n2) + pairwise(s, off + n2 * stride, stride, n - n2);
    }

    /** Where NumPy cuts a run of n > 128: half, rounded down to a multiple of 8. */
    static long half(long n) {
        long n2 = n / 2;
        return n2 - n2 % 8;
    }

    // 8 accumulators r[j] += x[i + j], combined as ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the tail in order.
    private static float block(MemorySegment s, long off, long stride, long n) {
        long body = n - n % 8;
        float[] r = new float[8];
        if (stride == 4) {
            FloatVector acc = FloatVector.fromMemorySegment(F8, s, off, NO);
            for (long i = 8; i < body; i += 8) acc = acc.add(FloatVector.fromMemorySegment(F8, s, off + i * 4, NO));
            acc.intoArray(r, 0);
        } else {
            for (int j = 0; j < 8; j++) r[j] = s.get(F, off + j * stride);
            for (long i = 8; i < body; i += 8) {
                for (int j = 0; j < 8; j++) r[j] += s.get(F, off + (i + j) * stride);
            }
        }
        float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (long i = body; i < n; i++) res += s.get(F, off + i * stride);
        return res;
    }

    /** {@link #pairwise} with the subtrees no longer than a chunk summed on all cores, then combined in the recursion's shape. */
    static float pairwiseSplit(MemorySegment s, long off, long stride, long n) {
        if (!Parallel.worthSplitting(n)) return pairwise(s, off, stride, n);
        List<long[]> leaves = new ArrayList<>();
        collect(0, n, leaves);
        float[] part = new float[leaves.size()];
        Parallel.run(part.length, i -> {
            long[] leaf = leaves.get(i);
            part[i] = pairwise(s, off + leaf[0] * stride, stride, leaf[1]);
            return 0;
        });
        return combine(n, part, new int[] {0});
    }

    private static boolean isLeaf(long n) { return n <= Parallel.CHUNK_ELEMENTS; }

    /** The leaves (first element, count) of the recursion over n elements from {@code at}, left to right. */
    static void collect(long at, long n, List<long[]> out) {
        if (isLeaf(n)) {
            out.add(new long[] {at, n});
            return;
        }
        long n2 = half(n);
        collect(at, n2, out);
        collect(at + n2, n - n2, out);
    }

    private static float combine(long n, float[] part, int[] next) {
        if (isLeaf(n)) return part[next[0]++];
        long n2 = half(n);
        float left = combine(n2, part, next);
        return left + combine(n - n2, part, next);
    }
}
