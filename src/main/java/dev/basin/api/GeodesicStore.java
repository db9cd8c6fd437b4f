package dev.basin.api;

import dev.basin.geometry.Basin;
import java.util.List;

/** Persists a geodesic for {@code POST /geometry/geodesic} with {@code "persist": true} (navigation's planner). */
interface GeodesicStore {
    /** What was stored (or reused): the path id, its distance and polyline. */
    record Stored(String pathId, double distance, List<Basin> path, boolean reused) {}

    Stored persist(Basin from, Basin to, int steps, String kernelId);

    /** Until navigation is wired: persisting is refused as not available. */
    GeodesicStore UNAVAILABLE = (from, to, steps, kernelId) -> {
        throw new ApiProblem(501, "not-implemented", "Not implemented", "persist", "is not available on this server", java.util.Map.of());
    };
}
