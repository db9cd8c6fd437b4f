package dev.basin.rag;

import dev.basin.geometry.Basin;
import java.util.List;

/** A retrieval: the coordized query, its Φ (the value averaged into the training stats), and the nearest chunks. */
public record QueryResult(Basin queryBasin, double phi, List<ChunkHit> hits) {
    public QueryResult {
        hits = List.copyOf(hits);
    }
}
