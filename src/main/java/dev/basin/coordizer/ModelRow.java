package dev.basin.coordizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of {@code coordizer_models}: a fitted model's id, size, seed and training-set hash, each topic's top words
 * (a JSON array of 64 arrays), the model itself ({@link ModelCodec#encode}), and when it was fitted and last selected.
 */
public record ModelRow(String modelId, int topics, int vocabularySize, int documents, long seed, String corpusHash,
        JsonNode topWords, String model, Instant fittedAt, Instant selectedAt, JsonNode metadata) {}
