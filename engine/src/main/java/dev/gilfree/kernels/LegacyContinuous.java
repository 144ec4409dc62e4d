package dev.gilfree.kernels;

/**
 * RandomState's continuous distributions (NumPy's legacy-distributions.c): the polar-method normal and
 * -log(1 - U) exponentials in place of the ziggurats, and the older forms of a few formulas.
 */
final class LegacyContinuous {
    private LegacyContinuous() {}

    static double draw(String kind, BitSource g, double a, double b, double c) {
        return switch (kind) {
            case "standard_exponential" -> exponential(g);
            case "exponential" -> a * exponential(g);
            case "standard_gamma" -> gamma(g, a);
            case "gamma" -> b * gamma(g, a);
            case "chisquare" -> 2.0 * gamma(g, a / 2.0);
            case "beta" -> beta(g, a, b);
            case "f" -> {
                double num = 2.0 * gamma(g, a / 2.0) * b;
                yield num / (2.0 * gamma(g, b / 2.0) * a);
            }
            case "standard_t" -> {
                double num = RandomFills.legacyGauss(g);
                double den = gamma(g, a / 2);
                yield Math.sqrt(a / 2) * num / Math.sqrt(den);
            }
            case "standard_cauchy" -> {
                double num = RandomFills.legacyGauss(g);
                yield num / RandomFills.legacyGauss(g);
            }
            case "wald" -> {
                double mu2l = a / (2 * b);
                double y = RandomFills.legacyGauss(g);
                y = a * y * y;
                double x = a + mu2l * (y - Math.sqrt(4 * b * y + y * y));
                yield g.nextDouble() <= a / (a + x) ? x : a * a / x;
            }
            case "lognormal" -> Math.exp(a + b * RandomFills.legacyGauss(g));
            case "pareto" -> Math.exp(exponential(g) / a) - 1;
            case "weibull" -> a == 0.0 ? 0.0 : Math.pow(exponential(g), 1. / a);
            case "power" -> Math.pow(1 - Math.exp(-exponential(g)), 1. / a);
            case "noncentral_chisquare" -> noncentralChisquare(g, a, b);
            case "noncentral_f" -> {
                double t = noncentralChisquare(g, a, c) * b;
                yield t / (2.0 * gamma(g, b / 2.0) * a);
            }
            case "rayleigh" -> a * Math.sqrt(-2.0 * Math.log1p(-g.nextDouble()));
            default -> Continuous.draw(kind, g, a, b, c);  // laplace, gumbel, logistic, triangular: shared with Generator
        };
    }

    private static double noncentralChisquare(BitSource g, double df, double nonc) {
        if (nonc == 0) return 2.0 * gamma(g, df / 2.0);
        if (1 < df) {
            double chi2 = 2.0 * gamma(g, (df - 1) / 2.0);
            double n = RandomFills.legacyGauss(g) + Math.sqrt(nonc);
            return chi2 + n * n;
        }
        long i = Poisson.draw(g, nonc / 2.0);
        double out = 2.0 * gamma(g, (df + 2 * i) / 2.0);
        return Double.isNaN(nonc) ? Double.NaN : out;  // NaN after the draws: the stream as NumPy's
    }

    private static double exponential(BitSource g) { return RandomFills.legacyExponential(g); }

    private static double gamma(BitSource g, double shape) { return Gamma.draw(g, shape, true); }

    private static double beta(BitSource g, double a, double b) {
        if (a > 1.0 || b > 1.0) {
            double ga = gamma(g, a), gb = gamma(g, b);
            return ga / (ga + gb);
        }
        for (;;) {  // Johnk's algorithm
            double u = g.nextDouble(), v = g.nextDouble();
            double x = Math.pow(u, 1.0 / a), y = Math.pow(v, 1.0 / b);
            if (x + y <= 1.0) {
                if (x + y > 0) return x / (x + y);
                double logX = Math.log(u) / a, logY = Math.log(v) / b, logM = Math.max(logX, logY);
                logX -= logM;
                logY -= logM;
                return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
            }
        }
    }
}
