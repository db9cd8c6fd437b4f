package dev.basin.safety;

import dev.basin.geometry.Basin;
import dev.basin.store.Store;
import java.util.SplittableRandom;

/** Parent rows (a session and kernels) and basins for the safety and navigation tests. */
public final class SafetyFixtures {
    private SafetyFixtures() {}

    /** Inserts a session and a root kernel; returns the kernel id. Parent tables belong to other features. */
    public static String kernel(Store store, String hex) {
        String session = "ses_" + hex;
        String kernel = "krn_" + hex;
        store.jdbi().useHandle(h -> {
            h.execute("INSERT INTO sessions (session_id, seed, status) VALUES (?, 1, 'running') ON CONFLICT DO NOTHING", session);
            h.execute("INSERT INTO kernels (kernel_id, session_id, name, generation, status, basin, phi, kappa, kappa_eff,"
                    + " regime, neurotransmitters, rng_state) VALUES (?, ?, 'test', 0, 'awake', ?, 0.1, 64.21, 64.21,"
                    + " 'geometric', '{}', 1)", kernel, session, Basin.uniform().toArray());
        });
        return kernel;
    }

    /** A smooth, strictly positive basin: wᵢ = 1 + a·sin(f·i + φ), normalised. */
    public static Basin wave(double a, double f, double phase) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 + a * Math.sin(f * i + phase);
        }
        return Basin.normalize(w);
    }

    /** A Dirichlet(α) sample. */
    public static Basin dirichlet(SplittableRandom rnd, double alpha) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = gamma(rnd, alpha) + 1e-300;
        }
        return Basin.normalize(w);
    }

    /** A sample near {@code centre}: Dirichlet with concentration {@code k}·centre. */
    public static Basin near(SplittableRandom rnd, Basin centre, double k) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = gamma(rnd, Math.max(1e-3, k * centre.get(i))) + 1e-300;
        }
        return Basin.normalize(w);
    }

    /** Marsaglia–Tsang gamma sampler (with the α &lt; 1 boost). */
    public static double gamma(SplittableRandom rnd, double alpha) {
        if (alpha < 1.0) {
            return gamma(rnd, alpha + 1.0) * Math.pow(rnd.nextDouble(), 1.0 / alpha);
        }
        double d = alpha - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                double u1 = rnd.nextDouble();
                double u2 = rnd.nextDouble();
                x = Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
