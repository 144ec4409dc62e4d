package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
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
        walkRuns(a, (seg, off, stride, n) -> total[0] += stride == 8 ? pairwise(seg, off, n) : stridedSum(seg, off, stride, n));
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
        long half = (n / 2) & ~(long) (DS.length() - 1);
        return pairwise(s, off, half) + pairwise(s, off + half * 8, n - half);
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
}
