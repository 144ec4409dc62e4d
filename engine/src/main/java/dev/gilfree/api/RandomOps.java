package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.BitSource;
import dev.gilfree.kernels.Mt19937;
import dev.gilfree.kernels.Pcg64;
import dev.gilfree.kernels.Philox;
import dev.gilfree.kernels.RandomFills;
import dev.gilfree.kernels.Sfc64;
import java.util.function.Supplier;

/**
 * gf.random's bit generators and bulk draws. Every draw holds its generator's lock for the whole call, so
 * a generator shared by threads hands each call a distinct, complete block of its stream.
 */
@Facade("Random")
final class RandomOps {
    private RandomOps() {}

    private static <T> T locked(BitSource gen, Supplier<T> body) {
        gen.lock.lock();
        try {
            return body.get();
        } finally {
            gen.lock.unlock();
        }
    }

    private static void locked(BitSource gen, Runnable body) {
        locked(gen, () -> {
            body.run();
            return null;
        });
    }

    private static void contiguous(NDArray out) {
        if (!out.isCContiguous()) throw GilfreeException.value("Supplied output array is not contiguous, writable or aligned.");
    }

    /** PCG64 (dxsm false) or PCG64DXSM seeded from four 64-bit seed-sequence words (state hi, lo, stream hi, lo). */
    @Entry
    static Pcg64 pcg64(boolean dxsm, long[] words) { return Pcg64.seeded(dxsm, words[0], words[1], words[2], words[3]); }

    /** {state hi, state lo, inc hi, inc lo, has_uint32, uinteger}. */
    @Entry
    static long[] pcg64State(Pcg64 gen) { return locked(gen, gen::state); }

    @Entry
    static void setPcg64State(Pcg64 gen, long[] state) { locked(gen, () -> gen.setState(state)); }

    @Entry
    static void advance(Pcg64 gen, long deltaHi, long deltaLo) { locked(gen, () -> gen.advance(deltaHi, deltaLo)); }

    /** Philox with the given 128-bit key and 256-bit counter (words low first). */
    @Entry
    static Philox philox(long[] key, long[] counter) { return new Philox(key, counter); }

    /** {counter 0..3, key 0..1, buffer 0..3, buffer_pos, has_uint32, uinteger}. */
    @Entry
    static long[] philoxState(Philox gen) { return locked(gen, gen::state); }

    @Entry
    static void setPhiloxState(Philox gen, long[] state) { locked(gen, () -> gen.setState(state)); }

    /** Adds the 256-bit step (four words, low first) to Philox's counter. */
    @Entry
    static void philoxAdvance(Philox gen, long[] step) { locked(gen, () -> gen.advance(step)); }

    /** SFC64 from three seed-sequence words. */
    @Entry
    static Sfc64 sfc64(long[] seed) { return Sfc64.seeded(seed[0], seed[1], seed[2]); }

    /** {a, b, c, counter, has_uint32, uinteger}. */
    @Entry
    static long[] sfc64State(Sfc64 gen) { return locked(gen, gen::state); }

    @Entry
    static void setSfc64State(Sfc64 gen, long[] state) { locked(gen, () -> gen.setState(state)); }

    /** MT19937 from a 32-bit seed (RandomState(int)). */
    @Entry
    static Mt19937 mt19937Seeded(long seed) { return Mt19937.seeded(seed); }

    /** MT19937 by init_by_array (RandomState(array)); words are 32-bit values. */
    @Entry
    static Mt19937 mt19937ByArray(long[] words) {
        int[] k = new int[words.length];
        for (int i = 0; i < k.length; i++) k[i] = (int) words[i];
        return Mt19937.byArray(k);
    }

    /** MT19937 with the given 624 key words and position. */
    @Entry
    static Mt19937 mt19937(long[] key, int pos) {
        Mt19937 gen = Mt19937.ofState(new int[624], 624);
        setMt19937State(gen, key, pos);
        return gen;
    }

