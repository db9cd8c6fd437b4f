package dev.basin.navigation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code ocean_waypoints}: a stop of a trajectory; departure and dwell are null for its last stop. */
public record WaypointRow(
        String waypointId,
        String trajectoryId,
        String agentId,
        int sequence,
        Basin basin,
        MovementReason type,
        double phi,
        double kappaEff,
        String regime,
        Instant arrivedAt,
        Instant departedAt,
        Long dwellTimeMs,
        JsonNode metadata) {}
