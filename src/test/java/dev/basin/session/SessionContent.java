package dev.basin.session;

import dev.basin.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a database as the determinism check compares it: per table its row count and, for key tables, the
 * sorted rows of value columns (basins, distances, types, counts), leaving out ids and timestamps.
 */
final class SessionContent {
    /** Value columns per table (text casts keep doubles exact: PostgreSQL prints shortest round-trip digits). */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("kernels", "name, generation, status, basin::text, phi, kappa, kappa_eff, regime, step_count");
        COLUMNS.put("rag_chunks", "ordinal, content, basin::text");
        COLUMNS.put("geodesic_paths", "start_basin::text, end_basin::text, fisher_distance, num_steps, curvature_max, reuse_count");
        COLUMNS.put("ocean_trajectories", "start_basin::text, target_basin::text, end_basin::text, step_count, movement_reason, status");
        COLUMNS.put("ocean_waypoints", "sequence, basin_coordinates::text, waypoint_type, phi, kappa_eff, regime");
        COLUMNS.put("geometric_barriers", "center_coordinates::text, radius_fr, barrier_type, severity, active, crossings_prevented");
        COLUMNS.put("ocean_excluded_regions", "center_coordinates::text, radius_fr, exclusion_reason, active");
        COLUMNS.put("era_exclusions", "basin_center::text, exclusion_radius, active");
        // attractors to 8 decimals: the wells of a sleep come in id order (consolidated fragments share a time), so
        // sums run in another order and the minima agree to about 1e-10, not bit for bit
        COLUMNS.put("learned_manifold_attractors", "(SELECT array_agg(round(v::numeric, 8)) FROM unnest(basin_coordinates) v)::text,"
                + " attractor_type, round(stability_metric::numeric, 6), basin_volume, round(potential_value::numeric, 8),"
                + " discovery_method, times_visited");
        COLUMNS.put("kernel_checkpoints", "checkpoint_type, basin_coordinates::text, phi, kappa_eff, regime");
        COLUMNS.put("kernel_emotions", "emotional_vector::text, dominant_emotion, phi, kappa_eff, trigger");
        COLUMNS.put("kernel_thoughts", "thought_type, event, phi, kappa_eff, basin_coordinates::text");
        COLUMNS.put("kernel_knowledge_transfers", "knowledge_type, item_count");
        COLUMNS.put("memory_fragments", "fragment_type, basin_coordinates::text, phi, importance, access_count, consolidation_status");
        COLUMNS.put("knowledge_scale_mappings", "source_kappa, target_kappa, source_regime, target_regime, information_preserved, mapping_type");
        COLUMNS.put("false_pattern_classes", "signature::text, radius_fr, detection_method, times_avoided");
        COLUMNS.put("lightning_insights", "domains::text, basin::text, confidence");
        COLUMNS.put("lightning_insight_outcomes", "outcome_type, phi_change, kappa_change, learning_value");
        COLUMNS.put("generated_tools", "tool_name, phi_score, times_used, times_succeeded");
        COLUMNS.put("tps_geodesic_paths", "spatial_distance, temporal_distance, spacetime_distance");
        COLUMNS.put("document_training_stats", "total_queries, total_hits, avg_phi_score");
    }

    /**
     * Per-kernel timed rows: the kernel's name and the row's simulated time in ms after the first kernel was created
     * (kernels live concurrently, each on its own clock lane, so this checks that the lanes repeat too).
     */
    static final Map<String, String> TIMED = new LinkedHashMap<>();

    static {
        TIMED.put("kernel_emotions", "kernel_id, recorded_at, dominant_emotion");
        TIMED.put("kernel_thoughts", "kernel_id, created_at, thought_type");
        TIMED.put("kernel_checkpoints", "kernel_id, created_at, checkpoint_type");
        TIMED.put("ocean_waypoints", "agent_id, arrived_at, waypoint_type");
    }

    static final List<String> ALL_TABLES = List.of("sessions", "kernels", "lightning_insights", "rag_chunks",
            "rag_uploads", "document_training_stats", "geodesic_paths", "learned_manifold_attractors",
            "ocean_trajectories", "ocean_waypoints", "tps_geodesic_paths", "geometric_barriers",
            "ocean_excluded_regions", "era_exclusions", "kernel_checkpoints", "kernel_emotions", "kernel_thoughts",
            "kernel_knowledge_transfers", "knowledge_cross_patterns", "knowledge_scale_mappings",
            "false_pattern_classes", "memory_fragments", "generated_tools", "lightning_insight_outcomes");

    private SessionContent() {}

    static Map<String, List<String>> of(Store store) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        store.jdbi().useHandle(h -> {
            for (String t : ALL_TABLES) {
                out.put(t + " rows", List.of(String.valueOf(
                        h.createQuery("SELECT count(*) FROM " + t).mapTo(Long.class).one())));
            }
            for (Map.Entry<String, String> e : COLUMNS.entrySet()) {
                List<String> rows = new ArrayList<>(h.createQuery("SELECT concat_ws(' | ', " + e.getValue() + ") FROM "
                        + e.getKey()).mapTo(String.class).list());
                Collections.sort(rows);
                out.put(e.getKey(), rows);
            }
            for (Map.Entry<String, String> e : TIMED.entrySet()) {
                String[] c = e.getValue().split(", ");
                List<String> rows = new ArrayList<>(h.createQuery("SELECT concat_ws(' | ', k.name, round(extract(epoch"
                        + " FROM (t." + c[1] + " - z.t0)) * 1000), t." + c[2] + ") FROM " + e.getKey() + " t JOIN kernels k"
                        + " ON k.kernel_id = t." + c[0] + " CROSS JOIN (SELECT min(created_at) AS t0 FROM kernels) z")
                        .mapTo(String.class).list());
                Collections.sort(rows);
                out.put(e.getKey() + " timed", rows);
            }
        });
        return out;
    }

    /** Per kernel-linked table, the rows belonging to the kernels of session {@code sessionId}, plus their states. */
    static Map<String, Long> rowsOfSession(Store store, String sessionId) {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("kernels", "kernel_id");
        linked.put("kernel_checkpoints", "kernel_id");
        linked.put("kernel_emotions", "kernel_id");
        linked.put("kernel_thoughts", "kernel_id");
        linked.put("ocean_trajectories", "agent_id");
        linked.put("ocean_waypoints", "agent_id");
        linked.put("learned_manifold_attractors", "kernel_id");
        linked.put("memory_fragments", "kernel_id");
        linked.put("lightning_insights", "kernel_id");
        linked.put("knowledge_scale_mappings", "kernel_id");
        linked.put("tps_geodesic_paths", "kernel_id");
        linked.put("kernel_knowledge_transfers", "source_kernel_id");
        Map<String, Long> out = new LinkedHashMap<>();
        store.jdbi().useHandle(h -> {
            for (Map.Entry<String, String> e : linked.entrySet()) {
                out.put(e.getKey(), h.createQuery("SELECT count(*) FROM " + e.getKey() + " WHERE " + e.getValue()
                        + " IN (SELECT kernel_id FROM kernels WHERE session_id = :s)").bind("s", sessionId)
                        .mapTo(Long.class).one());
            }
            out.put("kernel steps", h.createQuery("SELECT coalesce(sum(step_count), 0) FROM kernels WHERE session_id = :s")
                    .bind("s", sessionId).mapTo(Long.class).one());
        });
        return out;
    }

    static List<String> sessions(Store store) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT session_id || ' ' || status FROM sessions")
                .mapTo(String.class).list());
    }
}
