package dev.gilfree.kernels;

/** The Mersenne Twister MT19937 with NumPy's seeding routines and its 53-bit double (two 32-bit words). */
public final class Mt19937 extends BitSource {
    static final int N = 624, M = 397;
    final int[] key = new int[N];
    int pos;

    /** RandomState(int): Knuth's linear seeding of the reference implementation. */
    public static Mt19937 seeded(long seed) {
        Mt19937 g = new Mt19937();
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            g.key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        g.pos = N;
        return g;
    }

    /** RandomState(array): the reference init_by_array. */
    public static Mt19937 byArray(int[] init) {
        Mt19937 g = seeded(19650218L);
        int[] mt = g.key;
        int i = 1, j = 0;
        for (int k = Math.max(N, init.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + init[j] + j;
            i++;
            j++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
            if (j >= init.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
        }
        mt[0] = 0x80000000;
        g.pos = N;
        return g;
    }

    /** The state as NumPy stores it: 624 key words and the position. */
    public static Mt19937 ofState(int[] key, int pos) {
        Mt19937 g = new Mt19937();
        g.setState(key, pos);
        return g;
    }

    public void setState(int[] k, int p) {
        if (k.length != N) throw new IllegalArgumentException("key must have 624 words");
        System.arraycopy(k, 0, key, 0, N);
        pos = p;
    }

    public int[] key() { return key.clone(); }

    public int pos() { return pos; }

    private void generate() {
        // (i + M) mod N split into its two ranges: no division in the hot loop
        int i = 0;
        for (; i < N - M; i++) key[i] = twist(key[i + M], key[i], key[i + 1]);
        for (; i < N - 1; i++) key[i] = twist(key[i + M - N], key[i], key[i + 1]);
        key[N - 1] = twist(key[M - 1], key[N - 1], key[0]);
        pos = 0;
    }

    private static int twist(int far, int cur, int next) {
        int y = (cur & 0x80000000) | (next & 0x7fffffff);
        return far ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }

    @Override
    public int next32() {
        if (pos == N) generate();
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    @Override
    public long next64() { return ((next32() & 0xffffffffL) << 32) | (next32() & 0xffffffffL); }

    @Override
    public double nextDouble() {
        long a = (next32() >>> 5) & 0xffffffffL, b = (next32() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
