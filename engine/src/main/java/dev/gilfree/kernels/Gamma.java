package dev.gilfree.kernels;

/**
 * NumPy's standard gamma sampler: Marsaglia and Tsang's squeeze over the normal ziggurat for shape above 1,
 * Ahrens and Dieter's (GS) rejection over uniforms and exponentials below 1, the exponential at 1. The JVM's
 * log and pow (Math's, closer to the C library's correctly rounded results than StrictMath's) give NumPy's
 * values for shape 1 and up; below 1 the sample is a pow result, and about one draw in a thousand differs
 * from NumPy's in the last bit where the two pow implementations round differently.
 */
public final class Gamma {
    private Gamma() {}

    /** random_standard_gamma. */
    static double draw(BitSource g, double shape) { return draw(g, shape, false); }

    /** random_standard_gamma, or with {@code legacy} RandomState's (polar normals, -log(1 - U) exponentials). */
    static double draw(BitSource g, double shape, boolean legacy) {
        if (shape == 1.0) return exponential(g, legacy);
        if (shape == 0.0) return 0.0;
        if (shape < 1.0) {
            for (;;) {
                double u = g.nextDouble(), v = exponential(g, legacy);
                if (u <= 1.0 - shape) {
                    double x = Math.pow(u, 1. / shape);
                    if (x <= v) return x;
                } else {
                    double y = -Math.log((1 - u) / shape);
                    double x = Math.pow(1.0 - shape + shape * y, 1. / shape);
                    if (x <= v + y) return x;
                }
            }
        }
        double b = shape - 1. / 3., c = 1. / Math.sqrt(9 * b);
        for (;;) {
            double x, v;
            do {
                x = legacy ? RandomFills.legacyGauss(g) : NormZiggurat.draw(g);
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = g.nextDouble();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
            if (Math.log(u) < 0.5 * x * x + b * (1. - v + Math.log(v))) return b * v;
        }
    }

    private static double exponential(BitSource g, boolean legacy) {
        return legacy ? RandomFills.legacyExponential(g) : ExpZiggurat.draw(g);
    }

    /** random_standard_gamma_f: the same in float arithmetic. */
    static float drawFloat(BitSource g, float shape) {
        if (shape == 1.0f) return ExpZiggurat.drawFloat(g);
        if (shape == 0.0f) return 0.0f;
        if (shape < 1.0f) {
            for (;;) {
                float u = g.nextFloat(), v = ExpZiggurat.drawFloat(g);
                if (u <= 1.0f - shape) {
                    float x = (float) Math.pow(u, 1.0f / shape);
                    if (x <= v) return x;
                } else {
                    float y = -(float) Math.log((1.0f - u) / shape);
                    float x = (float) Math.pow(1.0f - shape + shape * y, 1.0f / shape);
                    if (x <= v + y) return x;
                }
            }
        }
        float b = shape - 1.0f / 3.0f, c = 1.0f / (float) Math.sqrt(9.0f * b);
        for (;;) {
            float x, v;
            do {
                x = NormZiggurat.drawFloat(g);
                v = 1.0f + c * x;
            } while (v <= 0.0f);
            v = v * v * v;
            float u = g.nextFloat();
            if (u < 1.0f - 0.0331f * (x * x) * (x * x)) return b * v;
            if ((float) Math.log(u) < 0.5f * x * x + b * (1.0f - v + (float) Math.log(v))) return b * v;
        }
    }
}
