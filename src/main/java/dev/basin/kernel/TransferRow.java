package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code kernel_knowledge_transfers}. */
public record TransferRow(String transferId, String sourceKernelId, String targetKernelId, KnowledgeType type,
        JsonNode data, int itemCount, int sizeBytes, Instant transferredAt, JsonNode metadata) {}