    /** The 624 key words (unsigned) followed by the position. */
    @Entry
    static long[] mt19937State(Mt19937 gen) {
        return locked(gen, () -> {
            int[] k = gen.key();
            long[] out = new long[k.length + 1];
            for (int i = 0; i < k.length; i++) out[i] = k[i] & 0xffffffffL;
            out[k.length] = gen.pos();
            return out;
        });
    }

    @Entry
    static void setMt19937State(Mt19937 gen, long[] key, int pos) {
        if (key.length != 624) throw GilfreeException.value("state must be 624 32-bit unsigned integers");
        int[] k = new int[624];
        for (int i = 0; i < 624; i++) k[i] = (int) key[i];
        locked(gen, () -> gen.setState(k, pos));
    }

    /** RandomState's cached normal: {has_gauss (0/1), gauss}. */
    @Entry
    static double[] gaussState(BitSource gen) { return locked(gen, () -> new double[]{gen.hasGauss ? 1 : 0, gen.gauss}); }

    @Entry
    static void setGaussState(BitSource gen, boolean has, double gauss) {
        locked(gen, () -> {
            gen.hasGauss = has;
            gen.gauss = gauss;
        });
    }

    private static NDArray make(long[] shape, String dtype) { return NDArray.empty(DType.of(dtype), shape); }

    /** Uniform [0, 1) doubles or floats (dtype float64 / float32) of the given shape. */
    @Entry
    static NDArray uniform(BitSource gen, long[] shape, String dtype) {
        NDArray out = make(shape, dtype);
        locked(gen, () -> RandomFills.uniform(gen, out));
        return out;
    }

    /** Generator.random(out=...): uniform [0, 1) into a C-contiguous float64/float32 out. */
    @Entry(writes = "out", sample = "xp.random.default_rng(7).random(out=a)")
    static void uniformInto(BitSource gen, NDArray out) {
        contiguous(out);
        locked(gen, () -> RandomFills.uniform(gen, out));
    }

    /** Standard normals (normal true) or exponentials by NumPy's ziggurats, of the given shape and float dtype. */
    @Entry
    static NDArray standard(BitSource gen, boolean normal, long[] shape, String dtype) {
        NDArray out = make(shape, dtype);
        locked(gen, () -> RandomFills.standard(gen, normal, out));
        return out;
    }

    /** standard_normal / standard_exponential (out=...): into a C-contiguous float64/float32 out. */
    @Entry(writes = "out", sample = "xp.random.default_rng(7).standard_normal(out=a)")
    static void standardInto(BitSource gen, boolean normal, NDArray out) {
        contiguous(out);
        locked(gen, () -> RandomFills.standard(gen, normal, out));
    }

    /** scale * standard gamma(shape) draws (shape, scale: one value or one per element) of a float dtype. */
    @Entry
    static NDArray gamma(BitSource gen, double[] shape, double[] scale, long[] dims, String dtype) {
        NDArray out = make(dims, dtype);
        checkParams(out, shape, scale);
        locked(gen, () -> RandomFills.gamma(gen, shape, scale, out));
        return out;
    }

    /** Generator.standard_gamma(out=...): into a C-contiguous float64/float32 out. */
    @Entry(writes = "out", sample = "xp.random.default_rng(7).standard_gamma(2.5, out=a)")
    static void gammaInto(BitSource gen, double[] shape, NDArray out) {
        contiguous(out);
        checkParams(out, shape, new double[]{1.0});
        locked(gen, () -> RandomFills.gamma(gen, shape, new double[]{1.0}, out));
    }

    /**
     * Draws of a distribution by NumPy's name (beta, f, standard_t, wald, triangular, ...: float64; geometric:
     * int64) with parameters a, b, c (one value each, or one per element).
     */
    @Entry
    static NDArray continuous(BitSource gen, String kind, double[] a, double[] b, double[] c, long[] dims) {
        NDArray out = make(dims, kind.endsWith("geometric") ? "int64" : "float64");
        checkParams(out, a, b, c);
        locked(gen, () -> RandomFills.continuous(gen, kind, a, b, c, out));
        return out;
    }

