package dev.basin.kernel;

import dev.basin.geometry.Basin;
import java.time.Instant;

/**
 * How a kernel moves: one step of at most {@code stepLength} (Fisher–Rao) from {@code from} toward {@code target}.
 * The production implementation delegates to the ocean agent (safety-checked, detouring, recorded as trajectories and
 * waypoints); {@link GeodesicNavigator} moves along the bare geodesic.
 */
public interface Navigator {
    /** Where a step ended; {@code blockedBy} names what stopped it (barrier ids) when {@code blocked}. */
    record Step(Basin basin, boolean blocked, String blockedBy) {}

    Step step(String kernelId, Basin from, Basin target, double stepLength, Instant at);
}
