package dev.basin.rag;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code rag_uploads}: a document, identified by the SHA-256 of its bytes. */
public record UploadRow(
        String uploadId,
        String filename,
        String domain,
        String contentHash,
        long byteSize,
        int chunkCount,
        String embeddingModel,
        Instant uploadedAt,
        JsonNode metadata) {}
