package dev.basin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.util.PGobject;

/**
 * Read-only list queries for endpoints whose feature offers no list method: each is one indexed, bounded SELECT
 * (limit + 1 rows for the page), and every row comes back as a map with camelCase keys, arrays as JSON arrays and
 * jsonb as JSON.
 */
final class ApiQueries {
    private final Jdbi jdbi;
    private final ObjectMapper json;

    ApiQueries(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    List<Map<String, Object>> kernels(Page page) {
        return list("SELECT kernel_id, session_id, parent_kernel_id, name, generation, status, phi, kappa, kappa_eff, regime, "
                + "step_count, created_at, updated_at FROM kernels ORDER BY created_at DESC, kernel_id", page);
    }

    List<Map<String, Object>> emotions(String kernelId, Page page) {
        return list("SELECT emotion_id, kernel_id, joy, sadness, anger, fear, surprise, disgust, confusion, anticipation, trust, "
                + "dominant_emotion, emotional_intensity, phi, kappa_eff, trigger, recorded_at FROM kernel_emotions "
                + "WHERE kernel_id = :k ORDER BY recorded_at DESC, emotion_id", page, kernelId);
    }

    List<Map<String, Object>> thoughts(String kernelId, Page page) {
        return list("SELECT thought_id, kernel_id, thought_content, thought_type, event, phi, kappa_eff, emotional_context, "
                + "related_id, created_at FROM kernel_thoughts WHERE kernel_id = :k ORDER BY created_at DESC, thought_id", page, kernelId);
    }

    List<Map<String, Object>> crossPatterns(Page page) {
        return list("SELECT pattern_id, pattern_type, involved_domains, pattern_signature, radius_fr, confidence_score, example_count, "
                + "examples, times_discovered, discovered_at, last_seen_at FROM knowledge_cross_patterns "
                + "ORDER BY discovered_at DESC, pattern_id", page);
    }

    List<Map<String, Object>> scaleMappings(Page page) {
        return list("SELECT mapping_id, kernel_id, source_kappa, target_kappa, source_regime, target_regime, transformation_matrix, "
                + "information_preserved, mapping_type, discovered_at FROM knowledge_scale_mappings "
                + "ORDER BY discovered_at DESC, mapping_id", page);
    }

    List<Map<String, Object>> falsePatterns(Page page) {
        return list("SELECT pattern_id, pattern_description, false_reason, detection_method, signature, radius_fr, example_cases, "
                + "times_avoided, registered_at, last_avoided_at FROM false_pattern_classes ORDER BY registered_at DESC, pattern_id", page);
    }

    List<Map<String, Object>> fragments(String kernelId, Page page) {
        return list("SELECT fragment_id, kernel_id, fragment_type, fragment_content, basin_coordinates, phi, importance, access_count, "
                + "consolidation_status, consolidated_into, created_at, consolidated_at FROM memory_fragments "
                + "WHERE kernel_id = :k ORDER BY created_at DESC, fragment_id", page, kernelId);
    }

    List<Map<String, Object>> tools(Page page) {
        return list("SELECT tool_id, tool_name, tool_description, input_schema, output_schema, implementation, generated_by, "
                + "generation_method, phi_score, times_used, times_succeeded, success_rate, generated_at, last_used_at "
                + "FROM generated_tools ORDER BY generated_at DESC, tool_id", page);
    }

    List<Map<String, Object>> insights(Page page) {
        return list("SELECT i.insight_id, i.kernel_id, i.domains, i.basin, i.confidence, i.content, i.created_at, "
                + "o.outcome_id, o.outcome_type, o.success, o.phi_change, o.kappa_change, o.learning_value, o.recorded_at "
                + "FROM lightning_insights i LEFT JOIN lightning_insight_outcomes o ON o.insight_id = i.insight_id "
                + "ORDER BY i.created_at DESC, i.insight_id", page);
    }

    List<Map<String, Object>> documents(Page page) {
        return list("SELECT u.upload_id, u.filename, u.domain, u.content_hash, u.byte_size, u.chunk_count, u.embedding_model, "
                + "u.uploaded_at, s.total_queries, s.total_hits, s.avg_phi_score, s.last_query_at FROM rag_uploads u "
                + "LEFT JOIN document_training_stats s ON s.document_id = u.upload_id ORDER BY u.uploaded_at DESC, u.upload_id", page);
    }

    private List<Map<String, Object>> list(String sql, Page page, String... keys) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql + " LIMIT :limit OFFSET :offset").bind("limit", page.fetch()).bind("offset", page.offset());
            if (keys.length > 0) {
                q.bind("k", keys[0]);
            }
            return q.map((rs, ctx) -> row(rs)).list();
        });
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v instanceof Array a) {
                v = a.getArray();
            } else if (v instanceof PGobject pg && pg.getValue() != null && pg.getType().startsWith("json")) {
                try {
                    v = json.readTree(pg.getValue());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException("stored jsonb of " + md.getColumnName(i) + " is not JSON", e);
                }
            } else if (v instanceof Timestamp t) {
                v = t.toInstant();
            }
            m.put(camel(md.getColumnLabel(i)), v);
        }
        return m;
    }

    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
