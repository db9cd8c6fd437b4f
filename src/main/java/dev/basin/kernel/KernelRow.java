package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code kernels}: identity and lineage plus the latest {@link KernelState}. */
public record KernelRow(String kernelId, String sessionId, String parentKernelId, String name, int generation,
        KernelState state, Instant createdAt, Instant updatedAt, JsonNode metadata) {}
