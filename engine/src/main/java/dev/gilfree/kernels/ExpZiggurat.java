package dev.gilfree.kernels;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Marsaglia and Tsang's 256-layer ziggurat for the standard exponential, as NumPy draws it. The layer
 * tables are computed here once, in 60-digit decimal arithmetic from the base strip's right edge r and the
 * layer area v, then rounded: doubles to nearest, floats through 9 significant digits (how NumPy's float
 * table was printed), acceptance thresholds truncated (double) or rounded (float).
 */
public final class ExpZiggurat {
    private ExpZiggurat() {}

    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    static final double R = 7.6971174701310497140446280481;
    static final float R_F = 7.6971174701310497140446280481f;

    static final long[] KE = new long[256];
    static final double[] WE = new double[256], FE = new double[256];
    static final int[] KE_F = new int[256];
    static final float[] WE_F = new float[256], FE_F = new float[256];

    static {
        BigDecimal r = new BigDecimal("7.6971174701310497140446280481");
        BigDecimal fr = exp(r.negate());
        BigDecimal v = r.multiply(fr, MC).add(fr, MC);  // r f(r) + the tail's area, f(x) = exp(-x)
        BigDecimal[] x = new BigDecimal[256];           // x[i]: right edge of layer i; x[0] = v / f(r)
        x[255] = r;
        for (int i = 254; i >= 1; i--) x[i] = ln(v.divide(x[i + 1], MC).add(exp(x[i + 1].negate()), MC)).negate();
        x[0] = v.divide(fr, MC);
        BigDecimal m = BigDecimal.TWO.pow(53), mf = BigDecimal.TWO.pow(23);
        for (int i = 0; i < 256; i++) {
            WE[i] = x[i].divide(m, MC).doubleValue();
            WE_F[i] = x[i].divide(mf, MC).round(new MathContext(9)).floatValue();
            BigDecimal f = i == 0 ? BigDecimal.ONE : exp(x[i].negate());
            FE[i] = f.doubleValue();
            FE_F[i] = f.round(new MathContext(9)).floatValue();
        }
        // ke[i+1] = x[i] / x[i+1] scaled; ke[0] = r / x[0] scaled; ke[1] = 0
        for (int i = 0; i < 256; i++) {
            if (i == 1) continue;
            BigDecimal ratio = i == 0 ? r.divide(x[0], MC) : x[i - 1].divide(x[i], MC);
            KE[i] = ratio.multiply(m).setScale(0, RoundingMode.DOWN).longValueExact();
            KE_F[i] = ratio.multiply(mf).setScale(0, RoundingMode.HALF_EVEN).intValueExact();
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

    /** exp(x) to about 60 digits: Taylor series of x / 2^20, squared back 20 times. */
    static BigDecimal exp(BigDecimal x) {
        MathContext mc = new MathContext(90);
        BigDecimal y = x.divide(BigDecimal.TWO.pow(20), mc), term = BigDecimal.ONE, sum = BigDecimal.ONE;
        for (int n = 1; n < 40; n++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
        }
        for (int k = 0; k < 20; k++) sum = sum.multiply(sum, mc);
        return sum.round(MC);
    }

    /** ln(y) by Newton's iteration on exp, started from the double logarithm. */
    static BigDecimal ln(BigDecimal y) {
        BigDecimal z = new BigDecimal(Math.log(y.doubleValue()));
        for (int i = 0; i < 4; i++) {
            BigDecimal e = exp(z);
            z = z.add(BigDecimal.TWO.multiply(y.subtract(e, MC), MC).divide(y.add(e, MC), MC), MC);
        }
        return z;
    }
}
