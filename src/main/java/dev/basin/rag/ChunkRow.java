package dev.basin.rag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code rag_chunks}: a piece of a document and its coordized basin. */
public record ChunkRow(
        String chunkId, String uploadId, int ordinal, String content, Basin basin, Instant createdAt, JsonNode metadata) {}
