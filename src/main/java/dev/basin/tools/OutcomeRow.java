package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code lightning_insight_outcomes}: what acting on an insight (of kernel {@code kernelId}) did to Φ and κ. */
public record OutcomeRow(
        String outcomeId,
        String insightId,
        String kernelId,
        String outcomeType,
        boolean success,
        double phiChange,
        double kappaChange,
        double learningValue,
        Instant recordedAt,
        JsonNode metadata) {}
