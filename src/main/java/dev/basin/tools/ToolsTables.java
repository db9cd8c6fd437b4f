package dev.basin.tools;

import dev.basin.store.Table;
import java.util.List;

/** The tables owned by {@code tools}, each declared once. */
public final class ToolsTables {
    public static final String OWNER = "tools";

    public static final Table<ToolRow> TOOLS = Table.of(ToolRow.class, "generated_tools")
            .owner(OWNER).key("tool_id")
            .rename("description", "tool_description")
            .constantBecause("generation_method",
                    "this engine mines tools from patterns; other methods come from API callers")
            .build();

    public static final Table<InsightRow> INSIGHTS = Table.of(InsightRow.class, "lightning_insights")
            .owner(OWNER).key("insight_id").parent()
            .build();

    public static final Table<OutcomeRow> OUTCOMES = Table.of(OutcomeRow.class, "lightning_insight_outcomes")
            .owner(OWNER).key("outcome_id")
            .build();

    private ToolsTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(TOOLS, INSIGHTS, OUTCOMES);
    }
}
