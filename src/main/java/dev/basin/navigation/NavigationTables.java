package dev.basin.navigation;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.PATH;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The declarations of the four tables owned by {@code navigation}. */
public final class NavigationTables {
    /** Owner name declared for every table of this package. */
    public static final String OWNER = "navigation";

    public static final Table<GeodesicPathRow> PATHS = Table.<GeodesicPathRow>named("geodesic_paths")
            .owner(OWNER).key("path_id")
            .column("path_id", TEXT, GeodesicPathRow::pathId)
            .column("kernel_id", TEXT, GeodesicPathRow::kernelId)
            .column("start_basin", BASIN, GeodesicPathRow::start)
            .column("end_basin", BASIN, GeodesicPathRow::end)
            .column("start_key", DOUBLE, GeodesicPathRow::startKey)
            .column("end_key", DOUBLE, GeodesicPathRow::endKey)
            .column("path_coordinates", PATH, GeodesicPathRow::path)
            .column("fisher_distance", DOUBLE, GeodesicPathRow::distance)
            .column("num_steps", INTEGER, GeodesicPathRow::numSteps)
            .column("curvature_max", DOUBLE, GeodesicPathRow::curvatureMax)
            .column("reuse_count", INTEGER, GeodesicPathRow::reuseCount)
            .column("computed_at", TIMESTAMPTZ, GeodesicPathRow::computedAt)
            .column("last_used_at", TIMESTAMPTZ, GeodesicPathRow::lastUsedAt)
            .column("metadata", JSONB, GeodesicPathRow::metadata)
            .build();

    public static final Table<TrajectoryRow> TRAJECTORIES = Table.<TrajectoryRow>named("ocean_trajectories")
            .owner(OWNER).key("trajectory_id")
            .column("trajectory_id", TEXT, TrajectoryRow::trajectoryId)
            .column("agent_id", TEXT, TrajectoryRow::agentId)
            .column("path_id", TEXT, TrajectoryRow::pathId)
            .column("start_basin", BASIN, TrajectoryRow::start)
            .column("target_basin", BASIN, TrajectoryRow::target)
            .column("end_basin", BASIN, TrajectoryRow::end)
            .column("path_coordinates", PATH, TrajectoryRow::path)
            .column("step_count", INTEGER, TrajectoryRow::stepCount)
            .column("duration_ms", BIGINT, TrajectoryRow::durationMs)
            .column("movement_reason", TEXT, r -> r.reason().sqlName())
            .column("status", TEXT, r -> r.status().sqlName())
            .column("blocked_reason", TEXT, TrajectoryRow::blockedReason)
            .column("started_at", TIMESTAMPTZ, TrajectoryRow::startedAt)
            .column("completed_at", TIMESTAMPTZ, TrajectoryRow::completedAt)
            .column("metadata", JSONB, TrajectoryRow::metadata)
            .build();

    public static final Table<WaypointRow> WAYPOINTS = Table.<WaypointRow>named("ocean_waypoints")
            .owner(OWNER).key("waypoint_id")
            .column("waypoint_id", TEXT, WaypointRow::waypointId)
            .column("trajectory_id", TEXT, WaypointRow::trajectoryId)
            .column("agent_id", TEXT, WaypointRow::agentId)
            .column("sequence", INTEGER, WaypointRow::sequence)
            .column("basin_coordinates", BASIN, WaypointRow::basin)
            .column("waypoint_type", TEXT, r -> r.type().sqlName())
            .column("phi", DOUBLE, WaypointRow::phi)
            .column("kappa_eff", DOUBLE, WaypointRow::kappaEff)
            .column("regime", TEXT, WaypointRow::regime)
            .column("arrived_at", TIMESTAMPTZ, WaypointRow::arrivedAt)
            .column("departed_at", TIMESTAMPTZ, WaypointRow::departedAt)
            .column("dwell_time_ms", BIGINT, WaypointRow::dwellTimeMs)
            .column("metadata", JSONB, WaypointRow::metadata)
            .build();

    public static final Table<TpsPathRow> TPS_PATHS = Table.<TpsPathRow>named("tps_geodesic_paths")
            .owner(OWNER).key("tps_path_id")
            .column("tps_path_id", TEXT, TpsPathRow::tpsPathId)
            .column("kernel_id", TEXT, TpsPathRow::kernelId)
            .column("from_checkpoint_id", TEXT, TpsPathRow::fromCheckpointId)
            .column("to_checkpoint_id", TEXT, TpsPathRow::toCheckpointId)
            .column("from_time", TIMESTAMPTZ, TpsPathRow::fromTime)
            .column("to_time", TIMESTAMPTZ, TpsPathRow::toTime)
            .column("tau_seconds", DOUBLE, TpsPathRow::tauSeconds)
            .column("spatial_distance", DOUBLE, TpsPathRow::spatialDistance)
            .column("temporal_distance", DOUBLE, TpsPathRow::temporalDistance)
            .column("spacetime_distance", DOUBLE, TpsPathRow::spacetimeDistance)
            .column("waypoints", JSONB, TpsPathRow::waypoints)
            .column("regime_transitions", JSONB, TpsPathRow::regimeTransitions)
            .column("created_at", TIMESTAMPTZ, TpsPathRow::createdAt)
            .column("metadata", JSONB, TpsPathRow::metadata)
            .constantBecause("tau_seconds", "the space-time scale τ is a configuration constant (default 60 s)")
            .build();

    private NavigationTables() {}

    /** Every table this package owns, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(PATHS, TRAJECTORIES, WAYPOINTS, TPS_PATHS);
    }
}
