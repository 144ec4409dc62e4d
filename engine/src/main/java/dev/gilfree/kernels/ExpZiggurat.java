package dev.gilfree.kernels;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Marsaglia and Tsang's 256-layer ziggurat for the standard exponential, as NumPy draws it. The layer
 * tables are computed here once, in 256-bit fixed-point arithmetic from the base strip's right edge r and
 * the layer area v, then rounded: doubles to nearest, floats through 9 significant digits (how NumPy's float
 * table was printed), acceptance thresholds truncated (double) or rounded (float).
 */
public final class ExpZiggurat {
    private ExpZiggurat() {}

    static final double R = 7.6971174701310497140446280481;
    static final float R_F = 7.6971174701310497140446280481f;

    static final long[] KE = new long[256];
    static final double[] WE = new double[256], FE = new double[256];
    static final int[] KE_F = new int[256];
    static final float[] WE_F = new float[256], FE_F = new float[256];

    /** Fixed point: a BigInteger v stands for v / 2^BITS. */
    private static final int BITS = 256;
    private static final BigInteger ONE = BigInteger.ONE.shiftLeft(BITS);
    private static final BigDecimal ULP = BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(BITS)));

    static {
        BigInteger r = fixed(new BigDecimal("7.6971174701310497140446280481"));
        BigInteger fr = exp(r.negate());
        BigInteger v = mul(r, fr).add(fr);  // r f(r) + the tail's area, f(x) = exp(-x)
        BigInteger[] x = new BigInteger[256]; // x[i]: right edge of layer i; x[0] = v / f(r)
        BigInteger[] f = new BigInteger[256];
        x[255] = r;
        f[255] = fr;
        for (int i = 254; i >= 1; i--) {
            x[i] = ln(div(v, x[i + 1]).add(f[i + 1])).negate();
            f[i] = exp(x[i].negate());
        }
        x[0] = div(v, fr);
        f[0] = ONE;
        for (int i = 0; i < 256; i++) {
            BigDecimal xi = decimal(x[i]), fi = decimal(f[i]);
            WE[i] = xi.divide(BigDecimal.TWO.pow(53)).doubleValue();
            WE_F[i] = xi.divide(BigDecimal.TWO.pow(23)).round(new MathContext(9)).floatValue();
            FE[i] = fi.doubleValue();
            FE_F[i] = fi.round(new MathContext(9)).floatValue();
            if (i == 1) continue;  // ke[1] = 0
            BigInteger ratio = i == 0 ? div(r, x[0]) : div(x[i - 1], x[i]);
            KE[i] = ratio.shiftRight(BITS - 53).longValueExact();
            KE_F[i] = ratio.add(BigInteger.ONE.shiftLeft(BITS - 24)).shiftRight(BITS - 23).intValueExact();
        }
    }

    static double draw(BitSource g) {
        for (;;) {
            long ri = g.next64() >>> 3;
            int idx = (int) (ri & 0xff);
            ri >>>= 8;
            double x = ri * WE[idx];
            if (ri < KE[idx]) return x;
            if (idx == 0) return R - StrictMath.log1p(-g.nextDouble());
            if ((FE[idx - 1] - FE[idx]) * g.nextDouble() + FE[idx] < StrictMath.exp(-x)) return x;
        }
    }

    static float drawFloat(BitSource g) {
        for (;;) {
            int ri = g.next32() >>> 1;
            int idx = ri & 0xff;
            ri >>>= 8;
            float x = ri * WE_F[idx];
            if (ri < KE_F[idx]) return x;
            if (idx == 0) return R_F - (float) StrictMath.log1p(-g.nextFloat());
            if ((FE_F[idx - 1] - FE_F[idx]) * g.nextFloat() + FE_F[idx] < (float) StrictMath.exp(-x)) return x;
        }
    }

    static BigInteger fixed(BigDecimal d) { return d.multiply(new BigDecimal(ONE)).toBigInteger(); }

    static BigDecimal decimal(BigInteger v) { return new BigDecimal(v).multiply(ULP); }

    private static BigInteger mul(BigInteger a, BigInteger b) { return a.multiply(b).shiftRight(BITS); }

    private static BigInteger div(BigInteger a, BigInteger b) { return a.shiftLeft(BITS).divide(b); }

    /** exp(x) for |x| < 16: Taylor series of x / 2^12, squared back 12 times. */
    static BigInteger exp(BigInteger x) {
        BigInteger y = x.shiftRight(12), term = ONE, sum = ONE;
        for (int n = 1; n < 30; n++) {
            term = mul(term, y).divide(BigInteger.valueOf(n));
            sum = sum.add(term);
        }
        for (int k = 0; k < 12; k++) sum = mul(sum, sum);
        return sum;
    }

    /** ln(y) by Newton's iteration on exp, started from the double logarithm. */
    static BigInteger ln(BigInteger y) {
        BigInteger z = fixed(new BigDecimal(Math.log(decimal(y).doubleValue())));
        for (int i = 0; i < 3; i++) {
            BigInteger e = exp(z);
            z = z.add(div(y.subtract(e).shiftLeft(1), y.add(e)));
        }
        return z;
    }
}
