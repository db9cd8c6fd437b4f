package dev.basin.navigation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code ocean_waypoints}: a stop of a trajectory; departure and dwell are null for its last stop. A stop's
 * departure is the next stop's arrival ({@link #departing}).
 */
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
        JsonNode metadata) {

    /** This stop departed at {@code next} (the next stop's arrival): dwell = next − arrival in whole milliseconds. */
    public WaypointRow departing(Instant next) {
        return new WaypointRow(waypointId, trajectoryId, agentId, sequence, basin, type, phi, kappaEff, regime, arrivedAt,
                next, Duration.between(arrivedAt, next).toMillis(), metadata);
    }
}
