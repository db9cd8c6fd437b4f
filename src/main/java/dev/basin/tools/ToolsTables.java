package dev.basin.tools;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BOOLEAN;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TEXT_ARRAY;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The tables owned by {@code tools}, each declared once. */
public final class ToolsTables {
    public static final String OWNER = "tools";

    public static final Table<ToolRow> TOOLS = Table.<ToolRow>named("generated_tools")
            .owner(OWNER)
            .key("tool_id")
            .column("tool_id", TEXT, ToolRow::toolId)
            .column("tool_name", TEXT, ToolRow::toolName)
            .column("tool_description", TEXT, ToolRow::description)
            .column("input_schema", JSONB, ToolRow::inputSchema)
            .column("output_schema", JSONB, ToolRow::outputSchema)
            .column("implementation", JSONB, ToolRow::implementation)
            .column("generated_by", TEXT, ToolRow::generatedBy)
            .column("generation_method", TEXT, ToolRow::generationMethod)
            .column("phi_score", DOUBLE, ToolRow::phiScore)
            .column("times_used", INTEGER, ToolRow::timesUsed)
            .column("times_succeeded", INTEGER, ToolRow::timesSucceeded)
            .column("success_rate", DOUBLE, ToolRow::successRate)
            .column("generated_at", TIMESTAMPTZ, ToolRow::generatedAt)
            .column("last_used_at", TIMESTAMPTZ, ToolRow::lastUsedAt)
            .column("metadata", JSONB, ToolRow::metadata)
            .constantBecause("generation_method", "this engine mines tools from patterns; other methods come from API callers")
            .build();

    public static final Table<InsightRow> INSIGHTS = Table.<InsightRow>named("lightning_insights")
            .owner(OWNER)
            .key("insight_id")
            .column("insight_id", TEXT, InsightRow::insightId)
            .column("kernel_id", TEXT, InsightRow::kernelId)
            .column("domains", TEXT_ARRAY, InsightRow::domains)
            .column("basin", BASIN, InsightRow::basin)
            .column("confidence", DOUBLE, InsightRow::confidence)
            .column("content", TEXT, InsightRow::content)
            .column("created_at", TIMESTAMPTZ, InsightRow::createdAt)
            .column("metadata", JSONB, InsightRow::metadata)
            .parent()
            .build();

    public static final Table<OutcomeRow> OUTCOMES = Table.<OutcomeRow>named("lightning_insight_outcomes")
            .owner(OWNER)
            .key("outcome_id")
            .column("outcome_id", TEXT, OutcomeRow::outcomeId)
            .column("insight_id", TEXT, OutcomeRow::insightId)
            .column("kernel_id", TEXT, OutcomeRow::kernelId)
            .column("outcome_type", TEXT, OutcomeRow::outcomeType)
            .column("success", BOOLEAN, OutcomeRow::success)
            .column("phi_change", DOUBLE, OutcomeRow::phiChange)
            .column("kappa_change", DOUBLE, OutcomeRow::kappaChange)
            .column("learning_value", DOUBLE, OutcomeRow::learningValue)
            .column("recorded_at", TIMESTAMPTZ, OutcomeRow::recordedAt)
            .column("metadata", JSONB, OutcomeRow::metadata)
            .build();

    private ToolsTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(TOOLS, INSIGHTS, OUTCOMES);
    }
}
