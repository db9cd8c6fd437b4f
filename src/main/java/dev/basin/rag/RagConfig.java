package dev.basin.rag;

import dev.basin.geometry.InvalidInputException;

/**
 * Limits of document ingestion and retrieval.
 *
 * @param maxBytes largest accepted document (default {@value #DEFAULT_MAX_BYTES} bytes = 8 MiB)
 * @param maxChunkChars longest chunk in characters (default {@value Chunker#DEFAULT_MAX_CHARS})
 * @param minChunkChars a chunk shorter than this absorbs the next piece (default {@value Chunker#DEFAULT_MIN_CHARS})
 * @param maxQueryChars longest accepted query text (default {@value #DEFAULT_MAX_QUERY_CHARS})
 * @param maxK largest number of chunks one query may ask for (default {@value #DEFAULT_MAX_K})
 */
public record RagConfig(long maxBytes, int maxChunkChars, int minChunkChars, int maxQueryChars, int maxK) {
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    public static final int DEFAULT_MAX_QUERY_CHARS = 100_000;
    public static final int DEFAULT_MAX_K = 1000;

    public RagConfig {
        if (maxBytes < 1) {
            throw new InvalidInputException("maxBytes", "must be ≥ 1, is " + maxBytes);
        }
        new Chunker(maxChunkChars, minChunkChars); // validates both
        if (maxQueryChars < 1) {
            throw new InvalidInputException("maxQueryChars", "must be ≥ 1, is " + maxQueryChars);
        }
        if (maxK < 1) {
            throw new InvalidInputException("maxK", "must be ≥ 1, is " + maxK);
        }
    }

    public static RagConfig defaults() {
        return new RagConfig(DEFAULT_MAX_BYTES, Chunker.DEFAULT_MAX_CHARS, Chunker.DEFAULT_MIN_CHARS,
                DEFAULT_MAX_QUERY_CHARS, DEFAULT_MAX_K);
    }

    /** The same limits with another maximum document size. */
    public RagConfig withMaxBytes(long bytes) {
        return new RagConfig(bytes, maxChunkChars, minChunkChars, maxQueryChars, maxK);
    }
}
