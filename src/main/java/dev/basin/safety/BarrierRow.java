package dev.basin.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code geometric_barriers}: the forbidden ball d(p, centre) &lt; radius. {@code kernelId} null = global. */
public record BarrierRow(
        String barrierId,
        String kernelId,
        Basin center,
        double radius,
        BarrierType type,
        double severity,
        String reason,
        boolean active,
        Instant discoveredAt,
        Instant deactivatedAt,
        int crossingsPrevented,
        JsonNode metadata) {}
