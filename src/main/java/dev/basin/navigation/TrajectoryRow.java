package dev.basin.navigation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.List;

/** One row of {@code ocean_trajectories}; end, path, duration and completion are null while active. */
public record TrajectoryRow(
        String trajectoryId,
        String agentId,
        String pathId,
        Basin start,
        Basin target,
        Basin end,
        List<Basin> path,
        int stepCount,
        Long durationMs,
        MovementReason reason,
        TrajectoryStatus status,
        String blockedReason,
        Instant startedAt,
        Instant completedAt,
        JsonNode metadata) {}
