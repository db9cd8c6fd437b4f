package dev.basin.navigation;

import dev.basin.store.Table;
import java.util.List;

/** The declarations of the four tables owned by {@code navigation}. */
public final class NavigationTables {
    /** Owner name declared for every table of this package. */
    public static final String OWNER = "navigation";

    public static final Table<GeodesicPathRow> PATHS = Table.of(GeodesicPathRow.class, "geodesic_paths")
            .owner(OWNER).key("path_id")
            .rename("start", "start_basin")
            .rename("end", "end_basin")
            .rename("path", "path_coordinates")
            .rename("distance", "fisher_distance")
            .build();

    public static final Table<TrajectoryRow> TRAJECTORIES = Table.of(TrajectoryRow.class, "ocean_trajectories")
            .owner(OWNER).key("trajectory_id")
            .rename("start", "start_basin")
            .rename("target", "target_basin")
            .rename("end", "end_basin")
            .rename("path", "path_coordinates")
            .rename("reason", "movement_reason")
            .build();

    public static final Table<WaypointRow> WAYPOINTS = Table.of(WaypointRow.class, "ocean_waypoints")
            .owner(OWNER).key("waypoint_id")
            .rename("basin", "basin_coordinates")
            .rename("type", "waypoint_type")
            .build();

    public static final Table<TpsPathRow> TPS_PATHS = Table.of(TpsPathRow.class, "tps_geodesic_paths")
            .owner(OWNER).key("tps_path_id")
            .constantBecause("tau_seconds", "the space-time scale τ is a configuration constant (default 60 s)")
            .build();

    private NavigationTables() {}

    /** Every table this package owns, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(PATHS, TRAJECTORIES, WAYPOINTS, TPS_PATHS);
    }
}
