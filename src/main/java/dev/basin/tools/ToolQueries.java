package dev.basin.tools;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;
import static dev.basin.store.Rows.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads of the tools tables, by primary or unique key. */
final class ToolQueries {
    private static final String TOOL_COLUMNS = "tool_id, tool_name, tool_description, input_schema::text AS input_schema,"
            + " output_schema::text AS output_schema, implementation::text AS implementation, generated_by,"
            + " generation_method, phi_score, times_used, times_succeeded, success_rate, generated_at, last_used_at,"
            + " metadata::text AS metadata";

    private final ObjectMapper mapper;

    ToolQueries(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Optional<ToolRow> tool(Handle h, String toolId) {
        return h.createQuery("SELECT " + TOOL_COLUMNS + " FROM generated_tools WHERE tool_id = :id")
                .bind("id", toolId).map((rs, ctx) -> tool(rs)).findOne();
    }

    Optional<ToolRow> toolByName(Handle h, String name) {
        return h.createQuery("SELECT " + TOOL_COLUMNS + " FROM generated_tools WHERE tool_name = :n")
                .bind("n", name).map((rs, ctx) -> tool(rs)).findOne();
    }

    Optional<InsightRow> insight(Handle h, String insightId) {
        return h.createQuery("SELECT insight_id, kernel_id, domains, basin, confidence, content, created_at,"
                        + " metadata::text AS metadata FROM lightning_insights WHERE insight_id = :id")
                .bind("id", insightId)
                .map((rs, ctx) -> new InsightRow(rs.getString("insight_id"), rs.getString("kernel_id"),
                        Rows.strings(rs, "domains"), basin(rs, "basin"), rs.getDouble("confidence"),
                        rs.getString("content"), instant(rs, "created_at"), json(mapper, rs, "metadata")))
                .findOne();
    }

    Optional<OutcomeRow> outcomeOf(Handle h, String insightId) {
        return h.createQuery("SELECT outcome_id, insight_id, kernel_id, outcome_type, success, phi_change, kappa_change,"
                        + " learning_value, recorded_at, metadata::text AS metadata FROM lightning_insight_outcomes"
                        + " WHERE insight_id = :id")
                .bind("id", insightId)
                .map((rs, ctx) -> new OutcomeRow(rs.getString("outcome_id"), rs.getString("insight_id"),
                        rs.getString("kernel_id"), rs.getString("outcome_type"), rs.getBoolean("success"), rs.getDouble("phi_change"),
                        rs.getDouble("kappa_change"), rs.getDouble("learning_value"), instant(rs, "recorded_at"),
                        json(mapper, rs, "metadata")))
                .findOne();
    }

    /** Those of {@code toolIds} that name a stored tool. */
    static java.util.List<String> knownTools(Handle h, java.util.List<String> toolIds) {
        return h.createQuery("SELECT tool_id FROM generated_tools WHERE tool_id = ANY(:ids)")
                .bindArray("ids", String.class, toolIds).mapTo(String.class).list();
    }

    /** The oldest tool whose stored pipeline equals {@code implementation} (jsonb equality). */
    static Optional<String> toolWithImplementation(Handle h, String implementation) {
        return h.createQuery("SELECT tool_id FROM generated_tools WHERE implementation = CAST(:impl AS jsonb)"
                        + " ORDER BY generated_at, tool_id LIMIT 1")
                .bind("impl", implementation).mapTo(String.class).findOne();
    }

    static boolean kernelExists(Handle h, String kernelId) {
        return Rows.exists(h, "kernels", "kernel_id", kernelId);
    }

    private ToolRow tool(ResultSet rs) throws SQLException {
        return new ToolRow(rs.getString("tool_id"), rs.getString("tool_name"), rs.getString("tool_description"),
                json(mapper, rs, "input_schema"), json(mapper, rs, "output_schema"), json(mapper, rs, "implementation"),
                rs.getString("generated_by"), rs.getString("generation_method"), rs.getDouble("phi_score"),
                rs.getInt("times_used"), rs.getInt("times_succeeded"), rs.getDouble("success_rate"),
                instant(rs, "generated_at"), instant(rs, "last_used_at"), json(mapper, rs, "metadata"));
    }
}
