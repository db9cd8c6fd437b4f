package dev.basin.navigation;

import dev.basin.geometry.Basin;
import java.util.List;

/**
 * How a navigation ended: status, where the agent stands, steps taken, the trajectory and planned path ids, the ids of
 * the balls that blocked it (empty unless blocked), the reason when blocked, detours taken, crossings prevented, and
 * every step's sample.
 */
public record NavigationResult(
        TrajectoryStatus status,
        Basin finalBasin,
        int steps,
        String trajectoryId,
        String pathId,
        List<String> blockedIds,
        String blockedReason,
        int detours,
        int preventions,
        List<StepSample> samples) {
    public NavigationResult {
        blockedIds = List.copyOf(blockedIds);
        samples = List.copyOf(samples);
    }
}
