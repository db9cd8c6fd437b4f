package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code kernel_thoughts}. */
public record ThoughtRow(String thoughtId, String kernelId, String content, ThoughtType type, ThoughtEvent event,
        double phi, double kappaEff, Basin basin, EmotionVector emotionalContext, String relatedId, Instant createdAt,
        JsonNode metadata) {}
