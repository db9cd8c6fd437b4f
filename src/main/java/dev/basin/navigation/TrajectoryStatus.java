package dev.basin.navigation;

import dev.basin.store.StoredName;

/**
 * State of a trajectory: {@code active} while moving; {@code completed} at the target; {@code blocked} when a step
 * would enter a forbidden ball and no detour exists; {@code abandoned} when the step budget ran out first.
 */
public enum TrajectoryStatus implements StoredName {
    ACTIVE,
    COMPLETED,
    BLOCKED,
    ABANDONED;

}
