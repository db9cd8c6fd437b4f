package dev.basin.rag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code rag_chunks}: a piece of a document, its coordized basin and the model that coordized it. */
public record ChunkRow(String chunkId, String uploadId, int ordinal, String content, Basin basin, String embeddingModel,
        Instant createdAt, JsonNode metadata) {}
