package dev.basin.knowledge;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;
import static dev.basin.store.Rows.json;

import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads of the knowledge tables, each by primary key, a unique key, or the (kernel_id, status) index. */
final class KnowledgeQueries {
    private static final String FRAGMENT_COLUMNS = KnowledgeTables.FRAGMENTS.columnList();
    private static final String FALSE_COLUMNS = KnowledgeTables.FALSE_PATTERNS.columnList();
    private static final String CROSS_COLUMNS = KnowledgeTables.CROSS_PATTERNS.columnList();

    Optional<FragmentRow> fragment(Handle h, String fragmentId) {
        return h.createQuery("SELECT " + FRAGMENT_COLUMNS + " FROM memory_fragments WHERE fragment_id = :id")
                .bind("id", fragmentId).map((rs, ctx) -> fragment(rs)).findOne();
    }

    List<FragmentRow> fragments(Handle h, String kernelId, ConsolidationStatus status) {
        return h.createQuery("SELECT " + FRAGMENT_COLUMNS + " FROM memory_fragments WHERE kernel_id = :k"
                        + " AND consolidation_status = :s ORDER BY created_at, basin_coordinates, fragment_id")
                .bind("k", kernelId).bind("s", status.sqlName()).map((rs, ctx) -> fragment(rs)).list();
    }

    List<FalsePatternRow> falsePatterns(Handle h) {
        return h.createQuery("SELECT " + FALSE_COLUMNS + " FROM false_pattern_classes ORDER BY registered_at, pattern_id")
                .map((rs, ctx) -> falsePattern(rs)).list();
    }

    Optional<FalsePatternRow> falsePattern(Handle h, String patternId) {
        return h.createQuery("SELECT " + FALSE_COLUMNS + " FROM false_pattern_classes WHERE pattern_id = :id")
                .bind("id", patternId).map((rs, ctx) -> falsePattern(rs)).findOne();
    }

    Optional<CrossPatternRow> crossPatternByKey(Handle h, String key) {
        return h.createQuery("SELECT " + CROSS_COLUMNS + " FROM knowledge_cross_patterns WHERE pattern_key = :k")
                .bind("k", key).map((rs, ctx) -> crossPattern(rs)).findOne();
    }

    /** Those of {@code patternIds} that name a stored cross pattern. */
    static List<String> knownCrossPatterns(Handle h, List<String> patternIds) {
        return h.createQuery("SELECT pattern_id FROM knowledge_cross_patterns WHERE pattern_id = ANY(:ids)")
                .bindArray("ids", String.class, patternIds).mapTo(String.class).list();
    }

    /**
     * Ids of the cross patterns involving {@code domain}, most often discovered first (ties: higher confidence, more
     * examples, then the content key), at most {@code limit}.
     */
    static List<String> crossPatternIdsFor(Handle h, String domain, int limit) {
        return h.createQuery("SELECT pattern_id FROM knowledge_cross_patterns WHERE :domain = ANY(involved_domains)"
                        + " ORDER BY times_discovered DESC, confidence_score DESC, example_count DESC, pattern_key"
                        + " LIMIT :limit")
                .bind("domain", domain).bind("limit", limit).mapTo(String.class).list();
    }

    private static final String SCALE_COLUMNS = KnowledgeTables.SCALE_MAPPINGS.columnList();

    List<ScaleMappingRow> scaleMappings(Handle h, String kernelId) {
        return h.createQuery("SELECT " + SCALE_COLUMNS + " FROM knowledge_scale_mappings WHERE kernel_id = :k"
                        + " ORDER BY discovered_at, mapping_id")
                .bind("k", kernelId).map((rs, ctx) -> scaleMapping(rs)).list();
    }

    /** A page of every kernel's scale mappings, newest first. */
    List<ScaleMappingRow> scaleMappings(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + SCALE_COLUMNS + " FROM knowledge_scale_mappings"
                        + " ORDER BY discovered_at DESC, mapping_id", limit, offset)
                .map((rs, ctx) -> scaleMapping(rs)).list();
    }

    /** A page of the cross patterns, newest first. */
    List<CrossPatternRow> crossPatterns(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + CROSS_COLUMNS + " FROM knowledge_cross_patterns"
                        + " ORDER BY discovered_at DESC, pattern_id", limit, offset)
                .map((rs, ctx) -> crossPattern(rs)).list();
    }

    /** A page of the false pattern classes, newest first. */
    List<FalsePatternRow> falsePatterns(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + FALSE_COLUMNS + " FROM false_pattern_classes"
                        + " ORDER BY registered_at DESC, pattern_id", limit, offset)
                .map((rs, ctx) -> falsePattern(rs)).list();
    }

    /** A page of a kernel's memory fragments of every status, newest first. */
    List<FragmentRow> fragments(Handle h, String kernelId, int limit, int offset) {
        return Rows.page(h, "SELECT " + FRAGMENT_COLUMNS + " FROM memory_fragments WHERE kernel_id = :k"
                        + " ORDER BY created_at DESC, fragment_id", limit, offset)
                .bind("k", kernelId).map((rs, ctx) -> fragment(rs)).list();
    }

    private ScaleMappingRow scaleMapping(ResultSet rs) throws SQLException {
        return new ScaleMappingRow(rs.getString("mapping_id"), rs.getString("kernel_id"),
                rs.getDouble("source_kappa"), rs.getDouble("target_kappa"), rs.getString("source_regime"),
                rs.getString("target_regime"), Rows.doubles(rs, "transformation_matrix"),
                rs.getDouble("information_preserved"), rs.getString("mapping_type"),
                instant(rs, "discovered_at"), json(rs, "metadata"));
    }

    private FragmentRow fragment(ResultSet rs) throws SQLException {
        return new FragmentRow(rs.getString("fragment_id"), rs.getString("kernel_id"),
                Rows.stored(rs, "fragment_type", FragmentType.class),
                json(rs, "fragment_content"), basin(rs, "basin_coordinates"), rs.getDouble("phi"),
                rs.getDouble("importance"), rs.getInt("access_count"),
                Rows.stored(rs, "consolidation_status", ConsolidationStatus.class),
                rs.getString("consolidated_into"), instant(rs, "created_at"), instant(rs, "consolidated_at"),
                json(rs, "metadata"));
    }

    private FalsePatternRow falsePattern(ResultSet rs) throws SQLException {
        return new FalsePatternRow(rs.getString("pattern_id"), rs.getString("pattern_description"),
                rs.getString("false_reason"), rs.getString("detection_method"), basin(rs, "signature"),
                rs.getDouble("radius_fr"), json(rs, "example_cases"), rs.getInt("times_avoided"),
                instant(rs, "registered_at"), instant(rs, "last_avoided_at"), json(rs, "metadata"));
    }

    private CrossPatternRow crossPattern(ResultSet rs) throws SQLException {
        return new CrossPatternRow(rs.getString("pattern_id"), rs.getString("pattern_key"), rs.getString("pattern_type"),
                Rows.strings(rs, "involved_domains"), basin(rs, "pattern_signature"), rs.getDouble("radius_fr"),
                rs.getDouble("confidence_score"), rs.getInt("example_count"), json(rs, "examples"),
                rs.getInt("times_discovered"), instant(rs, "discovered_at"), instant(rs, "last_seen_at"),
                json(rs, "metadata"));
    }
}
