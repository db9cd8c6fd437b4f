package dev.basin.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;

/**
 * A barrier to create: {@code kernelId} null makes it global; {@code metadata} may be null. Validated by
 * {@link SafetyService#createBarrier(NewBarrier)}.
 */
public record NewBarrier(
        String kernelId, Basin center, double radius, BarrierType type, double severity, String reason, JsonNode metadata) {}
