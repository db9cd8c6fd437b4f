package dev.basin.navigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of {@code tps_geodesic_paths}: the space-time geodesic between two checkpoints of a kernel.
 * {@code waypoints} is {@code [{"t": ISO-8601, "tau": fraction, "basin": [64]}...]}; {@code regimeTransitions} is
 * {@code [{"at", "from", "to", "kappa_eff"}...]}.
 */
public record TpsPathRow(
        String tpsPathId,
        String kernelId,
        String fromCheckpointId,
        String toCheckpointId,
        Instant fromTime,
        Instant toTime,
        double tauSeconds,
        double spatialDistance,
        double temporalDistance,
        double spacetimeDistance,
        JsonNode waypoints,
        JsonNode regimeTransitions,
        Instant createdAt,
        JsonNode metadata) {}
