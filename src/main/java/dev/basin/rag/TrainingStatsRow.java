package dev.basin.rag;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of {@code document_training_stats}: how often retrieval touched a document, how many of its chunks were
 * returned, and the running mean Φ of the queries that touched it.
 */
public record TrainingStatsRow(
        String documentId,
        long totalQueries,
        long totalHits,
        double avgPhiScore,
        Instant lastQueryAt,
        Instant createdAt,
        Instant lastUpdated,
        JsonNode metadata) {}
