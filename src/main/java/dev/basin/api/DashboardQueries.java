package dev.basin.api;

import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only queries behind the dashboard panels. Table names come from the catalog, never from a request; every
 * query is bounded (latest kernels, latest rows per kernel, latest trajectories).
 */
final class DashboardQueries {
    static final int KERNELS = 12;
    static final int POINTS_PER_KERNEL = 400;
    static final int TRAJECTORIES = 40;
    static final int POINTS_PER_TRAJECTORY = 120;
    static final int RECENT = 20;
    static final List<String> EMOTIONS = List.of("joy", "sadness", "anger", "fear", "surprise", "disgust", "confusion",
            "anticipation", "trust");

    private final Jdbi jdbi;

    DashboardQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Exact row counts of every table of the schema. */
    Map<String, Long> rowCounts() {
        return jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    + "AND tablename <> 'flyway_schema_history' ORDER BY tablename").mapTo(String.class).list();
            Map<String, Long> out = new LinkedHashMap<>();
            for (String t : tables) {
                String quoted = h.createQuery("SELECT quote_ident(:t)").bind("t", t).mapTo(String.class).one();
                out.put(t, h.createQuery("SELECT count(*) FROM " + quoted).mapTo(Long.class).one());
            }
            return out;
        });
    }

    /**
     * Φ and κ_eff over time for the most recently updated kernels, from their waypoints, emotions, checkpoints and
     * current state, aligned on one time axis (seconds since the epoch; null where a kernel has no sample).
     */
    Map<String, Object> kernelSeries() {
        record Sample(String kernelId, String name, Instant t, double phi, double kappaEff) {}
        List<Sample> rows = jdbi.withHandle(h -> h.createQuery("""
                SELECT k.kernel_id, k.name, s.t, s.phi, s.kappa_eff
                FROM (SELECT kernel_id, name, updated_at, phi, kappa_eff FROM kernels ORDER BY updated_at DESC LIMIT :kernels) k
                CROSS JOIN LATERAL (
                    SELECT * FROM (
                        (SELECT arrived_at AS t, phi, kappa_eff FROM ocean_waypoints w
                          WHERE w.agent_id = k.kernel_id ORDER BY arrived_at DESC LIMIT :points)
                        UNION ALL
                        (SELECT recorded_at, phi, kappa_eff FROM kernel_emotions e
                          WHERE e.kernel_id = k.kernel_id ORDER BY recorded_at DESC LIMIT :points)
                        UNION ALL
                        (SELECT created_at, phi, kappa_eff FROM kernel_checkpoints c
                          WHERE c.kernel_id = k.kernel_id ORDER BY created_at DESC LIMIT :points)
                        UNION ALL
                        SELECT k.updated_at, k.phi, k.kappa_eff
                         WHERE NOT EXISTS (SELECT 1 FROM ocean_waypoints w WHERE w.agent_id = k.kernel_id)
                           AND NOT EXISTS (SELECT 1 FROM kernel_emotions e WHERE e.kernel_id = k.kernel_id)
                           AND NOT EXISTS (SELECT 1 FROM kernel_checkpoints c WHERE c.kernel_id = k.kernel_id)
                    ) u ORDER BY t DESC LIMIT :points
                ) s
                ORDER BY k.kernel_id, s.t""")
                .bind("kernels", KERNELS)
                .bind("points", POINTS_PER_KERNEL)
                .map((rs, c) -> new Sample(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getDouble(4),
                        rs.getDouble(5)))
                .list());
        TreeMap<Double, Integer> axis = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Sample s : rows) {
            axis.put(seconds(s.t()), 0);
            names.put(s.kernelId(), s.name());
        }
        int i = 0;
        for (Map.Entry<Double, Integer> e : axis.entrySet()) {
            e.setValue(i++);
        }
        Map<String, Double[]> phi = new LinkedHashMap<>();
        Map<String, Double[]> kappa = new LinkedHashMap<>();
        for (Sample s : rows) {
            int at = axis.get(seconds(s.t()));
            phi.computeIfAbsent(s.kernelId(), k -> new Double[axis.size()])[at] = s.phi();
            kappa.computeIfAbsent(s.kernelId(), k -> new Double[axis.size()])[at] = s.kappaEff();
        }
        List<Map<String, Object>> kernels = new ArrayList<>();
        for (String id : names.keySet()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("kernelId", id);
            k.put("name", names.get(id));
            k.put("phi", phi.get(id));
            k.put("kappaEff", kappa.get(id));
            kernels.add(k);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", new ArrayList<>(axis.keySet()));
        out.put("kernels", kernels);
        out.put("samples", rows.size());
        return out;
    }

    /** Mean intensity of the nine emotions over the latest 500 records, and how often each dominated. */
    Map<String, Object> emotionMix() {
        return jdbi.withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, Object> mean = new LinkedHashMap<>();
            StringBuilder cols = new StringBuilder("count(*)");
            for (String e : EMOTIONS) {
                cols.append(", coalesce(avg(").append(e).append("), 0)");
            }
            h.createQuery("SELECT " + cols + " FROM (SELECT * FROM kernel_emotions ORDER BY recorded_at DESC LIMIT 500) e")
                    .map((rs, c) -> {
                        out.put("records", rs.getLong(1));
                        for (int i = 0; i < EMOTIONS.size(); i++) {
                            mean.put(EMOTIONS.get(i), rs.getDouble(i + 2));
                        }
                        return 0;
                    }).one();
            Map<String, Long> dominant = new LinkedHashMap<>();
            EMOTIONS.forEach(e -> dominant.put(e, 0L));
            h.createQuery("SELECT dominant_emotion, count(*) FROM (SELECT dominant_emotion FROM kernel_emotions "
                    + "ORDER BY recorded_at DESC LIMIT 500) e GROUP BY 1")
                    .map((rs, c) -> dominant.put(rs.getString(1), rs.getLong(2))).list();
            out.put("mean", mean);
            out.put("dominant", dominant);
            return out;
        });
    }

    /** The latest trajectories projected to 2-D, and the active forbidden balls drawn as disks. */
    Map<String, Object> trajectories() {
        return jdbi.withHandle(h -> {
            List<Map<String, Object>> paths = h.createQuery("""
                    SELECT trajectory_id, agent_id, status, start_basin, target_basin,
                           coalesce(path_coordinates, ARRAY[start_basin]) AS path
                    FROM ocean_trajectories ORDER BY started_at DESC LIMIT :n""")
                    .bind("n", TRAJECTORIES)
                    .map((rs, c) -> {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("trajectoryId", rs.getString("trajectory_id"));
                        t.put("agentId", rs.getString("agent_id"));
                        t.put("status", rs.getString("status"));
                        List<Basin> path = c.findColumnMapperFor(BASIN_LIST).orElseThrow().map(rs, "path", c);
                        t.put("points", project(path));
                        t.put("target", Projection.of(c.findColumnMapperFor(Basin.class).orElseThrow().map(rs, "target_basin", c)));
                        return t;
                    }).list();
            List<Map<String, Object>> balls = new ArrayList<>();
            balls.addAll(h.createQuery("SELECT barrier_id, barrier_type, center_coordinates, radius_fr FROM geometric_barriers "
                    + "WHERE active ORDER BY updated_at DESC LIMIT 200")
                    .map((rs, c) -> ball("geometric_barriers", rs.getString(1), rs.getString(2),
                            c.findColumnMapperFor(Basin.class).orElseThrow().map(rs, 3, c), rs.getDouble(4)))
                    .list());
            balls.addAll(h.createQuery("SELECT region_id, exclusion_reason, center_coordinates, radius_fr FROM ocean_excluded_regions "
                    + "WHERE active ORDER BY updated_at DESC LIMIT 100")
                    .map((rs, c) -> ball("ocean_excluded_regions", rs.getString(1), rs.getString(2),
                            c.findColumnMapperFor(Basin.class).orElseThrow().map(rs, 3, c), rs.getDouble(4)))
                    .list());
            balls.addAll(h.createQuery("SELECT exclusion_id, 'era', basin_center, exclusion_radius FROM era_exclusions "
                    + "WHERE active ORDER BY updated_at DESC LIMIT 100")
                    .map((rs, c) -> ball("era_exclusions", rs.getString(1), rs.getString(2),
                            c.findColumnMapperFor(Basin.class).orElseThrow().map(rs, 3, c), rs.getDouble(4)))
                    .list());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("projection", "x = <sqrt(p), u1>, y = <sqrt(p), u2>, u1_i = cos(2 pi i/64)/sqrt(32), u2_i = sin(2 pi i/64)/sqrt(32)");
            out.put("trajectories", paths);
            out.put("barriers", balls);
            return out;
        });
    }

    /** The latest thoughts and lightning insights (with their outcome when measured). */
    Map<String, Object> recent() {
        return jdbi.withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("thoughts", h.createQuery("""
                    SELECT thought_id, kernel_id, thought_type, event, thought_content, phi, created_at
                    FROM kernel_thoughts ORDER BY created_at DESC, thought_id LIMIT :n""")
                    .bind("n", RECENT).mapToMap().list());
            out.put("insights", h.createQuery("""
                    SELECT i.insight_id, i.kernel_id, i.domains, i.confidence, i.content, i.created_at,
                           o.outcome_type, o.phi_change
                    FROM lightning_insights i LEFT JOIN lightning_insight_outcomes o ON o.insight_id = i.insight_id
                    ORDER BY i.created_at DESC, i.insight_id LIMIT :n""")
                    .bind("n", RECENT)
                    .map((rs, c) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("insight_id", rs.getString("insight_id"));
                        m.put("kernel_id", rs.getString("kernel_id"));
                        m.put("domains", List.of((String[]) rs.getArray("domains").getArray()));
                        m.put("confidence", rs.getDouble("confidence"));
                        m.put("content", rs.getString("content"));
                        m.put("created_at", rs.getTimestamp("created_at").toInstant());
                        m.put("outcome_type", rs.getString("outcome_type"));
                        m.put("phi_change", rs.getObject("phi_change"));
                        return m;
                    }).list());
            return out;
        });
    }

    static final org.jdbi.v3.core.generic.GenericType<List<Basin>> BASIN_LIST = new org.jdbi.v3.core.generic.GenericType<>() {};

    private static Map<String, Object> ball(String table, String id, String kind, Basin centre, double radius) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("table", table);
        b.put("id", id);
        b.put("kind", kind);
        b.put("center", Projection.of(centre));
        b.put("radiusFr", radius);
        b.put("radius2d", Projection.shadowRadius(radius));
        return b;
    }

    private static List<double[]> project(List<Basin> path) {
        int n = path.size();
        int stride = Math.max(1, (n + POINTS_PER_TRAJECTORY - 1) / POINTS_PER_TRAJECTORY);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            out.add(Projection.of(path.get(i)));
        }
        if ((n - 1) % stride != 0) {
            out.add(Projection.of(path.get(n - 1)));
        }
        return out;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
