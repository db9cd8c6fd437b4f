package dev.basin.navigation;

import java.util.Locale;

/**
 * State of a trajectory: {@code active} while moving; {@code completed} at the target; {@code blocked} when a step
 * would enter a forbidden ball and no detour exists; {@code abandoned} when the step budget ran out first.
 */
public enum TrajectoryStatus {
    ACTIVE,
    COMPLETED,
    BLOCKED,
    ABANDONED;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
