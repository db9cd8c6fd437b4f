package dev.basin.bench;

import dev.basin.geometry.Basin;
import java.util.SplittableRandom;

/** Dirichlet(α) basins by gamma sampling (Marsaglia–Tsang), for benchmark inputs. */
final class Dirichlet {
    private Dirichlet() {}

    static Basin sample(SplittableRandom rng, double alpha) {
        double[] g = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            g[i] = gamma(rng, alpha);
        }
        return Basin.normalize(g);
    }

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

    private static double normal(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
