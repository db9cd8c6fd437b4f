package dev.basin.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code era_exclusions}: a ball forbidden to everyone during [start, end). */
public record EraExclusionRow(
        String exclusionId,
        Instant start,
        Instant end,
        Basin center,
        double radius,
        String reason,
        boolean active,
        Instant createdAt,
        JsonNode metadata) {}
