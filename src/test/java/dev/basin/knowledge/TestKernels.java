package dev.basin.knowledge;

import dev.basin.geometry.Basin;
import dev.basin.store.Ids;
import dev.basin.store.Store;

/**
 * Test fixtures: a session and kernels written with plain SQL (test code only), standing in for the kernel package's
 * own service, so the knowledge and tools tables have their foreign-key parents.
 */
public final class TestKernels {
    private TestKernels() {}

    /** Inserts a running session and one awake root kernel at {@code basin}; returns the kernel id. */
    public static String kernel(Store store, Basin basin) {
        String session = Ids.next("ses_");
        String kernel = Ids.next("krn_");
        store.jdbi().useHandle(h -> {
            h.execute("INSERT INTO sessions (session_id, seed, status) VALUES (?, 1, 'running')", session);
            h.createUpdate("INSERT INTO kernels (kernel_id, session_id, name, generation, status, basin, phi, kappa,"
                            + " kappa_eff, regime, neurotransmitters, rng_state) VALUES (:k, :s, 'test', 0, 'awake',"
                            + " :b, 0.2, 64.21, 64.21, 'geometric', '{}'::jsonb, 7)")
                    .bind("k", kernel).bind("s", session).bind("b", basin.toArray()).execute();
        });
        return kernel;
    }

    public static String kernel(Store store) {
        return kernel(store, Basin.uniform());
    }

    /** A basin concentrated around bin {@code centre}: weight 1 + {@code peak}·exp(−(i−centre)²/8) plus a small tilt. */
    public static Basin around(int centre, double peak, double tilt) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            double d = i - centre;
            w[i] = 1.0 + peak * Math.exp(-d * d / 8.0) + tilt * ((i * 7) % 5);
        }
        return Basin.normalize(w);
    }

    /** Rows of {@code table} (a literal table name from the test). */
    public static long count(Store store, String table) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
