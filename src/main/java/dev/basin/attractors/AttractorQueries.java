package dev.basin.attractors;

import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads of {@code learned_manifold_attractors} (by id, and by kernel through {@code attractors_kernel_idx}). */
final class AttractorQueries {
    private static final String COLUMNS = AttractorTables.ATTRACTORS.columnList();

    private AttractorQueries() {}

    static List<AttractorRow> ofKernel(Handle h, String kernelId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE kernel_id = :k "
                        + "ORDER BY discovered_at, basin_coordinates, attractor_id")
                .bind("k", kernelId).map(AttractorQueries::row).list();
    }

    static List<AttractorRow> ofKernel(Handle h, String kernelId, AttractorType type) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE kernel_id = :k "
                        + "AND attractor_type = :t ORDER BY potential_value, attractor_id")
                .bind("k", kernelId).bind("t", type.sqlName()).map(AttractorQueries::row).list();
    }

    /** A page of a kernel's attractors (of one type, or of every type when {@code type} is null), lowest potential first. */
    static List<AttractorRow> page(Handle h, String kernelId, AttractorType type, int limit, int offset) {
        return Rows.page(h, "SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE kernel_id = :k "
                        + (type == null ? "" : "AND attractor_type = :t ") + "ORDER BY potential_value, attractor_id", limit, offset)
                .bind("k", kernelId).bind("t", type == null ? null : type.sqlName()).map(AttractorQueries::row).list();
    }

    static java.util.Optional<AttractorRow> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE attractor_id = :id")
                .bind("id", id).map(AttractorQueries::row).findOne();
    }

    static int count(Handle h, String kernelId) {
        return h.createQuery("SELECT count(*) FROM learned_manifold_attractors WHERE kernel_id = :k")
                .bind("k", kernelId).mapTo(Integer.class).one();
    }

    static AttractorRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AttractorRow(rs.getString("attractor_id"), rs.getString("kernel_id"), Rows.basin(rs, "basin_coordinates"),
                Rows.stored(rs, "attractor_type", AttractorType.class), rs.getDouble("stability_metric"),
                rs.getDouble("basin_volume"), rs.getDouble("potential_value"),
                Rows.stored(rs, "discovery_method", DiscoveryMethod.class),
                rs.getDouble("phi_value"), rs.getDouble("kappa_value"), rs.getInt("times_visited"),
                Rows.instant(rs, "discovered_at"), Rows.instant(rs, "last_visited_at"), Rows.json(rs, "metadata"));
    }
}
