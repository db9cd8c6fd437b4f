package dev.basin.navigation;

import dev.basin.store.Rows;
import dev.basin.geometry.Basin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads of the navigation tables, each through an index (keys, agent/time, trajectory/sequence, kernel/time). */
public final class NavigationQueries {
    /** The reuse lookup; EXPLAIN of it shows {@code geodesic_paths_keys_idx}. */
    public static final String PATH_WINDOW_SQL = "SELECT * FROM geodesic_paths WHERE start_key BETWEEN :s0 AND :s1"
            + " AND end_key BETWEEN :e0 AND :e1 ORDER BY computed_at, path_id LIMIT 64";

    private final Jdbi jdbi;

    public NavigationQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<GeodesicPathRow> pathsInKeyWindow(double s0, double s1, double e0, double e1) {
        return jdbi.withHandle(h -> h.createQuery(PATH_WINDOW_SQL).bind("s0", s0).bind("s1", s1).bind("e0", e0)
                .bind("e1", e1).map((rs, ctx) -> path(rs)).list());
    }

    public Optional<GeodesicPathRow> path(String pathId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM geodesic_paths WHERE path_id = :id").bind("id", pathId)
                .map((rs, ctx) -> path(rs)).findOne());
    }

    /** Stored paths, newest first. */
    public List<GeodesicPathRow> listPaths(int limit, int offset) {
        return jdbi.withHandle(h -> Rows.page(h, "SELECT * FROM geodesic_paths ORDER BY computed_at DESC, path_id", limit, offset)
                .map((rs, ctx) -> path(rs)).list());
    }

    /**
     * A trajectory with its step count so far: while it is active, the stops stored (the appends of a caller-steered
     * trajectory do not rewrite its row; its count is written when it finishes).
     */
    static final String TRAJECTORY_COLUMNS = "t.*, CASE WHEN t.status = 'active' THEN (SELECT max(w.sequence) - 1"
            + " FROM ocean_waypoints w WHERE w.trajectory_id = t.trajectory_id) END AS live_step_count";
    /**
     * A trajectory's stops with the next stop's arrival, which is the departure of a stop whose departure is not stored
     * (a caller-steered trajectory still active).
     */
    static final String WAYPOINT_COLUMNS = "w.*, lead(w.arrived_at) OVER (ORDER BY w.sequence) AS next_arrival";

    public Optional<TrajectoryRow> trajectory(String trajectoryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TRAJECTORY_COLUMNS + " FROM ocean_trajectories t"
                        + " WHERE t.trajectory_id = :id")
                .bind("id", trajectoryId).map((rs, ctx) -> liveTrajectory(rs)).findOne());
    }

    /** Trajectories of one agent (of every agent when {@code agentId} is null), newest first. */
    public List<TrajectoryRow> listTrajectories(String agentId, int limit, int offset) {
        return jdbi.withHandle(h -> Rows.page(h, "SELECT " + TRAJECTORY_COLUMNS + " FROM ocean_trajectories t"
                        + (agentId == null ? "" : " WHERE t.agent_id = :a") + " ORDER BY t.started_at DESC, t.trajectory_id",
                        limit, offset)
                .bind("a", agentId).map((rs, ctx) -> liveTrajectory(rs)).list());
    }

    /** Φ and κ_eff at the latest {@code perAgent} waypoints of each of {@code agentIds}, newest first per agent. */
    public List<PhiSample> phiSamples(List<String> agentIds, int perAgent) {
        Rows.checkPage(perAgent, 0);
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, w.arrived_at, w.phi, w.kappa_eff FROM unnest(:ids) AS a(id)"
                        + " CROSS JOIN LATERAL (SELECT arrived_at, phi, kappa_eff FROM ocean_waypoints"
                        + " WHERE agent_id = a.id ORDER BY arrived_at DESC LIMIT :n) w")
                .bindArray("ids", String.class, agentIds).bind("n", perAgent)
                .map((rs, ctx) -> new PhiSample(rs.getString(1), Rows.instant(rs, "arrived_at"), rs.getDouble(3),
                        rs.getDouble(4))).list());
    }

    /** The waypoints of one trajectory in sequence order, each departed at the next one's arrival. */
    public List<WaypointRow> waypoints(String trajectoryId, int limit, int offset) {
        return jdbi.withHandle(h -> Rows.page(h, "SELECT " + WAYPOINT_COLUMNS + " FROM ocean_waypoints w"
                        + " WHERE w.trajectory_id = :t ORDER BY w.sequence", limit, offset)
                .bind("t", trajectoryId).map((rs, ctx) -> {
                    WaypointRow w = waypoint(rs);
                    Instant next = Rows.instant(rs, "next_arrival");
                    return w.departedAt() == null && next != null ? w.departing(next) : w;
                }).list());
    }

    /** Every waypoint of one trajectory in sequence order as stored, read on {@code handle} (a transaction's). */
    List<WaypointRow> allWaypoints(Handle handle, String trajectoryId) {
        return handle.createQuery("SELECT * FROM ocean_waypoints WHERE trajectory_id = :t ORDER BY sequence")
                .bind("t", trajectoryId).map((rs, ctx) -> waypoint(rs)).list();
    }

    /** Space-time paths of one kernel, newest first. */
    public List<TpsPathRow> listTpsPaths(String kernelId, int limit, int offset) {
        return jdbi.withHandle(h -> Rows.page(h, "SELECT * FROM tps_geodesic_paths WHERE kernel_id = :k"
                        + " ORDER BY to_time DESC, tps_path_id", limit, offset)
                .bind("k", kernelId).map((rs, ctx) -> tps(rs)).list());
    }

    public boolean kernelExists(String kernelId) {
        return jdbi.withHandle(h -> Rows.kernelExists(h, kernelId));
    }

    /** Whether checkpoint {@code checkpointId} exists and belongs to kernel {@code kernelId}. */
    public boolean checkpointOf(String kernelId, String checkpointId) {
        return jdbi.withHandle(h -> Rows.exists(h, "kernel_checkpoints", "checkpoint_id", checkpointId, "kernel_id", kernelId));
    }

    private GeodesicPathRow path(ResultSet rs) throws SQLException {
        return new GeodesicPathRow(rs.getString("path_id"), rs.getString("kernel_id"), Rows.basin(rs, "start_basin"),
                Rows.basin(rs, "end_basin"), rs.getDouble("start_key"), rs.getDouble("end_key"),
                points(rs, "path_coordinates"), rs.getDouble("fisher_distance"), rs.getInt("num_steps"),
                rs.getDouble("curvature_max"), rs.getInt("reuse_count"), Rows.instant(rs, "computed_at"),
                Rows.instant(rs, "last_used_at"), Rows.json(rs, "metadata"));
    }

    TrajectoryRow trajectory(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new TrajectoryRow(rs.getString("trajectory_id"), rs.getString("agent_id"), rs.getString("path_id"),
                Rows.basin(rs, "start_basin"), Rows.basin(rs, "target_basin"),
                rs.getArray("end_basin") == null ? null : Rows.basin(rs, "end_basin"),
                rs.getArray("path_coordinates") == null ? null : points(rs, "path_coordinates"), rs.getInt("step_count"),
                durationMs, Rows.stored(rs, "movement_reason", MovementReason.class),
                Rows.stored(rs, "status", TrajectoryStatus.class),
                rs.getString("blocked_reason"), Rows.instant(rs, "started_at"),
                Rows.instant(rs, "completed_at"), Rows.json(rs, "metadata"));
    }

    private TrajectoryRow liveTrajectory(ResultSet rs) throws SQLException {
        TrajectoryRow t = trajectory(rs);
        int live = rs.getInt("live_step_count");
        if (rs.wasNull()) {
            return t;
        }
        return new TrajectoryRow(t.trajectoryId(), t.agentId(), t.pathId(), t.start(), t.target(), t.end(), t.path(), live,
                t.durationMs(), t.reason(), t.status(), t.blockedReason(), t.startedAt(), t.completedAt(), t.metadata());
    }

    private WaypointRow waypoint(ResultSet rs) throws SQLException {
        long dwell = rs.getLong("dwell_time_ms");
        Long dwellMs = rs.wasNull() ? null : dwell;
        return new WaypointRow(rs.getString("waypoint_id"), rs.getString("trajectory_id"), rs.getString("agent_id"),
                rs.getInt("sequence"), Rows.basin(rs, "basin_coordinates"),
                Rows.stored(rs, "waypoint_type", MovementReason.class), rs.getDouble("phi"),
                rs.getDouble("kappa_eff"), rs.getString("regime"), Rows.instant(rs, "arrived_at"),
                Rows.instant(rs, "departed_at"), dwellMs, Rows.json(rs, "metadata"));
    }

    private TpsPathRow tps(ResultSet rs) throws SQLException {
        return new TpsPathRow(rs.getString("tps_path_id"), rs.getString("kernel_id"), rs.getString("from_checkpoint_id"),
                rs.getString("to_checkpoint_id"), Rows.instant(rs, "from_time"),
                Rows.instant(rs, "to_time"), rs.getDouble("tau_seconds"), rs.getDouble("spatial_distance"),
                rs.getDouble("temporal_distance"), rs.getDouble("spacetime_distance"), Rows.json(rs, "waypoints"),
                Rows.json(rs, "regime_transitions"), Rows.instant(rs, "created_at"), Rows.json(rs, "metadata"));
    }

    /** Reads a 2-D {@code double precision[]} path column (points × 64). */
    static List<Basin> points(ResultSet rs, String column) throws SQLException {
        Object[] rows = (Object[]) rs.getArray(column).getArray();
        List<Basin> out = new ArrayList<>(rows.length);
        for (int k = 0; k < rows.length; k++) {
            Object[] row = (Object[]) rows[k];
            double[] p = new double[row.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = ((Number) row[i]).doubleValue();
            }
            out.add(Basin.of(column + "[" + k + "]", p));
        }
        return out;
    }
}
