package dev.basin.geometry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

/** Seeded random basins (Dirichlet via gamma sampling) and a high-precision distance reference for tests. */
final class TestBasins {
    static final MathContext MC = new MathContext(40);

    private TestBasins() {}

    /** A Dirichlet(alpha, …, alpha) basin. */
    static Basin dirichlet(SplittableRandom rng, double alpha) {
        double[] g = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            g[i] = gamma(rng, alpha);
        }
        return Basin.normalize(g);
    }

    /** A Dirichlet(1) basin with some entries set to 0 and some to 1e-300 (always at least one normal entry). */
    static Basin nearBoundary(SplittableRandom rng) {
        double[] g = dirichlet(rng, 1.0).toArray();
        for (int i = 0; i < Basin.DIM; i++) {
            int r = rng.nextInt(6);
            if (r == 0) {
                g[i] = 0.0;
            } else if (r == 1) {
                g[i] = 1e-300;
            }
        }
        g[rng.nextInt(Basin.DIM)] = 0.5;
        return Basin.normalize(g);
    }

    /** p moved by a relative log-perturbation of size eps: qᵢ ∝ pᵢ·exp(eps·gᵢ), g standard normal. */
    static Basin perturb(SplittableRandom rng, Basin p, double eps) {
        double[] q = p.toArray();
        for (int i = 0; i < Basin.DIM; i++) {
            q[i] *= Math.exp(eps * normal(rng));
        }
        return Basin.normalize(q);
    }

    /** A random tangent vector at p of roughly unit scale (a normal vector projected onto T_p). */
    static double[] randomTangent(SplittableRandom rng, Basin p, double scale) {
        double[] s = p.toSqrtArray();
        double[] v = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            v[i] = scale * normal(rng);
        }
        double k = 0.0;
        double ss = 0.0;
        for (int i = 0; i < Basin.DIM; i++) {
            k += v[i] * s[i];
            ss += s[i] * s[i];
        }
        for (int i = 0; i < Basin.DIM; i++) {
            v[i] -= k / ss * s[i];
        }
        return v;
    }

    static double normal(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Marsaglia–Tsang gamma(alpha, 1). */
    static double gamma(SplittableRandom rng, double alpha) {
        if (alpha < 1.0) {
            return gamma(rng, alpha + 1.0) * Math.pow(1.0 - rng.nextDouble(), 1.0 / alpha);
        }
        double d = alpha - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal(rng);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** 4·asin(‖√p − √q‖/2) from the exact double entries, in 40-digit arithmetic. */
    static BigDecimal referenceDistance(Basin p, Basin q) {
        BigDecimal sq = BigDecimal.ZERO;
        for (int i = 0; i < Basin.DIM; i++) {
            BigDecimal a = new BigDecimal(p.get(i)).sqrt(MC);
            BigDecimal b = new BigDecimal(q.get(i)).sqrt(MC);
            BigDecimal d = a.subtract(b, MC);
            sq = sq.add(d.multiply(d, MC), MC);
        }
        BigDecimal x = sq.sqrt(MC).divide(BigDecimal.TWO, MC);
        return asin(x).multiply(BigDecimal.valueOf(4), MC);
    }

    /** asin by its Taylor series, for 0 ≤ x ≤ 0.75. */
    static BigDecimal asin(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = x;
        BigDecimal coef = BigDecimal.ONE;
        BigDecimal sum = x;
        BigDecimal eps = new BigDecimal("1e-45");
        for (int n = 0; n < 10_000; n++) {
            // c_{n+1} = c_n (2n+1)^2 / ((2n+2)(2n+3)) applied to x^{2n+3}
            BigDecimal num = BigDecimal.valueOf((2L * n + 1) * (2L * n + 1));
            BigDecimal den = BigDecimal.valueOf((2L * n + 2) * (2L * n + 3));
            coef = coef.multiply(num, MC).divide(den, MC);
            term = term.multiply(x2, MC);
            BigDecimal add = coef.multiply(term, MC);
            sum = sum.add(add, MC);
            if (add.abs().compareTo(eps) < 0) {
                break;
            }
        }
        return sum;
    }

    static double maxAbsDiff(Basin a, Basin b) {
        double m = 0.0;
        for (int i = 0; i < Basin.DIM; i++) {
            m = Math.max(m, Math.abs(a.get(i) - b.get(i)));
        }
        return m;
    }

    static double[] diagonal() {
        double[] p = new double[Basin.DIM];
        for (int a = 0; a < 8; a++) {
            p[9 * a] = 0.125;
        }
        return p;
    }
}
