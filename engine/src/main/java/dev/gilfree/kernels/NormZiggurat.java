package dev.gilfree.kernels;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Marsaglia and Tsang's 256-layer ziggurat for the standard normal, as NumPy's Generator draws it.
 *
 * <p>NumPy's tables were made by a double-precision recursion (the layer edges
 * x[i] = sqrt(-2 log(f(x[i-1]) + v / x[i-1])) from r = 3.6541528853610088 with the layer area
 * v = 0.0049286732339746519, f(x) = exp(-x²/2)), then ki = round-half-even(x[i-1] / x[i] · 2^52 or 2^23),
 * wi = x / 2^52 (or 2^23), fi = f(x); the float tables were printed with 21 significant digits and read back
 * as floats. We rerun that recursion with correctly rounded exp and log (evaluated in 256-bit fixed point).
 * That reproduces every entry but one rounding: the machine that made NumPy's tables rounded
 * exp(-x²/2) at layer 38 (x = 0.8818..., the exact value 0.4983 ulp above the lower double, a near tie) up,
 * where a correctly rounded exp rounds down; since the recursion runs on from that value, layers 1 to 38
 * would otherwise differ by an ulp. {@link #REFERENCE_EXP_ROUNDED_UP} applies that one observed rounding.
 */
public final class NormZiggurat {
    private NormZiggurat() {}

    static final double R = 3.6541528853610087963519472518;
    static final double INV_R = 1.0 / R;
    static final float R_F = (float) R;
    static final float INV_R_F = (float) INV_R;
    private static final double V = 0.0049286732339746519;

    /** The recursion step (counted from the base strip, x[0] = r) whose f the reference exp rounded up. */
    private static final int REFERENCE_EXP_ROUNDED_UP = 217;

    static final long[] KI = new long[256];
    static final double[] WI = new double[256], FI = new double[256];
    static final int[] KI_F = new int[256];
    static final float[] WI_F = new float[256], FI_F = new float[256];

    static {
        double[] x = new double[256], f = new double[256];  // recursion order: x[0] = r, x[255] = 0
        x[0] = R;
        f[0] = exp(-0.5 * R * R);
        for (int i = 1; i < 255; i++) {
            x[i] = Math.sqrt(-2 * log(f[i - 1] + V / x[i - 1]));
            f[i] = exp(-0.5 * x[i] * x[i]);
            if (i == REFERENCE_EXP_ROUNDED_UP) f[i] = Math.nextUp(f[i]);
        }
        f[255] = 1.0;
        for (int k = 0; k < 256; k++) {  // table index k holds recursion step 255 - k
            double xk = x[255 - k];
            WI[k] = xk * 0x1.0p-52;
            WI_F[k] = printedFloat(xk * 0x1.0p-23);
            FI[k] = f[255 - k];
            FI_F[k] = printedFloat(FI[k]);
            if (k >= 1) {
                double ratio = x[256 - k] / xk;
                KI[k] = (long) Math.rint(ratio * 0x1.0p52);
                KI_F[k] = (int) Math.rint(ratio * 0x1.0p23);
            }
        }
        double tail = R * f[0] / V;  // the base strip's rectangle share of its area
        KI[0] = (long) Math.rint(tail * 0x1.0p52);
        KI_F[0] = (int) Math.rint(tail * 0x1.0p23);
        WI[0] = V / f[0] * 0x1.0p-52;
        WI_F[0] = printedFloat(V / f[0] * 0x1.0p-23);
    }

    /** A double printed with 21 significant digits and read back as a float (how NumPy's float tables came to be). */
    private static float printedFloat(double d) {
        return new BigDecimal(d).round(new MathContext(21, RoundingMode.HALF_EVEN)).floatValue();
    }

    /** Correctly rounded exp of a double in [-16, 0]. */
    private static double exp(double a) {
        return ExpZiggurat.decimal(ExpZiggurat.exp(ExpZiggurat.fixed(new BigDecimal(a)))).doubleValue();
    }

    /** Correctly rounded natural logarithm of a double in (0, 1]. */
    private static double log(double p) {
        return ExpZiggurat.decimal(ExpZiggurat.ln(ExpZiggurat.fixed(new BigDecimal(p)))).doubleValue();
    }

    /** NumPy's random_standard_normal. */
    static double draw(BitSource g) {
        for (;;) {
            long r = g.next64();
            int idx = (int) (r & 0xff);
            r >>>= 8;
            long rabs = (r >>> 1) & 0x000fffffffffffffL;
            double x = rabs * WI[idx];
            if ((r & 1) != 0) x = -x;
            if (rabs < KI[idx]) return x;
            if (idx == 0) {
                for (;;) {
                    double xx = -INV_R * StrictMath.log1p(-g.nextDouble());
                    double yy = -StrictMath.log1p(-g.nextDouble());
                    if (yy + yy > xx * xx) return ((rabs >>> 8) & 1) != 0 ? -(R + xx) : R + xx;
                }
            }
            if ((FI[idx - 1] - FI[idx]) * g.nextDouble() + FI[idx] < StrictMath.exp(-0.5 * x * x)) return x;
        }
    }

    /** NumPy's random_standard_normal_f: one 32-bit word per try, the acceptance test in double. */
    static float drawFloat(BitSource g) {
        for (;;) {
            int r = g.next32();
            int idx = r & 0xff;
            int rabs = (r >>> 9) & 0x7fffff;
            float x = rabs * WI_F[idx];
            if (((r >>> 8) & 1) != 0) x = -x;
            if (rabs < KI_F[idx]) return x;
            if (idx == 0) {
                for (;;) {
                    float xx = -INV_R_F * (float) StrictMath.log1p(-g.nextFloat());
                    float yy = -(float) StrictMath.log1p(-g.nextFloat());
                    if (yy + yy > xx * xx) return ((rabs >>> 8) & 1) != 0 ? -(R_F + xx) : R_F + xx;
                }
            }
            if ((FI_F[idx - 1] - FI_F[idx]) * g.nextFloat() + FI_F[idx] < StrictMath.exp(-0.5 * x * x)) return x;
        }
    }
}
