package dev.gilfree.kernels;

/**
 * NumPy's continuous distributions built on the uniform, exponential, normal and gamma samplers (its
 * distributions.c, one function per kind, each drawing in the same order). Results that pass through
 * log, exp or pow can differ from NumPy's in the last bit where the JVM's function rounds differently
 * from the C library's; the others (beta and chisquare-based ones over shapes of at least 1, standard_t,
 * f, cauchy, wald, rayleigh, triangular) are exact, and geometric's integer only moves on a tie.
 */
public final class Continuous {
    private Continuous() {}

    /** One draw of {@code kind} with parameters a, b, c (unused ones ignored); "legacy_" kinds are RandomState's. */
    public static double draw(String kind, BitSource g, double a, double b, double c) {
        if (kind.startsWith("legacy_")) return LegacyContinuous.draw(kind.substring(7), g, a, b, c);
        return switch (kind) {
            case "beta" -> beta(g, a, b);
            case "chisquare" -> 2.0 * Gamma.draw(g, a / 2.0);
            case "f" -> {
                double num = 2.0 * Gamma.draw(g, a / 2.0) * b;
                double den = 2.0 * Gamma.draw(g, b / 2.0) * a;
                yield num / den;
            }
            case "standard_t" -> {
                double num = NormZiggurat.draw(g);
                double den = Gamma.draw(g, a / 2);
                yield Math.sqrt(a / 2) * num / Math.sqrt(den);
            }
            case "standard_cauchy" -> {
                double num = NormZiggurat.draw(g);
                yield num / NormZiggurat.draw(g);
            }
            case "wald" -> wald(g, a, b);
            case "rayleigh" -> a * Math.sqrt(2.0 * ExpZiggurat.draw(g));
            case "pareto" -> Math.expm1(ExpZiggurat.draw(g) / a);
            case "weibull" -> a == 0.0 ? 0.0 : Math.pow(ExpZiggurat.draw(g), 1. / a);
            case "power" -> Math.pow(-Math.expm1(-ExpZiggurat.draw(g)), 1. / a);
            case "laplace" -> laplace(g, a, b);
            case "gumbel" -> gumbel(g, a, b);
            case "logistic" -> logistic(g, a, b);
            case "lognormal" -> Math.exp(a + b * NormZiggurat.draw(g));
            case "triangular" -> triangular(g, a, b, c);
            case "noncentral_chisquare" -> noncentralChisquare(g, a, b);
            case "noncentral_f" -> {
                double t = noncentralChisquare(g, a, c) * b;
                yield t / (2.0 * Gamma.draw(g, b / 2.0) * a);
            }
            default -> throw new IllegalArgumentException("unknown distribution " + kind);
        };
    }

    /** Below 3e-103 for both a and b a single uniform decides 0 or 1 (the sample is one of them anyway). */
    private static final double BETA_TINY = 3e-103;

    static double beta(BitSource g, double a, double b) {
        if (a > 1.0 || b > 1.0) {
            double ga = Gamma.draw(g, a), gb = Gamma.draw(g, b);
            return ga / (ga + gb);
        }
        if (a < BETA_TINY && b < BETA_TINY) return (a + b) * g.nextDouble() < a ? 1.0 : 0.0;
        for (;;) {  // Johnk's algorithm
            double u = g.nextDouble(), v = g.nextDouble();
            double x = Math.pow(u, 1.0 / a), y = Math.pow(v, 1.0 / b), xpy = x + y;
            if (xpy <= 1.0 && u + v > 0.0) {
                if (x > 0 && y > 0) return x / xpy;
                // x or y underflowed: the ratio from logarithms
                double delta = Math.log(u) / a - Math.log(v) / b;
                return delta > 0 ? Math.exp(-Math.log1p(Math.exp(-delta))) : Math.exp(delta - Math.log1p(Math.exp(delta)));
            }
        }
    }

    private static double triangular(BitSource g, double left, double mode, double right) {
        double base = right - left, leftbase = mode - left, ratio = leftbase / base;
        double leftprod = leftbase * base, rightprod = (right - mode) * base;
        double u = g.nextDouble();
        return u <= ratio ? left + Math.sqrt(u * leftprod) : right - Math.sqrt((1.0 - u) * rightprod);
    }

    private static double noncentralChisquare(BitSource g, double df, double nonc) {
        if (Double.isNaN(nonc)) return Double.NaN;
        if (nonc == 0) return 2.0 * Gamma.draw(g, df / 2.0);
        if (1 < df) {
            double chi2 = 2.0 * Gamma.draw(g, (df - 1) / 2.0);
            double n = NormZiggurat.draw(g) + Math.sqrt(nonc);
            return chi2 + n * n;
        }
        long i = Poisson.draw(g, nonc / 2.0);
        return 2.0 * Gamma.draw(g, (df + 2 * i) / 2.0);
    }

    /**
     * NumPy's random_geometric (legacy false): a sequential search for p from 1/3, inversion of an exponential
     * below; RandomState's inversion divides log1p(-U) by log(1 - p) instead.
     */
    public static long geometric(BitSource g, double p, boolean legacy) {
        if (p >= 0.333333333333333333333333) {
            long x = 1;
            double sum = p, prod = p, q = 1.0 - p, u = g.nextDouble();
            while (u > sum) {
                prod *= q;
                sum += prod;
                x++;
            }
            return x;
        }
        if (legacy) return (long) Math.ceil(Math.log1p(-g.nextDouble()) / Math.log(1 - p));
        double z = Math.ceil(-ExpZiggurat.draw(g) / Math.log1p(-p));
        return z >= 9.223372036854776e18 ? Long.MAX_VALUE : (long) z;
    }

    private static double wald(BitSource g, double mean, double scale) {
        double y = NormZiggurat.draw(g);
        y = mean * y * y;
        double d = 1 + Math.sqrt(1 + 4 * scale / y);
        double x = mean * (1 - 2 / d);
        double u = g.nextDouble();
        return u <= mean / (mean + x) ? x : mean * mean / x;
    }

    private static double laplace(BitSource g, double loc, double scale) {
        for (;;) {
            double u = g.nextDouble();
            if (u >= 0.5) return loc - scale * Math.log(2.0 - u - u);
            if (u > 0.0) return loc + scale * Math.log(u + u);
        }
    }

    private static double gumbel(BitSource g, double loc, double scale) {
        for (;;) {
            double u = 1.0 - g.nextDouble();
            if (u < 1.0) return loc - scale * Math.log(-Math.log(u));
        }
    }

    private static double logistic(BitSource g, double loc, double scale) {
        for (;;) {
            double u = g.nextDouble();
            if (u > 0.0) return loc + scale * Math.log(u / (1.0 - u));
        }
    }
}
