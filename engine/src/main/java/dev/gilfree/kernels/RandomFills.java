package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * NumPy's random fills, element for element the same stream: each fills a C-contiguous array from one
 * bit generator, which the caller holds locked.
 */
public final class RandomFills {
    private RandomFills() {}

    /** Uniform [0, 1) doubles (one 64-bit word each), or floats (one 32-bit word each). */
    public static void uniform(BitSource g, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        if (out.dtype() == DType.FLOAT32) {
            for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4 * i, g.nextFloat());
            return;
        }
        // serial on purpose: one PCG64 step is ~1 ns, so a parallel split (each chunk jumping ahead) gained
        // nothing and, on a loaded machine, a descheduled helper made 10^7 draws ~10x slower than NumPy
        switch (g) {
            case Pcg64 p -> p.fillDoubles(s, base, n);
            default -> {
                for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, g.nextDouble());
            }
        }
    }

    /** Standard normals ({@code normal}) or exponentials by NumPy's ziggurats (float32 out: the 32-bit ones). */
    public static void standard(BitSource g, boolean normal, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        if (out.dtype() == DType.FLOAT32) {
            for (long i = 0; i < n; i++) {
                s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4 * i, normal ? NormZiggurat.drawFloat(g) : ExpZiggurat.drawFloat(g));
            }
        } else {
            for (long i = 0; i < n; i++) {
                s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, normal ? NormZiggurat.draw(g) : ExpZiggurat.draw(g));
            }
        }
    }

    /**
     * Gamma draws scale · standard_gamma(shape) (NumPy's random_gamma; float32 out: random_standard_gamma_f,
     * scale ignored): shape and scale have one value for all elements or one per element.
     */
    public static void gamma(BitSource g, double[] shape, double[] scale, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        boolean f32 = out.dtype() == DType.FLOAT32;
        for (long i = 0; i < n; i++) {
            double k = shape[shape.length == 1 ? 0 : (int) i];
            if (f32) {
                s.set(ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4 * i, Gamma.drawFloat(g, (float) k));
            } else {
                double sc = scale[scale.length == 1 ? 0 : (int) i];
                s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, sc * Gamma.draw(g, k));
            }
        }
    }

    /**
     * Draws of a {@link Continuous} kind (float64), or geometric draws (int64 out); each parameter has one
     * value for all elements or one per element.
     */
    public static void continuous(BitSource g, String kind, double[] a, double[] b, double[] c, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        for (long i = 0; i < n; i++) {
            double ai = a[a.length == 1 ? 0 : (int) i];
            if (kind.endsWith("geometric")) {
                s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i, Continuous.geometric(g, ai, kind.startsWith("legacy_")));
                continue;
            }
            double x = Continuous.draw(kind, g, ai, b[b.length == 1 ? 0 : (int) i], c[c.length == 1 ? 0 : (int) i]);
            s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, x);
        }
    }

    /**
     * NumPy's Generator.dirichlet into a float64 out of rows × alpha.length: normalized gammas, or for
     * alphas all below 0.1 stick-breaking betas (their gammas would underflow).
     */
    public static void dirichlet(BitSource g, double[] alpha, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset();
        int k = alpha.length;
        double[] row = new double[k];
        long rows = k == 0 ? 0 : out.size() / k;
        double max = Double.NEGATIVE_INFINITY;
        for (double a : alpha) max = Math.max(max, a);
        double[] csum = new double[k];
        double total = 0.0;
        for (int j = k - 1; j >= 0; j--) csum[j] = total += alpha[j];
        for (long i = 0; i < rows; i++) {
            java.util.Arrays.fill(row, 0.0);
            if (max < 0.1) {
                if (total > 0) {
                    double acc = 1.;
                    for (int j = 0; j < k - 1; j++) {
                        double v = Continuous.beta(g, alpha[j], csum[j + 1]);
                        row[j] = acc * v;
                        acc *= 1. - v;
                        if (csum[j + 1] == 0) break;
                    }
                    row[k - 1] = acc;
                }
            } else {
                double acc = 0.;
                for (int j = 0; j < k; j++) acc = acc + (row[j] = Gamma.draw(g, alpha[j]));
                double inv = 1. / acc;
                for (int j = 0; j < k; j++) row[j] *= inv;
            }
            MemorySegment.copy(row, 0, s, ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i * k, k);
        }
    }

    /** Poisson draws into an int64 out: lam[0] for every element, or lam[i] for element i. */
    public static void poisson(BitSource g, double[] lam, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        for (long i = 0; i < n; i++) {
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i, Poisson.draw(g, lam[lam.length == 1 ? 0 : (int) i]));
        }
    }

    /** Binomial draws into an int64 out (n, p: one value for all elements, or one per element). */
    public static void binomial(BitSource g, long[] n, double[] p, boolean legacy, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), size = out.size();
        for (long i = 0; i < size; i++) {
            long ni = n[n.length == 1 ? 0 : (int) i];
            double pi = p[p.length == 1 ? 0 : (int) i];
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i, Binomial.draw(g, ni, pi, legacy));
        }
    }

    /** RandomState's normals: Marsaglia's polar method, the second value cached in the generator. */
    public static void legacyGauss(BitSource g, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, legacyGauss(g));
    }

    /** RandomState's standard exponential: -log(1 - U). */
    static double legacyExponential(BitSource g) { return -Math.log(1.0 - g.nextDouble()); }

    static double legacyGauss(BitSource g) {
        if (g.hasGauss) {
            g.hasGauss = false;
            double t = g.gauss;
            g.gauss = 0.0;
            return t;
        }
        double x1, x2, r2;
        do {
            x1 = 2.0 * g.nextDouble() - 1.0;
            x2 = 2.0 * g.nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        g.gauss = f * x1;
        g.hasGauss = true;
        return f * x2;
    }

    /**
     * Integers off + [0, rng] (rng unsigned, of the out dtype's width) into an integer or bool array:
     * NumPy's masked rejection ({@code masked}, RandomState) or Lemire's method (Generator), with 8- and
     * 16-bit values (and bools) cut from a buffered 32-bit word.
     */
    public static void bounded(BitSource g, long off, long rng, boolean masked, NDArray out) {
        DType t = out.dtype();
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size(), w = t.itemsize();
        // the common wide dtypes get their own loops: no per-element dtype switch or buffer
        switch (t) {
            case INT64, UINT64 -> {
                for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i, off + bounded64(g, rng, masked));
            }
            case INT32, UINT32 -> {
                long r = rng & 0xffffffffL;
                for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_INT_UNALIGNED, base + 4 * i, (int) (off + bounded32(g, r, masked)));
            }
            default -> {
                Buffer b = new Buffer(g);
                for (long i = 0; i < n; i++) Elements.setLong(t, s, base + w * i, one(t, b, off, rng, masked));
            }
        }
    }

    /** As {@link #bounded}, element i from off[i] + [0, rng[i]] (integers(low_array, high_array)); one buffer throughout. */
    public static void boundedEach(BitSource g, long[] off, long[] rng, boolean masked, NDArray out) {
        DType t = out.dtype();
        MemorySegment s = out.segment();
        long base = out.offset(), w = t.itemsize();
        Buffer b = new Buffer(g);
        for (int i = 0; i < off.length; i++) Elements.setLong(t, s, base + w * i, one(t, b, off[i], rng[i], masked));
    }

    private static long one(DType t, Buffer b, long off, long rng, boolean masked) {
        return switch (t) {
            case BOOL -> rng == 0 ? off : b.bit();
            case INT8, UINT8 -> off + small(b, rng & 0xff, masked, 8);
            case INT16, UINT16 -> off + small(b, rng & 0xffff, masked, 16);
            case INT32, UINT32 -> off + bounded32(b.g, rng & 0xffffffffL, masked);
            default -> off + bounded64(b.g, rng, masked);
        };
    }

    /** Smallest all-ones mask covering max. */
    static long mask(long max) {
        return max == 0 ? 0 : -1L >>> Long.numberOfLeadingZeros(max);
    }

    /** The 8/16-bit cases (NumPy's buffered_bounded_*_uint8/16). */
    private static long small(Buffer b, long rng, boolean masked, int bits) {
        long full = (1L << bits) - 1;
        if (rng == 0) return 0;
        if (rng == full) return b.take(bits);
        if (masked) {
            long m = mask(rng), v;
            while ((v = b.take(bits) & m) > rng) { /* reject */ }
            return v;
        }
        long excl = rng + 1;
        long mm = b.take(bits) * excl;
        long left = mm & full;
        if (left < excl) {
            long threshold = (full - rng) % excl;
            while (left < threshold) {
                mm = b.take(bits) * excl;
                left = mm & full;
            }
        }
        return mm >>> bits;
    }

    /** 32-bit range (NumPy's random_bounded_uint32_fill element). */
    static long bounded32(BitSource g, long rng, boolean masked) {
        if (rng == 0) return 0;
        if (rng == 0xffffffffL) return g.next32() & 0xffffffffL;
        if (masked) {
            long m = mask(rng), v;
            while ((v = g.next32() & m) > rng) { /* reject */ }
            return v;
        }
        long excl = rng + 1;
        long mm = (g.next32() & 0xffffffffL) * excl;
        long left = mm & 0xffffffffL;
        if (left < excl) {
            long threshold = (0xffffffffL - rng) % excl;
            while (left < threshold) {
                mm = (g.next32() & 0xffffffffL) * excl;
                left = mm & 0xffffffffL;
            }
        }
        return mm >>> 32;
    }

    /** 64-bit range (NumPy's random_bounded_uint64): 32-bit draws when the range fits in 32 bits. */
    public static long bounded64(BitSource g, long rng, boolean masked) {
        if (rng == 0) return 0;
        if (Long.compareUnsigned(rng, 0xffffffffL) <= 0) return bounded32(g, rng, masked);
        if (rng == -1L) return g.next64();
        if (masked) {
            long m = mask(rng), v;
            while (Long.compareUnsigned(v = g.next64() & m, rng) > 0) { /* reject */ }
            return v;
        }
        long excl = rng + 1;
        long x = g.next64();
        long left = x * excl;
        if (Long.compareUnsigned(left, excl) < 0) {
            long threshold = Long.remainderUnsigned(-1L - rng, excl);
            while (Long.compareUnsigned(left, threshold) < 0) {
                x = g.next64();
                left = x * excl;
            }
        }
        return Math.unsignedMultiplyHigh(x, excl);
    }

    /** NumPy's random_interval: masked rejection in [0, max], 32-bit words while max fits in 32 bits. */
    public static long interval(BitSource g, long max) {
        if (max == 0) return 0;
        long m = mask(max), v;
        if (Long.compareUnsigned(max, 0xffffffffL) <= 0) {
            while ((v = g.next32() & m) > max) { /* reject */ }
        } else {
            while (Long.compareUnsigned(v = g.next64() & m, max) > 0) { /* reject */ }
        }
        return v;
    }

    /**
     * The permutation that Fisher–Yates swaps for i = n-1 down to {@code first} make of 0..n-1, each
     * partner j drawn by random_interval ({@code lemire} false: shuffle, permutation) or by the Lemire
     * bounded draw (true: Generator.choice's _shuffle_int).
     */
    public static void swaps(BitSource g, long first, boolean lemire, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset(), n = out.size();
        if (n > Integer.MAX_VALUE - 8) {
            swapsInPlace(g, first, lemire, s, base, n);
            return;
        }
        // a heap array: the random-access swaps skip the segment's per-access checks
        long[] a = new long[(int) n];
        for (int i = 0; i < a.length; i++) a[i] = i;
        for (int i = a.length - 1; i >= first && i > 0; i--) {
            int j = (int) (lemire ? bounded64(g, i, false) : interval(g, i));
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        MemorySegment.copy(a, 0, s, ValueLayout.JAVA_LONG_UNALIGNED, base, a.length);
    }

    private static void swapsInPlace(BitSource g, long first, boolean lemire, MemorySegment s, long base, long n) {
        for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i, i);
        for (long i = n - 1; i >= first && i > 0; i--) {
            long j = lemire ? bounded64(g, i, false) : interval(g, i);
            long a = s.get(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i), c = s.get(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * j);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * i, c);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 * j, a);
        }
    }

    /**
     * Generator.choice without replacement for a small sample: Floyd's algorithm over a linear-probing
     * hash set (NumPy's), then the sample shuffled unless {@code shuffle} is false. out: int64, size k.
     */
    public static void floydSample(BitSource g, long pop, boolean shuffle, NDArray out) {
        MemorySegment s = out.segment();
        long base = out.offset();
        int k = (int) out.size();
        long m = mask((long) (1.2 * k));
        long[] set = new long[(int) (m + 1)];
        java.util.Arrays.fill(set, -1L);
        long[] idx = new long[k];
        for (long j = pop - k; j < pop; j++) {
            long val = bounded64(g, j, false);
            int loc = (int) (val & m);
            while (set[loc] != -1L && set[loc] != val) loc = (int) ((loc + 1) & m);
            if (set[loc] == -1L) {
                set[loc] = val;
                idx[(int) (j - pop + k)] = val;
            } else {
                loc = (int) (j & m);
                while (set[loc] != -1L) loc = (int) ((loc + 1) & m);
                set[loc] = j;
                idx[(int) (j - pop + k)] = j;
            }
        }
        if (shuffle) {
            for (int i = k - 1; i >= 1; i--) {
                int j = (int) bounded64(g, i, false);
                long tmp = idx[j];
                idx[j] = idx[i];
                idx[i] = tmp;
            }
        }
        MemorySegment.copy(idx, 0, s, ValueLayout.JAVA_LONG_UNALIGNED, base, k);
    }

    /** A 32-bit word cut into 8- or 16-bit pieces or single bits, low bits first (NumPy's buffered_uint8/16/bool). */
    private static final class Buffer {
        final BitSource g;
        int buf, left;  // left: pieces still in buf after the current one
        int bitsOf;     // piece width of the current buffer

        Buffer(BitSource g) { this.g = g; }

        long take(int bits) {
            if (left == 0 || bitsOf != bits) {
                buf = g.next32();
                left = 32 / bits - 1;
                bitsOf = bits;
            } else {
                buf >>>= bits;
                left--;
            }
            return buf & ((1L << bits) - 1);
        }

        long bit() {
            if (left == 0 || bitsOf != 1) {
                buf = g.next32();
                left = 31;
                bitsOf = 1;
            } else {
                buf >>>= 1;
                left--;
            }
            return buf & 1;
        }
    }
}
