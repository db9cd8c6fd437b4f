package dev.basin.knowledge;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.DOUBLE_ARRAY;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TEXT_ARRAY;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The tables owned by {@code knowledge}, each declared once. */
public final class KnowledgeTables {
    public static final String OWNER = "knowledge";

    public static final Table<FragmentRow> FRAGMENTS = Table.<FragmentRow>named("memory_fragments")
            .owner(OWNER)
            .key("fragment_id")
            .column("fragment_id", TEXT, FragmentRow::fragmentId)
            .column("kernel_id", TEXT, FragmentRow::kernelId)
            .column("fragment_type", TEXT, r -> r.type().sqlName())
            .column("fragment_content", JSONB, FragmentRow::content)
            .column("basin_coordinates", BASIN, FragmentRow::basin)
            .column("phi", DOUBLE, FragmentRow::phi)
            .column("importance", DOUBLE, FragmentRow::importance)
            .column("access_count", INTEGER, FragmentRow::accessCount)
            .column("consolidation_status", TEXT, r -> r.status().sqlName())
            .column("consolidated_into", TEXT, FragmentRow::consolidatedInto)
            .column("created_at", TIMESTAMPTZ, FragmentRow::createdAt)
            .column("consolidated_at", TIMESTAMPTZ, FragmentRow::consolidatedAt)
            .column("metadata", JSONB, FragmentRow::metadata)
            .build();

    public static final Table<CrossPatternRow> CROSS_PATTERNS = Table.<CrossPatternRow>named("knowledge_cross_patterns")
            .owner(OWNER)
            .key("pattern_id")
            .column("pattern_id", TEXT, CrossPatternRow::patternId)
            .column("pattern_key", TEXT, CrossPatternRow::patternKey)
            .column("pattern_type", TEXT, CrossPatternRow::patternType)
            .column("involved_domains", TEXT_ARRAY, CrossPatternRow::involvedDomains)
            .column("pattern_signature", BASIN, CrossPatternRow::signature)
            .column("radius_fr", DOUBLE, CrossPatternRow::radiusFr)
            .column("confidence_score", DOUBLE, CrossPatternRow::confidence)
            .column("example_count", INTEGER, CrossPatternRow::exampleCount)
            .column("examples", JSONB, CrossPatternRow::examples)
            .column("times_discovered", INTEGER, CrossPatternRow::timesDiscovered)
            .column("discovered_at", TIMESTAMPTZ, CrossPatternRow::discoveredAt)
            .column("last_seen_at", TIMESTAMPTZ, CrossPatternRow::lastSeenAt)
            .column("metadata", JSONB, CrossPatternRow::metadata)
            .build();

    public static final Table<ScaleMappingRow> SCALE_MAPPINGS = Table.<ScaleMappingRow>named("knowledge_scale_mappings")
            .owner(OWNER)
            .key("mapping_id")
            .column("mapping_id", TEXT, ScaleMappingRow::mappingId)
            .column("kernel_id", TEXT, ScaleMappingRow::kernelId)
            .column("source_kappa", DOUBLE, ScaleMappingRow::sourceKappa)
            .column("target_kappa", DOUBLE, ScaleMappingRow::targetKappa)
            .column("source_regime", TEXT, ScaleMappingRow::sourceRegime)
            .column("target_regime", TEXT, ScaleMappingRow::targetRegime)
            .column("transformation_matrix", DOUBLE_ARRAY, ScaleMappingRow::transformationMatrix)
            .column("information_preserved", DOUBLE, ScaleMappingRow::informationPreserved)
            .column("mapping_type", TEXT, ScaleMappingRow::mappingType)
            .column("discovered_at", TIMESTAMPTZ, ScaleMappingRow::discoveredAt)
            .column("metadata", JSONB, ScaleMappingRow::metadata)
            .build();

    public static final Table<FalsePatternRow> FALSE_PATTERNS = Table.<FalsePatternRow>named("false_pattern_classes")
            .owner(OWNER)
            .key("pattern_id")
            .column("pattern_id", TEXT, FalsePatternRow::patternId)
            .column("pattern_description", TEXT, FalsePatternRow::description)
            .column("false_reason", TEXT, FalsePatternRow::falseReason)
            .column("detection_method", TEXT, FalsePatternRow::detectionMethod)
            .column("signature", BASIN, FalsePatternRow::signature)
            .column("radius_fr", DOUBLE, FalsePatternRow::radiusFr)
            .column("example_cases", JSONB, FalsePatternRow::exampleCases)
            .column("times_avoided", INTEGER, FalsePatternRow::timesAvoided)
            .column("registered_at", TIMESTAMPTZ, FalsePatternRow::registeredAt)
            .column("last_avoided_at", TIMESTAMPTZ, FalsePatternRow::lastAvoidedAt)
            .column("metadata", JSONB, FalsePatternRow::metadata)
            .build();

    private KnowledgeTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(FRAGMENTS, CROSS_PATTERNS, SCALE_MAPPINGS, FALSE_PATTERNS);
    }
}
