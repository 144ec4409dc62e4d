package dev.gilfree.kernels;

import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.Arena;
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

    /** NumPy's reduction buffer: runs shorter than this are summed in groups that fill it. */
    private static final int BUFFER = 8192;

    /** The sum of a whole float32 array as np.sum gives it, starting from {@code init} (0 without initial=). */
    public static float sum(NDArray a, float init) {
        long[][] c = coalesce(a.shape(), a.strides());
        return blockSum(a.segment(), a.offset(), c[0], c[1], init, null);
    }

    /**
     * float32 add.reduce over the axes marked in {@code reduced} into the C-contiguous float32 {@code out},
     * in NumPy's order: the reduced axes after the last kept one form a block summed by {@link #blockSum};
     * reduced axes before a kept one are walked in C order, adding block after block.
     */
    public static void reduceAxes(NDArray a, boolean[] reduced, float init, NDArray out) {
        long[] shape = a.shape(), strides = a.strides();
        int nd = shape.length, lastKept = -1;
        for (int d = 0; d < nd; d++) if (!reduced[d]) lastKept = d;
        List<Long> ks = new ArrayList<>(), kst = new ArrayList<>(), os = new ArrayList<>(), ost = new ArrayList<>();
        List<Long> bs = new ArrayList<>(), bst = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            if (!reduced[d]) { ks.add(shape[d]); kst.add(strides[d]); }
            else if (d < lastKept) { os.add(shape[d]); ost.add(strides[d]); }
            else { bs.add(shape[d]); bst.add(strides[d]); }
        }
        long[][] block = coalesce(toArray(bs), toArray(bst));
        long[] kShape = toArray(ks), kStr = toArray(kst), oShape = toArray(os), oStr = toArray(ost);
        MemorySegment s = a.segment(), o = out.segment();
        MemorySegment buf = Arena.ofAuto().allocate(BUFFER * 4L, 64);
        long nOut = dev.gilfree.core.Layout.size(kShape), nOuter = dev.gilfree.core.Layout.size(oShape);
        long[] kidx = new long[kShape.length];
        long base = a.offset();
        for (long k = 0; k < nOut; k++) {
            float acc = init;
            long[] oidx = new long[oShape.length];
            long off = base;
            for (long r = 0; r < nOuter; r++) {
                acc = blockSum(s, off, block[0], block[1], acc, buf);
                for (int d = oShape.length - 1; d >= 0; d--) {
                    off += oStr[d];
                    if (++oidx[d] < oShape[d]) break;
                    off -= oStr[d] * oShape[d];
                    oidx[d] = 0;
                }
            }
            o.setAtIndex(F, out.offset() / 4 + k, acc);
            for (int d = kShape.length - 1; d >= 0; d--) {
                base += kStr[d];
                if (++kidx[d] < kShape[d]) break;
                base -= kStr[d] * kShape[d];
                kidx[d] = 0;
            }
        }
    }

    private static long[] toArray(List<Long> v) {
        long[] r = new long[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i);
        return r;
    }

    /** shape/strides without length-1 axes and with neighbours whose strides chain merged (NumPy's coalescing). */
    static long[][] coalesce(long[] shape, long[] strides) {
        List<Long> sh = new ArrayList<>(), st = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) continue;
            int last = sh.size() - 1;
            if (last >= 0 && st.get(last) == strides[d] * shape[d]) {
                sh.set(last, sh.get(last) * shape[d]);
                st.set(last, strides[d]);
            } else {
                sh.add(shape[d]);
                st.add(strides[d]);
            }
        }
        return new long[][] {toArray(sh), toArray(st)};
    }

    /**
     * acc plus the elements of a coalesced block, as NumPy's buffered reduction adds them: one run is summed
     * pairwise in view order (on all cores when long); runs of 8192 or more one after another; shorter runs
     * are copied in view order into a buffer as many whole runs at a time as fit in 8192 elements, and each
     * buffer is summed pairwise. {@code buf} is scratch of 8192 floats, or null to allocate it when needed.
     */
    static float blockSum(MemorySegment s, long off, long[] shape, long[] strides, float acc, MemorySegment buf) {
        int m = shape.length;
        if (m == 0) return acc + pairwise(s, off, 4, 1);
        if (m == 1) return acc + pairwiseSplit(s, off, strides[0], shape[0]);
        long len = shape[m - 1], stride = strides[m - 1];
        long runs = 1;
        for (int d = 0; d < m - 1; d++) runs *= shape[d];
        if (runs == 0 || len == 0) return acc;
        long group = len >= BUFFER ? 1 : BUFFER / len;
        if (len < BUFFER && buf == null) buf = Arena.ofAuto().allocate(BUFFER * 4L, 64);
        long[] idx = new long[m - 1];
        long at = off;
        int filled = 0;
        for (long r = 0; r < runs; r++) {
            if (group == 1) {
                acc += pairwise(s, at, stride, len);
            } else {
                for (long i = 0; i < len; i++) buf.setAtIndex(F, filled + i, s.get(F, at + i * stride));
                filled += (int) len;
                if ((r + 1) % group == 0 || r == runs - 1) {
                    acc += pairwise(buf, 0, 4, filled);
                    filled = 0;
                }
            }
            for (int d = m - 2; d >= 0; d--) {
                at += strides[d];
                if (++idx[d] < shape[d]) break;
                at -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
        return acc;
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
