package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plans against a direct DFT summed in BigDecimal: every small length, primes (Bluestein), real splits. */
class FftPlanTest {
    private static final MathContext MC = MathContext.DECIMAL128;

    private static double[] random(int doubles, long seed) {
        Random r = new Random(seed);
        double[] x = new double[doubles];
        for (int i = 0; i < doubles; i++) x[i] = r.nextDouble() * 2 - 1;
        return x;
    }

    /** sum x[j] exp(sign 2 pi i jk/n), with roots accurate to an ulp and exact accumulation. */
    private static double[] direct(double[] x, int n, int sign) {
        double[] out = new double[2 * n], w = new double[2];
        for (int k = 0; k < n; k++) {
            BigDecimal re = BigDecimal.ZERO, im = BigDecimal.ZERO;
            for (int j = 0; j < n; j++) {
                FftPlan.root((long) j * k % n, n, w, 0);
                double wr = w[0], wi = sign < 0 ? w[1] : -w[1];
                BigDecimal xr = new BigDecimal(x[2 * j]), xi = new BigDecimal(x[2 * j + 1]);
                BigDecimal br = new BigDecimal(wr), bi = new BigDecimal(wi);
                re = re.add(xr.multiply(br, MC).subtract(xi.multiply(bi, MC), MC), MC);
                im = im.add(xr.multiply(bi, MC).add(xi.multiply(br, MC), MC), MC);
            }
            out[2 * k] = re.doubleValue();
            out[2 * k + 1] = im.doubleValue();
        }
        return out;
    }

    // max |got - want| over the rms of want: a few ulps times log n for an accurate FFT
    private static double error(double[] got, double[] want) {
        double e = 0, s = 0;
        for (int i = 0; i < want.length; i++) {
            e = Math.max(e, Math.abs(got[i] - want[i]));
            s += want[i] * want[i];
        }
        return e / Math.sqrt(s / want.length + 1e-300);
    }

    private static void checkComplex(int n) {
        double[] x = random(2 * n, n);
        FftPlan p = FftPlan.of(n);
        double[] f = x.clone(), b = x.clone(), s = new double[p.scratchLength()];
        p.forward(f, s);
        p.backward(b, s);
        double bound = 4e-16 * (4 + Math.log(n) / Math.log(2));
        double ef = error(f, direct(x, n, -1)), eb = error(b, direct(x, n, 1));
        assertTrue(ef < bound, "forward n=" + n + " error " + ef);
        assertTrue(eb < bound, "backward n=" + n + " error " + eb);
    }

    @Test
    void everySmallLength() {
        for (int n = 1; n <= 70; n++) checkComplex(n);
    }

    @Test
    void largePrimesAndMixedLengths() {
        for (int n : new int[]{97, 101, 127, 128, 243, 250, 256, 343, 360, 13 * 17 * 3}) checkComplex(n);
    }

    @Test
    void bluesteinRoundTripAtAMillion() {
        int n = 999_983;
        double[] x = random(2 * n, 7);
        FftPlan p = FftPlan.of(n);
        double[] y = x.clone(), s = new double[p.scratchLength()];
        p.forward(y, s);
        // Parseval: sum |X|^2 = n sum |x|^2
        double ex = 0, ey = 0;
        for (int i = 0; i < 2 * n; i++) { ex += x[i] * x[i]; ey += y[i] * y[i]; }
        assertTrue(Math.abs(ey / n / ex - 1) < 1e-12, "Parseval " + ey / n / ex);
        p.backward(y, s);
        double e = 0;
        for (int i = 0; i < 2 * n; i++) e = Math.max(e, Math.abs(y[i] / n - x[i]));
        assertTrue(e < 1e-13, "round trip error " + e);
    }

    @Test
    void realTransformsMatchComplexOnes() {
        for (int n = 1; n <= 40; n++) {
            double[] x = random(n, 100 + n), c = new double[2 * n];
            for (int j = 0; j < n; j++) c[2 * j] = x[j];
            double[] want = direct(c, n, -1);
            boolean packed = n % 2 == 0;
            FftPlan p = FftPlan.of(packed ? n / 2 : n);
            double[] buf = new double[2 * n + 2], s = new double[p.scratchLength()];
            for (int j = 0; j < n; j++) buf[packed ? j : 2 * j] = x[j];
            Fourier.realForward(p, buf, s, packed);
            double[] half = java.util.Arrays.copyOf(want, 2 * (n / 2 + 1));
            double[] got = java.util.Arrays.copyOf(buf, 2 * (n / 2 + 1));
            assertTrue(error(got, half) < 3e-15, "rfft n=" + n + " " + error(got, half));
            // and back: n * x
            Fourier.realBackward(p, buf, s, packed);
            double e = 0;
            for (int j = 0; j < n; j++) e = Math.max(e, Math.abs(buf[j] / n - x[j]));
            assertTrue(e < 3e-15, "irfft n=" + n + " " + e);
        }
    }
}
