package dev.gilfree.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * PCG64 (XSL-RR output of a 128-bit LCG) and, with {@code dxsm}, PCG64DXSM (DXSM output of the
 * pre-step state of an LCG with the 64-bit "cheap" multiplier); the same state layout as NumPy's.
 */
public final class Pcg64 extends BitSource {
    private static final long MUL_HI = 2549297995355413924L, MUL_LO = 4865540595714422341L;
    private static final long CHEAP = 0xda942042e4dd58b5L;

    public final boolean dxsm;
    long hi, lo, incHi, incLo;

    public Pcg64(boolean dxsm) { this.dxsm = dxsm; }

    /** NumPy's pcg64_set_seed: the seed sequence's 128-bit state and stream selector. */
    public static Pcg64 seeded(boolean dxsm, long sHi, long sLo, long qHi, long qLo) {
        // NumPy seeds both variants with the full 128-bit multiplier
        Pcg64 g = new Pcg64(false);
        g.incHi = (qHi << 1) | (qLo >>> 63);
        g.incLo = (qLo << 1) | 1L;
        g.step();
        long l = g.lo + sLo;
        g.hi = g.hi + sHi + (Long.compareUnsigned(l, sLo) < 0 ? 1 : 0);
        g.lo = l;
        g.step();
        Pcg64 out = new Pcg64(dxsm);
        out.setState(g.state());
        return out;
    }

    private void step() {
        long mHi = dxsm ? 0 : MUL_HI, mLo = dxsm ? CHEAP : MUL_LO;
        long pLo = lo * mLo;
        long pHi = Math.unsignedMultiplyHigh(lo, mLo) + hi * mLo + lo * mHi;
        long l = pLo + incLo;
        hi = pHi + incHi + (Long.compareUnsigned(l, pLo) < 0 ? 1 : 0);
        lo = l;
    }

    @Override
    public long next64() {
        if (dxsm) {
            long h = hi, l = lo | 1;
            h ^= h >>> 32;
            h *= CHEAP;
            h ^= h >>> 48;
            h *= l;
            step();
            return h;
        }
        step();
        return Long.rotateRight(hi ^ lo, (int) (hi >>> 58));
    }

    /**
     * n uniform doubles into s at base (8-byte stride): the state kept in locals for the whole loop, so
     * the JIT keeps it in registers (about 1 ns per value instead of a field round trip per draw).
     */
    public void fillDoubles(MemorySegment s, long base, long n) {
        long h = hi, l = lo, ih = incHi, il = incLo;
        if (dxsm) {
            for (long i = 0; i < n; i++) {
                long x = h ^ (h >>> 32);
                x *= CHEAP;
                x ^= x >>> 48;
                x *= l | 1;
                long pLo = l * CHEAP, pHi = Math.unsignedMultiplyHigh(l, CHEAP) + h * CHEAP;
                l = pLo + il;
                h = pHi + ih + (Long.compareUnsigned(l, pLo) < 0 ? 1 : 0);
                s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, (x >>> 11) * 0x1.0p-53);
            }
        } else {
            for (long i = 0; i < n; i++) {
                long pLo = l * MUL_LO, pHi = Math.unsignedMultiplyHigh(l, MUL_LO) + h * MUL_LO + l * MUL_HI;
                l = pLo + il;
                h = pHi + ih + (Long.compareUnsigned(l, pLo) < 0 ? 1 : 0);
                long x = Long.rotateRight(h ^ l, (int) (h >>> 58));
                s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base + 8 * i, (x >>> 11) * 0x1.0p-53);
            }
        }
        hi = h;
        lo = l;
    }

    @Override
    public int next32() { return halfWord(); }

    /** {state hi, state lo, inc hi, inc lo, has_uint32, uinteger}. */
    public long[] state() { return new long[]{hi, lo, incHi, incLo, hasUint32 ? 1 : 0, uinteger & 0xffffffffL}; }

    public void setState(long[] s) {
        hi = s[0]; lo = s[1]; incHi = s[2]; incLo = s[3];
        hasUint32 = s[4] != 0;
        uinteger = (int) s[5];
    }

    /** Jumps the LCG ahead by the 128-bit {@code delta} steps (Brown's algorithm) and drops the buffered half word. */
    public void advance(long dHi, long dLo) {
        long mHi = dxsm ? 0 : MUL_HI, mLo = dxsm ? CHEAP : MUL_LO;
        long[] acc = jump(mHi, mLo, incHi, incLo, dHi, dLo);
        // state = accMult * state + accPlus
        long pLo = acc[1] * lo;
        long pHi = Math.unsignedMultiplyHigh(acc[1], lo) + acc[0] * lo + acc[1] * hi;
        long l = pLo + acc[3];
        hi = pHi + acc[2] + (Long.compareUnsigned(l, pLo) < 0 ? 1 : 0);
        lo = l;
        hasUint32 = false;
        uinteger = 0;
    }

    /** {multHi, multLo, plusHi, plusLo} of the affine map that advances an LCG (mult, plus) by delta steps. */
    private static long[] jump(long cmHi, long cmLo, long cpHi, long cpLo, long dHi, long dLo) {
        long amHi = 0, amLo = 1, apHi = 0, apLo = 0;
        while (dHi != 0 || dLo != 0) {
            if ((dLo & 1) != 0) {
                long[] m = mul(amHi, amLo, cmHi, cmLo);
                amHi = m[0]; amLo = m[1];
                long[] p = mul(apHi, apLo, cmHi, cmLo);
                long l = p[1] + cpLo;
                apHi = p[0] + cpHi + (Long.compareUnsigned(l, p[1]) < 0 ? 1 : 0);
                apLo = l;
            }
            long l1 = cmLo + 1;
            long[] np = mul(cmHi + (l1 == 0 ? 1 : 0), l1, cpHi, cpLo);
            cpHi = np[0]; cpLo = np[1];
            long[] nm = mul(cmHi, cmLo, cmHi, cmLo);
            cmHi = nm[0]; cmLo = nm[1];
            dLo = (dLo >>> 1) | (dHi << 63);
            dHi >>>= 1;
        }
        return new long[]{amHi, amLo, apHi, apLo};
    }

    private static long[] mul(long aHi, long aLo, long bHi, long bLo) {
        return new long[]{Math.unsignedMultiplyHigh(aLo, bLo) + aHi * bLo + aLo * bHi, aLo * bLo};
    }
}
