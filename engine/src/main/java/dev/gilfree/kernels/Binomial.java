package dev.gilfree.kernels;

/**
 * NumPy's binomial samplers: inversion while min(p, 1-p) * n <= 30, else Kachitvichyanukul and Schmeiser's
 * BTPE with the original paper's Stirling error terms (13680, all four added; NumPy 2.4 uses them in both
 * APIs). {@code legacy} selects RandomState's inversion: no early exit for n == 0 or p == 0 (one uniform is
 * still drawn), and q^n as exp(n log q) rather than exp(n log1p(-p)).
 */
public final class Binomial {
    private Binomial() {}

    public static long draw(BitSource g, long n, double p, boolean legacy) {
        if (!legacy && (n == 0 || p == 0.0)) return 0;
        if (p <= 0.5) return p * n <= 30.0 ? inversion(g, n, p, legacy) : btpe(g, n, p);
        double q = 1.0 - p;
        return n - (q * n <= 30.0 ? inversion(g, n, q, legacy) : btpe(g, n, q));
    }

    private static long inversion(BitSource g, long n, double p, boolean legacy) {
        double q = 1.0 - p;
        double qn = legacy ? Math.exp(n * Math.log(q)) : Math.exp(n * Math.log1p(-p));
        double np = n * p;
        long bound = (long) Math.min(n, np + 10.0 * Math.sqrt(np * q + 1));
        long x = 0;
        double px = qn, u = g.nextDouble();
        while (u > px) {
            x++;
            if (x > bound) {
                x = 0;
                px = qn;
                u = g.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }
        return x;
    }

    private static long btpe(BitSource g, long n, double p) {
        double r = Math.min(p, 1.0 - p), q = 1.0 - r;
        double fm = n * r + r;
        long m = (long) Math.floor(fm);
        double p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
        double xm = m + 0.5, xl = xm - p1, xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double a = (fm - xl) / (fm - xl * r);
        double laml = a * (1.0 + a / 2.0);
        a = (xr - fm) / (xr * q);
        double lamr = a * (1.0 + a / 2.0);
        double p2 = p1 * (1.0 + 2.0 * c), p3 = p2 + c / laml, p4 = p3 + c / lamr;
        for (;;) {
            double nrq = n * r * q;
            double u = g.nextDouble() * p4, v = g.nextDouble();
            long y;
            if (u <= p1) {
                y = (long) Math.floor(xm - p1 * v + u);
            } else {
                if (u <= p2) {
                    double x = xl + (u - p1) / c;
                    v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
                    if (v > 1.0) continue;
                    y = (long) Math.floor(x);
                } else if (u <= p3) {
                    y = (long) Math.floor(xl + Math.log(v) / laml);
                    if (y < 0 || v == 0.0) continue;
                    v = v * (u - p2) * laml;
                } else {
                    y = (long) Math.floor(xr - Math.log(v) / lamr);
                    if (y > n || v == 0.0) continue;
                    v = v * (u - p3) * lamr;
                }
                long k = Math.abs(y - m);
                if (!(k > 20 && k < nrq / 2.0 - 1)) {
                    double s = r / q, aa = s * (n + 1), f = 1.0;
                    if (m < y) {
                        for (long i = m + 1; i <= y; i++) f *= (aa / i - s);
                    } else if (m > y) {
                        for (long i = y + 1; i <= m; i++) f /= (aa / i - s);
                    }
                    if (v > f) continue;
                } else {
                    double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
                    double t = -k * k / (2 * nrq);
                    double bigA = Math.log(v);
                    if (bigA >= t - rho) {
                        if (bigA > t + rho) continue;
                        double x1 = (double) y + 1, f1 = (double) m + 1, z = (double) n + 1 - (double) m;
                        double w = (double) n - (double) y + 1;
                        double x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
                        double bound = xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w)
                                + (y - m) * Math.log(w * r / (x1 * q))
                                + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320.
                                + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
                                + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
                                + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.;
                        if (bigA > bound) continue;
                    }
                }
            }
            return p > 0.5 ? n - y : y;
        }
    }
}
