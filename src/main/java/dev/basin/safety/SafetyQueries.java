package dev.basin.safety;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;

import dev.basin.store.ChangeFeed;
import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads of the safety tables (all through indexes: primary keys, {@code changed_xid}, the partial active indexes). */
public final class SafetyQueries {
    private static final String BARRIER_COLS = SafetyTables.BARRIERS.columnList();
    private static final String REGION_COLS = SafetyTables.REGIONS.columnList();
    private static final String ERA_COLS = SafetyTables.ERAS.columnList();

    private final Jdbi jdbi;

    public SafetyQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The rows of the three tables one read of the change feed returned. */
    record Changed(List<BarrierRow> barriers, List<ExcludedRegionRow> regions, List<EraExclusionRow> eras) {
        int size() {
            return barriers.size() + regions.size() + eras.size();
        }
    }

    /** The rows of the three tables that {@code changes} sees: every row on a feed's first read, else those changed. */
    Changed changed(ChangeFeed.Changes changes) {
        return new Changed(changes.rows(SafetyTables.BARRIERS, BARRIER_COLS, (rs, ctx) -> barrier(rs)),
                changes.rows(SafetyTables.REGIONS, REGION_COLS, (rs, ctx) -> region(rs)),
                changes.rows(SafetyTables.ERAS, ERA_COLS, (rs, ctx) -> era(rs)));
    }

    public Optional<BarrierRow> barrier(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BARRIER_COLS + " FROM geometric_barriers WHERE barrier_id = :id")
                .bind("id", id).map((rs, ctx) -> barrier(rs)).findOne());
    }

    public Optional<ExcludedRegionRow> region(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + REGION_COLS + " FROM ocean_excluded_regions WHERE region_id = :id")
                .bind("id", id).map((rs, ctx) -> region(rs)).findOne());
    }

    public Optional<EraExclusionRow> era(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ERA_COLS + " FROM era_exclusions WHERE exclusion_id = :id")
                .bind("id", id).map((rs, ctx) -> era(rs)).findOne());
    }

    /** Active barriers of one type and scope, locked for a merge inside the caller's transaction. */
    List<BarrierRow> activeBarriersForMerge(Handle h, BarrierType type, String kernelId) {
        return h.createQuery("SELECT " + BARRIER_COLS + " FROM geometric_barriers WHERE active AND barrier_type = :type"
                        + " AND kernel_id IS NOT DISTINCT FROM :kernel ORDER BY discovered_at, barrier_id FOR UPDATE")
                .bind("type", type.sqlName()).bind("kernel", kernelId)
                .map((rs, ctx) -> barrier(rs)).list();
    }

    /** Barriers, newest first; {@code activeOnly} restricts to active ones. */
    public List<BarrierRow> listBarriers(boolean activeOnly, int limit, int offset) {
        return jdbi.withHandle(h -> Rows.page(h, "SELECT " + BARRIER_COLS + " FROM geometric_barriers"
                        + (activeOnly ? " WHERE active" : "") + " ORDER BY discovered_at DESC, barrier_id", limit, offset)
                .map((rs, ctx) -> barrier(rs)).list());
    }

    /** The active barriers scoped to kernel {@code kernelId}, oldest first (index on kernel_id). */
    public List<BarrierRow> activeBarriersOf(String kernelId) {
        Checks.text("kernelId", kernelId);
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BARRIER_COLS + " FROM geometric_barriers"
                        + " WHERE kernel_id = :kernel AND active ORDER BY discovered_at, barrier_id")
                .bind("kernel", kernelId).map((rs, ctx) -> barrier(rs)).list());
    }

    /** Excluded regions of one agent (or of all when {@code agentId} is null), newest first. */
    public List<ExcludedRegionRow> listRegions(String agentId, boolean activeOnly, int limit, int offset) {
        String where = (agentId != null ? " WHERE agent_id = :agent" : " WHERE true") + (activeOnly ? " AND active" : "");
        return jdbi.withHandle(h -> Rows.page(h, "SELECT " + REGION_COLS + " FROM ocean_excluded_regions" + where
                        + " ORDER BY created_at DESC, region_id", limit, offset)
                .bind("agent", agentId).map((rs, ctx) -> region(rs)).list());
    }

    /** Era exclusions, by start time (newest first). */
    public List<EraExclusionRow> listEras(boolean activeOnly, int limit, int offset) {
        return jdbi.withHandle(h -> Rows.page(h, "SELECT " + ERA_COLS + " FROM era_exclusions"
                        + (activeOnly ? " WHERE active" : "") + " ORDER BY start_timestamp DESC, exclusion_id", limit, offset)
                .map((rs, ctx) -> era(rs)).list());
    }

    /** Whether a kernel row {@code kernelId} exists. */
    public boolean kernelExists(String kernelId) {
        return jdbi.withHandle(h -> Rows.kernelExists(h, kernelId));
    }

    private BarrierRow barrier(ResultSet rs) throws SQLException {
        return new BarrierRow(rs.getString("barrier_id"), rs.getString("kernel_id"), basin(rs, "center_coordinates"),
                rs.getDouble("radius_fr"), Rows.stored(rs, "barrier_type", BarrierType.class),
                rs.getDouble("severity"), rs.getString("reason"), rs.getBoolean("active"), instant(rs, "discovered_at"),
                instant(rs, "deactivated_at"), rs.getInt("crossings_prevented"), Rows.json(rs, "metadata"));
    }

    private ExcludedRegionRow region(ResultSet rs) throws SQLException {
        return new ExcludedRegionRow(rs.getString("region_id"), rs.getString("agent_id"), basin(rs, "center_coordinates"),
                rs.getDouble("radius_fr"), Rows.stored(rs, "exclusion_reason", ExclusionReason.class),
                rs.getInt("visits_without_gain"), instant(rs, "expires_at"), rs.getBoolean("active"),
                instant(rs, "created_at"), instant(rs, "deactivated_at"), Rows.json(rs, "metadata"));
    }

    private EraExclusionRow era(ResultSet rs) throws SQLException {
        return new EraExclusionRow(rs.getString("exclusion_id"), instant(rs, "start_timestamp"), instant(rs, "end_timestamp"),
                basin(rs, "basin_center"), rs.getDouble("exclusion_radius"), rs.getString("reason"), rs.getBoolean("active"),
                instant(rs, "created_at"), Rows.json(rs, "metadata"));
    }
}
