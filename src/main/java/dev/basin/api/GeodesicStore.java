package dev.basin.api;

import dev.basin.geometry.Basin;
import java.util.List;

/** Persists a geodesic for {@code POST /geometry/geodesic} with {@code "persist": true} (navigation's planner). */
interface GeodesicStore {
    /** What was stored (or reused): the path id, its distance and polyline. */
    record Stored(String pathId, double distance, List<Basin> path, boolean reused) {}

    Stored persist(Basin from, Basin to, int steps, String kernelId);

    /** Through navigation's planner, which reuses a stored path whose endpoints are both within its ε. */
    static GeodesicStore of(dev.basin.navigation.GeodesicPlanner planner) {
        return (from, to, steps, kernelId) -> {
            dev.basin.navigation.GeodesicPlanner.PlannedPath p = planner.plan(kernelId, from, to, steps, "api");
            return new Stored(p.pathId(), p.row().distance(), p.points(), p.reused());
        };
    }
}
