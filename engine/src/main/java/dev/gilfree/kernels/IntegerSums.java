package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Whole-array sums of integer and bool arrays read in their own width: NumPy's int sum accumulates in
 * int64 (uint64 for unsigned), which is the same wrap-around bits for both, so every element is widened
 * in registers and added into 64-bit lanes, never into a converted copy of the array (an int8 sum went
 * through an int64 copy eight times the input). Addition modulo 2^64 is associative, so the array is cut
 * into parts summed on all cores and the result does not depend on the cut.
 *
 * <p>Narrow elements are widened without the Vector API's shape conversions: a vector of bytes is loaded
 * as 32-bit lanes and each byte is shifted out of its lane (arithmetic shifts sign-extend, masks
 * zero-extend), into 32-bit partial sums flushed into 64 bits before they can overflow.
 */
public final class IntegerSums {
    private IntegerSums() {}

    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;

    /** Vectors of 8-bit data added into 32-bit lanes before a flush: 4 bytes of at most 255 per lane each time. */
    private static final long FLUSH8 = 1 << 16;
    /** The same for 16-bit data: 2 values of magnitude at most 65535 per lane each time. */
    private static final long FLUSH16 = 1 << 13;

    /** The sum modulo 2^64 of an integer or bool array's elements (bool counts nonzero bytes), any layout. */
    public static long sum(NDArray a) {
        DType t = a.dtype();
        MemorySegment s = a.segment();
        int w = t.itemsize();
        if (a.isCContiguous()) {
            long n = a.size(), base = a.offset();
            if (!Parallel.worthSplitting(n)) return sumRun(t, s, base, w, n);
            int parts = parts(n);
            long[] part = new long[parts];
            Parallel.run(parts, i -> {
                long lo = bound(n, parts, i), hi = bound(n, parts, i + 1);
                part[i] = sumRun(t, s, base + lo * w, w, hi - lo);
                return 0;
            });
            long total = 0;
            for (long p : part) total += p;
            return total;
        }
        long[] total = {0};
        Iteration.run(a.shape(), new long[][] {a.strides()}, new long[] {a.offset()},
                (off, st, n) -> total[0] += sumRun(t, s, off[0], st[0], n));
        return total[0];
    }

    /** NumPy's buffer size: a reduction that casts converts (and sums) this many elements at a time. */
    private static final int NUMPY_BUFFER = 8192;

    /**
     * add.reduce(a, dtype=float64) of a C-contiguous integer or bool array of at most 4-byte elements exactly
     * as NumPy computes it: NumPy casts 8192 elements at a time into a buffer and adds each buffer's pairwise
     * sum to the running float64 total. A buffer's sum is exact in float64 here (8192 values below 2^32 stay
     * below 2^53, whatever the order), so it is the buffer's integer sum, taken on all cores; only the running
     * total (from {@code start}: 0, or initial=) rounds, in NumPy's order. Nothing is converted into a float64 copy.
     */
    public static double float64SumLikeNumPy(NDArray a, double start) {
        DType t = a.dtype();
        if (!a.isCContiguous() || t.itemsize() > 4 || !(t.isInteger() || t == DType.BOOL)) {
            throw new IllegalArgumentException("float64SumLikeNumPy: a C-contiguous integer array of at most 4-byte elements");
        }
        long n = a.size(), base = a.offset();
        int w = t.itemsize();
        long buffers = (n + NUMPY_BUFFER - 1) / NUMPY_BUFFER;
        MemorySegment s = a.segment();
        // each part sums its buffers into its own slice of sums; then one pass adds them in order
        int parts = (int) Math.max(1, Math.min(buffers, Parallel.worthSplitting(n) ? 8L * Parallel.numThreads() : 1));
        long[][] sums = new long[parts][];
        Parallel.run(parts, i -> {
            long lo = bound(buffers, parts, i), hi = bound(buffers, parts, i + 1);
            long[] mine = new long[(int) (hi - lo)];
            for (long b = lo; b < hi; b++) {
                long from = b * NUMPY_BUFFER, len = Math.min(NUMPY_BUFFER, n - from);
                mine[(int) (b - lo)] = sumRun(t, s, base + from * w, w, len);
            }
            sums[i] = mine;
            return 0;
        });
        double total = start;
        for (long[] part : sums) for (long v : part) total += (double) v;
        return total;
    }

    /** How many parts an n-element job is cut into: several per thread, none under a chunk. */
    static int parts(long n) {
        return (int) Math.max(1, Math.min(n / Parallel.CHUNK_ELEMENTS, 8L * Parallel.numThreads()));
    }

