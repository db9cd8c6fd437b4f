package dev.basin.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code false_pattern_classes}: a ball of basin space known not to pay off. */
public record FalsePatternRow(
        String patternId,
        String description,
        String falseReason,
        String detectionMethod,
        Basin signature,
        double radiusFr,
        JsonNode exampleCases,
        int timesAvoided,
        Instant registeredAt,
        Instant lastAvoidedAt,
        JsonNode metadata) {}
