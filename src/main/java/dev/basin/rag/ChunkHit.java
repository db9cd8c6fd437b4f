package dev.basin.rag;

import dev.basin.geometry.Basin;

/** A retrieved chunk and its Fisher–Rao distance d = 2·arccos(BC) from the query basin. */
public record ChunkHit(String chunkId, String uploadId, int ordinal, String content, Basin basin, double distance) {}