    /** Start of part i of n elements cut into {@code parts} near-equal parts (i == parts gives n); exact in long for any n. */
    static long bound(long n, int parts, int i) {
        long q = n / parts, r = n % parts;
        return q * i + Math.min(i, r);
    }

    /** Sum of n elements of t at off, off+stride, ...: SIMD when contiguous. */
    static long sumRun(DType t, MemorySegment s, long off, long stride, long n) {
        int w = t.itemsize();
        boolean u = t.kind() == 'u';
        if (t == DType.BOOL) return countNonzeroBytes(s, off, stride, n);
        if (stride != w) {
            long r = 0;
            switch (w) {
                case 1 -> { if (u) for (long i = 0; i < n; i++) r += Byte.toUnsignedInt(s.get(B, off + i * stride)); else for (long i = 0; i < n; i++) r += s.get(B, off + i * stride); }
                case 2 -> { if (u) for (long i = 0; i < n; i++) r += Short.toUnsignedInt(s.get(S, off + i * stride)); else for (long i = 0; i < n; i++) r += s.get(S, off + i * stride); }
                case 4 -> { if (u) for (long i = 0; i < n; i++) r += Integer.toUnsignedLong(s.get(I, off + i * stride)); else for (long i = 0; i < n; i++) r += s.get(I, off + i * stride); }
                default -> { for (long i = 0; i < n; i++) r += s.get(L, off + i * stride); }
            }
            return r;
        }
        return switch (w) {
            case 1 -> u ? sumU8(s, off, n) : sumI8(s, off, n);
            case 2 -> u ? sumU16(s, off, n) : sumI16(s, off, n);
            case 4 -> u ? sumU32(s, off, n) : sumI32(s, off, n);
            default -> sum64(s, off, n);
        };
    }

