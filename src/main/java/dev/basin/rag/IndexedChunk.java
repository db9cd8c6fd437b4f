package dev.basin.rag;

import dev.basin.geometry.Basin;

/** A chunk as the retrieval index holds it: ids, its document's domain, text, basin and the basin's model. */
public record IndexedChunk(String chunkId, String uploadId, String domain, int ordinal, String content, Basin basin,
        String embeddingModel) {}
