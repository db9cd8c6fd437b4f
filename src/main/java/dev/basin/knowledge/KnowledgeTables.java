package dev.basin.knowledge;

import dev.basin.store.Table;
import java.util.List;

/** The tables owned by {@code knowledge}, each declared once. */
public final class KnowledgeTables {
    public static final String OWNER = "knowledge";

    public static final Table<FragmentRow> FRAGMENTS = Table.of(FragmentRow.class, "memory_fragments")
            .owner(OWNER).key("fragment_id")
            .rename("type", "fragment_type")
            .rename("content", "fragment_content")
            .rename("basin", "basin_coordinates")
            .rename("status", "consolidation_status")
            .build();

    public static final Table<CrossPatternRow> CROSS_PATTERNS =
            Table.of(CrossPatternRow.class, "knowledge_cross_patterns")
            .owner(OWNER).key("pattern_id")
            .rename("signature", "pattern_signature")
            .rename("confidence", "confidence_score")
            .build();

    public static final Table<ScaleMappingRow> SCALE_MAPPINGS =
            Table.of(ScaleMappingRow.class, "knowledge_scale_mappings")
            .owner(OWNER).key("mapping_id")
            .build();

    public static final Table<FalsePatternRow> FALSE_PATTERNS = Table.of(FalsePatternRow.class, "false_pattern_classes")
            .owner(OWNER).key("pattern_id")
            .rename("description", "pattern_description")
            .build();

    private KnowledgeTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(FRAGMENTS, CROSS_PATTERNS, SCALE_MAPPINGS, FALSE_PATTERNS);
    }
}