    private static long sumI8(MemorySegment s, long off, long n) {
        int bytes = IS.vectorByteSize();
        long vecs = n / bytes, total = 0, i = 0;
        while (i < vecs) {
            long stop = Math.min(vecs, i + FLUSH8);
            IntVector acc = IntVector.zero(IS);
            for (; i < stop; i++) {
                IntVector x = IntVector.fromMemorySegment(IS, s, off + i * bytes, NO);
                acc = acc.add(x.lanewise(VectorOperators.LSHL, 24).lanewise(VectorOperators.ASHR, 24))
                        .add(x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 24))
                        .add(x.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 24))
                        .add(x.lanewise(VectorOperators.ASHR, 24));
            }
            total += acc.reduceLanesToLong(VectorOperators.ADD);
        }
        for (long k = vecs * bytes; k < n; k++) total += s.get(B, off + k);
        return total;
    }

    private static long sumU8(MemorySegment s, long off, long n) {
        int bytes = IS.vectorByteSize();
        long vecs = n / bytes, total = 0, i = 0;
        while (i < vecs) {
            long stop = Math.min(vecs, i + FLUSH8);
            IntVector acc = IntVector.zero(IS);
            for (; i < stop; i++) {
                IntVector x = IntVector.fromMemorySegment(IS, s, off + i * bytes, NO);
                acc = acc.add(x.lanewise(VectorOperators.AND, 0xFF))
                        .add(x.lanewise(VectorOperators.LSHR, 8).lanewise(VectorOperators.AND, 0xFF))
                        .add(x.lanewise(VectorOperators.LSHR, 16).lanewise(VectorOperators.AND, 0xFF))
                        .add(x.lanewise(VectorOperators.LSHR, 24));
            }
            total += acc.reduceLanesToLong(VectorOperators.ADD);
        }
        for (long k = vecs * bytes; k < n; k++) total += Byte.toUnsignedInt(s.get(B, off + k));
        return total;
    }

    private static long sumI16(MemorySegment s, long off, long n) {
        int bytes = IS.vectorByteSize(), per = bytes / 2;
        long vecs = n / per, total = 0, i = 0;
        while (i < vecs) {
            long stop = Math.min(vecs, i + FLUSH16);
            IntVector acc = IntVector.zero(IS);
            for (; i < stop; i++) {
                IntVector x = IntVector.fromMemorySegment(IS, s, off + i * bytes, NO);
                acc = acc.add(x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16))
                        .add(x.lanewise(VectorOperators.ASHR, 16));
            }
            total += acc.reduceLanesToLong(VectorOperators.ADD);
        }
        for (long k = vecs * per; k < n; k++) total += s.get(S, off + k * 2);
        return total;
    }

    private static long sumU16(MemorySegment s, long off, long n) {
        int bytes = IS.vectorByteSize(), per = bytes / 2;
        long vecs = n / per, total = 0, i = 0;
        while (i < vecs) {
            long stop = Math.min(vecs, i + FLUSH16);
            IntVector acc = IntVector.zero(IS);
            for (; i < stop; i++) {
                IntVector x = IntVector.fromMemorySegment(IS, s, off + i * bytes, NO);
                acc = acc.add(x.lanewise(VectorOperators.AND, 0xFFFF)).add(x.lanewise(VectorOperators.LSHR, 16));
            }
            // the lanes may have wrapped past 2^31 as unsigned sums: read them unsigned
            for (int k = 0; k < IS.length(); k++) total += Integer.toUnsignedLong(acc.lane(k));
        }
        for (long k = vecs * per; k < n; k++) total += Short.toUnsignedInt(s.get(S, off + k * 2));
        return total;
    }

    private static long sumI32(MemorySegment s, long off, long n) {
        int bytes = LS.vectorByteSize(), per = bytes / 4;
        long vecs = n / per, i = 0;
        LongVector acc = LongVector.zero(LS);
        for (; i < vecs; i++) {
            LongVector x = LongVector.fromMemorySegment(LS, s, off + i * bytes, NO);
            acc = acc.add(x.lanewise(VectorOperators.LSHL, 32).lanewise(VectorOperators.ASHR, 32)).add(x.lanewise(VectorOperators.ASHR, 32));
        }
        long total = acc.reduceLanes(VectorOperators.ADD);
        for (long k = vecs * per; k < n; k++) total += s.get(I, off + k * 4);
        return total;
    }

    private static long sumU32(MemorySegment s, long off, long n) {
        int bytes = LS.vectorByteSize(), per = bytes / 4;
        long vecs = n / per, i = 0;
        LongVector acc = LongVector.zero(LS);
        for (; i < vecs; i++) {
            LongVector x = LongVector.fromMemorySegment(LS, s, off + i * bytes, NO);
            acc = acc.add(x.lanewise(VectorOperators.AND, 0xFFFF_FFFFL)).add(x.lanewise(VectorOperators.LSHR, 32));
        }
        long total = acc.reduceLanes(VectorOperators.ADD);
        for (long k = vecs * per; k < n; k++) total += Integer.toUnsignedLong(s.get(I, off + k * 4));
        return total;
    }

    private static long sum64(MemorySegment s, long off, long n) {
        int per = LS.length();
        long up = n - n % (2L * per), i = 0;
        LongVector a0 = LongVector.zero(LS), a1 = LongVector.zero(LS);
        for (; i < up; i += 2L * per) {
            a0 = a0.add(LongVector.fromMemorySegment(LS, s, off + i * 8, NO));
            a1 = a1.add(LongVector.fromMemorySegment(LS, s, off + (i + per) * 8, NO));
        }
        long total = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) total += s.get(L, off + i * 8);
        return total;
    }

    /** How many of the n bytes at off, off+stride, ... are nonzero (a bool array's sum). */
    static long countNonzeroBytes(MemorySegment s, long off, long stride, long n) {
        long c = 0, i = 0;
        if (stride == 1) {
            for (long up = n - n % BS.length(); i < up; i += BS.length()) {
                c += ByteVector.fromMemorySegment(BS, s, off + i, NO).compare(VectorOperators.NE, (byte) 0).trueCount();
            }
        }
        for (; i < n; i++) if (s.get(B, off + i * stride) != 0) c++;
        return c;
    }

    /**
     * Running sum (NumPy's cumsum into int64/uint64) of n elements of t at off, off+stride, ..., written as
     * 64-bit values at o + oo, oo + ostride, ...: one loop typed per width instead of a per-element dtype switch.
     */
    static void cumsum(DType t, MemorySegment s, long off, long stride, MemorySegment o, long oo, long ostride, long n) {
        long acc = 0;
        boolean u = t.kind() == 'u';
        switch (t.itemsize()) {
            case 1 -> {
                if (t == DType.BOOL) for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += s.get(B, off + i * stride) != 0 ? 1 : 0);
                else if (u) for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += Byte.toUnsignedInt(s.get(B, off + i * stride)));
                else for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += s.get(B, off + i * stride));
            }
            case 2 -> {
                if (u) for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += Short.toUnsignedInt(s.get(S, off + i * stride)));
                else for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += s.get(S, off + i * stride));
            }
            case 4 -> {
                if (u) for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += Integer.toUnsignedLong(s.get(I, off + i * stride)));
                else for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += s.get(I, off + i * stride));
            }
            default -> { for (long i = 0; i < n; i++) o.set(L, oo + i * ostride, acc += s.get(L, off + i * stride)); }
        }
    }
}
