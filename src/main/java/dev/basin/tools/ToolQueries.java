package dev.basin.tools;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;
import static dev.basin.store.Rows.json;

import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads of the tools tables, by primary or unique key. */
final class ToolQueries {
    private static final String TOOL_COLUMNS = ToolsTables.TOOLS.columnList();

    Optional<ToolRow> tool(Handle h, String toolId) {
        return h.createQuery("SELECT " + TOOL_COLUMNS + " FROM generated_tools WHERE tool_id = :id")
                .bind("id", toolId).map((rs, ctx) -> tool(rs)).findOne();
    }

    Optional<ToolRow> toolByName(Handle h, String name) {
        return h.createQuery("SELECT " + TOOL_COLUMNS + " FROM generated_tools WHERE tool_name = :n")
                .bind("n", name).map((rs, ctx) -> tool(rs)).findOne();
    }

    private static final String INSIGHT_COLUMNS = ToolsTables.INSIGHTS.columnList();
    private static final String OUTCOME_COLUMNS = ToolsTables.OUTCOMES.columnList();

    /** A page of the tools, newest first. */
    java.util.List<ToolRow> tools(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + TOOL_COLUMNS + " FROM generated_tools ORDER BY generated_at DESC, tool_id", limit, offset)
                .map((rs, ctx) -> tool(rs)).list();
    }

    Optional<InsightRow> insight(Handle h, String insightId) {
        return h.createQuery("SELECT " + INSIGHT_COLUMNS + " FROM lightning_insights WHERE insight_id = :id")
                .bind("id", insightId).map((rs, ctx) -> insight(rs)).findOne();
    }

    /** A page of the insights, newest first. */
    java.util.List<InsightRow> insights(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + INSIGHT_COLUMNS + " FROM lightning_insights ORDER BY created_at DESC, insight_id", limit, offset)
                .map((rs, ctx) -> insight(rs)).list();
    }

    Optional<OutcomeRow> outcomeOf(Handle h, String insightId) {
        return h.createQuery("SELECT " + OUTCOME_COLUMNS + " FROM lightning_insight_outcomes WHERE insight_id = :id")
                .bind("id", insightId).map((rs, ctx) -> outcome(rs)).findOne();
    }

    /** The recorded outcomes of those of {@code insightIds} that have one. */
    java.util.List<OutcomeRow> outcomesOf(Handle h, java.util.List<String> insightIds) {
        return h.createQuery("SELECT " + OUTCOME_COLUMNS + " FROM lightning_insight_outcomes WHERE insight_id = ANY(:ids)")
                .bindArray("ids", String.class, insightIds).map((rs, ctx) -> outcome(rs)).list();
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

    private InsightRow insight(ResultSet rs) throws SQLException {
        return new InsightRow(rs.getString("insight_id"), rs.getString("kernel_id"), Rows.strings(rs, "domains"),
                basin(rs, "basin"), rs.getDouble("confidence"), rs.getString("content"), instant(rs, "created_at"),
                json(rs, "metadata"));
    }

    private OutcomeRow outcome(ResultSet rs) throws SQLException {
        return new OutcomeRow(rs.getString("outcome_id"), rs.getString("insight_id"), rs.getString("kernel_id"),
                rs.getString("outcome_type"), rs.getBoolean("success"), rs.getDouble("phi_change"),
                rs.getDouble("kappa_change"), rs.getDouble("learning_value"), instant(rs, "recorded_at"),
                json(rs, "metadata"));
    }

    private ToolRow tool(ResultSet rs) throws SQLException {
        return new ToolRow(rs.getString("tool_id"), rs.getString("tool_name"), rs.getString("tool_description"),
                json(rs, "input_schema"), json(rs, "output_schema"), json(rs, "implementation"),
                rs.getString("generated_by"), rs.getString("generation_method"), rs.getDouble("phi_score"),
                rs.getInt("times_used"), rs.getInt("times_succeeded"), rs.getDouble("success_rate"),
                instant(rs, "generated_at"), instant(rs, "last_used_at"), json(rs, "metadata"));
    }
}
