package dev.gilfree.kernels;

/**
 * Philox4x64-10 (Salmon et al.'s counter-based generator), NumPy's Philox: each step increments a 256-bit
 * counter and encrypts it under the 128-bit key into four 64-bit words, handed out one at a time.
 */
public final class Philox extends BitSource {
    private static final long M0 = 0xD2E7470EE14C6C93L, M1 = 0xCA5A826395121157L;
    private static final long W0 = 0x9E3779B97F4A7C15L, W1 = 0xBB67AE8584CAA73BL;

    final long[] ctr = new long[4], key = new long[2], buffer = new long[4];
    int bufferPos = 4;

    public Philox(long[] key, long[] counter) {
        System.arraycopy(key, 0, this.key, 0, 2);
        System.arraycopy(counter, 0, ctr, 0, 4);
    }

    @Override
    public long next64() {
        if (bufferPos < 4) return buffer[bufferPos++];
        for (int i = 0; i < 4 && ++ctr[i] == 0; i++) { /* carry */ }
        long c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3], k0 = key[0], k1 = key[1];
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                k0 += W0;
                k1 += W1;
            }
            long hi0 = Math.unsignedMultiplyHigh(M0, c0), lo0 = M0 * c0;
            long hi1 = Math.unsignedMultiplyHigh(M1, c2), lo1 = M1 * c2;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
        }
        buffer[0] = c0;
        buffer[1] = c1;
        buffer[2] = c2;
        buffer[3] = c3;
        bufferPos = 1;
        return c0;
    }

    @Override
    public int next32() { return halfWord(); }

    /** {counter 0..3, key 0..1, buffer 0..3, buffer_pos, has_uint32, uinteger}. */
    public long[] state() {
        return new long[]{ctr[0], ctr[1], ctr[2], ctr[3], key[0], key[1], buffer[0], buffer[1], buffer[2], buffer[3],
            bufferPos, hasUint32 ? 1 : 0, uinteger & 0xffffffffL};
    }

    public void setState(long[] s) {
        System.arraycopy(s, 0, ctr, 0, 4);
        System.arraycopy(s, 4, key, 0, 2);
        System.arraycopy(s, 6, buffer, 0, 4);
        bufferPos = (int) s[10];
        hasUint32 = s[11] != 0;
        uinteger = (int) s[12];
    }

    /** Adds the 256-bit step (four words, low first) to the counter and drops the buffered words. */
    public void advance(long[] step) {
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long a = ctr[i], sum = a + step[i];
            long withCarry = sum + carry;
            carry = (Long.compareUnsigned(sum, a) < 0 || Long.compareUnsigned(withCarry, sum) < 0) ? 1 : 0;
            ctr[i] = withCarry;
        }
        bufferPos = 4;
        java.util.Arrays.fill(buffer, 0);
        hasUint32 = false;
        uinteger = 0;
    }
}
