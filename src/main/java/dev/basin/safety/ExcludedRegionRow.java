package dev.basin.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code ocean_excluded_regions}: a ball forbidden to one agent until {@code expiresAt} (null = never). */
public record ExcludedRegionRow(
        String regionId,
        String agentId,
        Basin center,
        double radius,
        ExclusionReason reason,
        int visitsWithoutGain,
        Instant expiresAt,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt,
        JsonNode metadata) {}
