package dev.gilfree.kernels;

/** Chris Doty-Humphrey's Small Fast Chaotic generator SFC64 (NumPy's SFC64): four 64-bit words, one a counter. */
public final class Sfc64 extends BitSource {
    long a, b, c, w;

    /** NumPy's sfc64_set_seed: three seed words, the counter at 1, then 12 discarded outputs. */
    public static Sfc64 seeded(long s0, long s1, long s2) {
        Sfc64 g = new Sfc64();
        g.a = s0;
        g.b = s1;
        g.c = s2;
        g.w = 1;
        for (int i = 0; i < 12; i++) g.next64();
        return g;
    }

    @Override
    public long next64() {
        long tmp = a + b + w++;
        a = b ^ (b >>> 11);
        b = c + (c << 3);
        c = Long.rotateLeft(c, 24) + tmp;
        return tmp;
    }

    @Override
    public int next32() { return halfWord(); }

    /** {a, b, c, counter, has_uint32, uinteger}. */
    public long[] state() { return new long[]{a, b, c, w, hasUint32 ? 1 : 0, uinteger & 0xffffffffL}; }

    public void setState(long[] s) {
        a = s[0];
        b = s[1];
        c = s[2];
        w = s[3];
        hasUint32 = s[4] != 0;
        uinteger = (int) s[5];
    }
}
