package dev.basin.attractors;

import dev.basin.store.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads of {@code learned_manifold_attractors} (by id, and by kernel through {@code attractors_kernel_idx}). */
final class AttractorQueries {
    private static final String COLUMNS = "attractor_id, kernel_id, basin_coordinates, attractor_type, "
            + "stability_metric, basin_volume, potential_value, discovery_method, phi_value, kappa_value, times_visited, "
            + "discovered_at, last_visited_at, metadata";

    private AttractorQueries() {}

    static List<AttractorRow> ofKernel(Handle h, String kernelId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE kernel_id = :k "
                        + "ORDER BY discovered_at, attractor_id")
                .bind("k", kernelId).map(AttractorQueries::row).list();
    }

    static List<AttractorRow> ofKernel(Handle h, String kernelId, AttractorType type) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE kernel_id = :k "
                        + "AND attractor_type = :t ORDER BY potential_value, attractor_id")
                .bind("k", kernelId).bind("t", type.sqlName()).map(AttractorQueries::row).list();
    }

    static java.util.Optional<AttractorRow> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learned_manifold_attractors WHERE attractor_id = :id")
                .bind("id", id).map(AttractorQueries::row).findOne();
    }

    static int count(Handle h, String kernelId) {
        return h.createQuery("SELECT count(*) FROM learned_manifold_attractors WHERE kernel_id = :k")
                .bind("k", kernelId).mapTo(Integer.class).one();
    }

    static boolean kernelExists(Handle h, String kernelId) {
        return Rows.exists(h, "kernels", "kernel_id", kernelId);
    }

    static AttractorRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AttractorRow(rs.getString(1), rs.getString(2),
                ctx.findColumnMapperFor(Basin.class).orElseThrow().map(rs, 3, ctx),
                AttractorType.parse("attractor_type", rs.getString(4)), rs.getDouble(5), rs.getDouble(6),
                rs.getDouble(7), DiscoveryMethod.valueOf(rs.getString(8).toUpperCase(java.util.Locale.ROOT)),
                rs.getDouble(9), rs.getDouble(10), rs.getInt(11),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 12, ctx),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 13, ctx),
                ctx.findColumnMapperFor(JsonNode.class).orElseThrow().map(rs, 14, ctx));
    }
}
