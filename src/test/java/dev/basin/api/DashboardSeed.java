package dev.basin.api;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Fills a test database with a small, varied session so every dashboard panel has something to show. */
final class DashboardSeed {
    private final Store store;
    private final SplittableRandom rnd;
    private Instant t = Instant.parse("2026-01-01T00:00:00Z");

    DashboardSeed(Store store, long seed) {
        this.store = store;
        this.rnd = new SplittableRandom(seed);
    }

    String id(String prefix) {
        byte[] b = new byte[10];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return prefix + HexFormat.of().formatHex(b);
    }

    void fill() throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            String session = id("ses_");
            exec(c, "INSERT INTO sessions (session_id, seed, status) VALUES (?, 7, 'running')", session);
            for (int k = 0; k < 2; k++) {
                String kernel = id("krn_");
                Basin home = TestBasins.random(rnd);
                exec(c, "INSERT INTO kernels (kernel_id, session_id, name, generation, status, basin, phi, kappa, kappa_eff, regime, "
                        + "neurotransmitters, rng_state) VALUES (?, ?, ?, 0, 'awake', ?, 0.4, 60, 62, 'geometric', '{\"ne\":0.2}', 1)",
                        kernel, session, "kernel-" + k, home.toArray());
                Basin target = TestBasins.random(rnd);
                List<Basin> path = FisherRao.geodesic(home, target, 20);
                String traj = id("traj_");
                double[][] coords = path.stream().map(Basin::toArray).toArray(double[][]::new);
                exec(c, "INSERT INTO ocean_trajectories (trajectory_id, agent_id, start_basin, target_basin, end_basin, path_coordinates, "
                        + "step_count, duration_ms, movement_reason, status, started_at, completed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 20, 2000, 'exploration', 'completed', ?, ?)",
                        traj, kernel, home.toArray(), target.toArray(), target.toArray(), coords, ts(0), ts(2));
                for (int i = 0; i < path.size(); i++) {
                    exec(c, "INSERT INTO ocean_waypoints (waypoint_id, trajectory_id, agent_id, sequence, basin_coordinates, waypoint_type, "
                            + "phi, kappa_eff, regime, arrived_at) VALUES (?, ?, ?, ?, ?, 'exploration', ?, ?, 'geometric', ?)",
                            id("wp_"), traj, kernel, i + 1, path.get(i).toArray(), 0.2 + 0.5 * rnd.nextDouble(),
                            50 + 20 * rnd.nextDouble(), ts(i * 0.1));
                    if (i % 4 == 0) {
                        double[] e = new double[9];
                        for (int j = 0; j < 9; j++) {
                            e[j] = rnd.nextDouble();
                        }
                        exec(c, "INSERT INTO kernel_emotions (emotion_id, kernel_id, emotional_vector, joy, sadness, anger, fear, surprise, "
                                + "disgust, confusion, anticipation, trust, dominant_emotion, emotional_intensity, phi, kappa_eff, trigger, "
                                + "recorded_at) VALUES (?, ?, '{}'::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'joy', 0.5, 0.4, 61, 'periodic', ?)",
                                id("emo_"), kernel, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], ts(i * 0.1));
                        exec(c, "INSERT INTO kernel_thoughts (thought_id, kernel_id, thought_content, thought_type, event, phi, kappa_eff, "
                                + "basin_coordinates, emotional_context, created_at) VALUES (?, ?, ?, 'observation', 'arrival', 0.4, 61, ?, "
                                + "'{}'::jsonb, ?)", id("thought_"), kernel, "Reached waypoint " + (i + 1) + " of " + traj, path.get(i).toArray(),
                                ts(i * 0.1));
                    }
                }
                exec(c, "INSERT INTO geometric_barriers (barrier_id, kernel_id, center_coordinates, radius_fr, barrier_type, severity, reason) "
                        + "VALUES (?, ?, ?, 0.3, 'instability', 0.5, 'curvature above threshold')", id("barrier_"), kernel,
                        FisherRao.pointAt(home, target, 0.5).toArray());
                exec(c, "INSERT INTO lightning_insights (insight_id, kernel_id, domains, basin, confidence, content, created_at) "
                        + "VALUES (?, ?, ?, ?, 0.8, ?, ?)", id("ins_"), kernel, new String[] {"physics", "poetry"}, target.toArray(),
                        "Resonance between physics and poetry near the target", ts(3));
                t = t.plusSeconds(60);
            }
            c.commit();
        }
    }

    private Timestamp ts(double seconds) {
        return Timestamp.from(t.plusMillis((long) (seconds * 1000)));
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof double[] d) {
                    ps.setArray(i + 1, c.createArrayOf("float8", box(d)));
                } else if (a instanceof double[][] m) {
                    Double[][] boxed = new Double[m.length][];
                    for (int j = 0; j < m.length; j++) {
                        boxed[j] = box(m[j]);
                    }
                    ps.setArray(i + 1, c.createArrayOf("float8", boxed));
                } else if (a instanceof String[] s) {
                    ps.setArray(i + 1, c.createArrayOf("text", s));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            ps.executeUpdate();
        }
    }

    private static Double[] box(double[] d) {
        Double[] b = new Double[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = d[i];
        }
        return b;
    }
}
