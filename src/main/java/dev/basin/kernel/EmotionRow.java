package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code kernel_emotions}. */
public record EmotionRow(String emotionId, String kernelId, EmotionVector emotions, double phi, double kappaEff,
        EmotionTrigger trigger, Instant recordedAt, JsonNode metadata) {}
