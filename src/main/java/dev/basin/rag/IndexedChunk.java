package dev.basin.rag;

import dev.basin.geometry.Basin;

/** A chunk as the retrieval index holds it: ids, its document's domain, text and basin. */
public record IndexedChunk(String chunkId, String uploadId, String domain, int ordinal, String content, Basin basin) {}
