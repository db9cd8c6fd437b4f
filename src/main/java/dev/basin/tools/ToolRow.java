package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code generated_tools}. {@code generatedBy} and {@code lastUsedAt} may be null. */
public record ToolRow(
        String toolId,
        String toolName,
        String description,
        JsonNode inputSchema,
        JsonNode outputSchema,
        JsonNode implementation,
        String generatedBy,
        String generationMethod,
        double phiScore,
        int timesUsed,
        int timesSucceeded,
        double successRate,
        Instant generatedAt,
        Instant lastUsedAt,
        JsonNode metadata) {}