    /** Generator.dirichlet: float64 samples of the given shape (last axis alpha.length). */
    @Entry
    static NDArray dirichlet(BitSource gen, double[] alpha, long[] dims) {
        NDArray out = make(dims, "float64");
        locked(gen, () -> RandomFills.dirichlet(gen, alpha, out));
        return out;
    }

    private static void checkParams(NDArray out, double[]... params) {
        for (double[] p : params) {
            if (p.length != 1 && p.length != out.size()) throw GilfreeException.value("parameters do not match the output size");
        }
    }

    /** RandomState's standard normals (polar method), float64. */
    @Entry
    static NDArray legacyGauss(BitSource gen, long[] shape) {
        NDArray out = make(shape, "float64");
        locked(gen, () -> RandomFills.legacyGauss(gen, out));
        return out;
    }

    /** off + [0, rng] integers of an integer/bool dtype; masked: RandomState's method, else Lemire's. */
    @Entry
    static NDArray bounded(BitSource gen, long off, long rng, boolean masked, long[] shape, String dtype) {
        NDArray out = make(shape, dtype);
        locked(gen, () -> RandomFills.bounded(gen, off, rng, masked, out));
        return out;
    }

    /** Element i from off[i] + [0, rng[i]] (integers with array bounds), in the given shape. */
    @Entry
    static NDArray boundedEach(BitSource gen, long[] off, long[] rng, boolean masked, long[] shape, String dtype) {
        NDArray out = make(shape, dtype);
        if (off.length != out.size() || rng.length != out.size()) throw GilfreeException.value("bounds do not match the output size");
        locked(gen, () -> RandomFills.boundedEach(gen, off, rng, masked, out));
        return out;
    }

    /** Poisson draws (int64) of the given shape: lam has one value for all, or one per element. */
    @Entry
    static NDArray poisson(BitSource gen, double[] lam, long[] shape) {
        NDArray out = make(shape, "int64");
        if (lam.length != 1 && lam.length != out.size()) throw GilfreeException.value("lam does not match the output size");
        locked(gen, () -> RandomFills.poisson(gen, lam, out));
        return out;
    }

    /** Binomial draws (int64): n and p have one value for all elements or one per element; legacy: RandomState's. */
    @Entry
    static NDArray binomial(BitSource gen, long[] n, double[] p, boolean legacy, long[] shape) {
        NDArray out = make(shape, "int64");
        long size = out.size();
        if ((n.length != 1 && n.length != size) || (p.length != 1 && p.length != size)) {
            throw GilfreeException.value("n and p do not match the output size");
        }
        locked(gen, () -> RandomFills.binomial(gen, n, p, legacy, out));
        return out;
    }

    /** Raw 64-bit words, uint64 (BitGenerator.random_raw). */
    @Entry
    static NDArray raw(BitSource gen, long[] shape) {
        NDArray out = make(shape, "uint64");
        locked(gen, () -> RandomFills.bounded(gen, 0, -1L, false, out));
        return out;
    }

    /** The Fisher–Yates permutation of 0..n-1 (int64) with swaps down to index first. */
    @Entry
    static NDArray swaps(BitSource gen, long n, long first, boolean lemire) {
        NDArray out = make(new long[]{n}, "int64");
        locked(gen, () -> RandomFills.swaps(gen, first, lemire, out));
        return out;
    }

    /** Generator.choice(pop, k, replace=False) for a small k (Floyd's sampling), int64 of size k. */
    @Entry
    static NDArray floydSample(BitSource gen, long pop, long k, boolean shuffle) {
        NDArray out = make(new long[]{k}, "int64");
        locked(gen, () -> RandomFills.floydSample(gen, pop, shuffle, out));
        return out;
    }
}
