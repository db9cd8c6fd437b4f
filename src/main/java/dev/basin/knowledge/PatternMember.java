package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.rag.DocumentRules;
import dev.basin.rag.IndexedChunk;

/**
 * A candidate member of a cross pattern: a chunk or a memory, the domain it comes from (a document's domain, or the
 * kernel for memories), its basin and a text snippet.
 */
public record PatternMember(String id, String kind, String domain, Basin basin, String snippet) {
    /** Longest snippet kept in a pattern's examples. */
    public static final int SNIPPET_CHARS = 160;

    public PatternMember {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "must not be blank");
        }
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind", "must not be blank");
        }
        DocumentRules.domain(domain);
        requirePresent("basin", basin);
        snippet = snippet == null ? "" : snippet.length() > SNIPPET_CHARS ? snippet.substring(0, SNIPPET_CHARS) : snippet;
    }

    /** A document chunk; its domain is its document's. */
    public static PatternMember of(IndexedChunk c) {
        return new PatternMember(c.chunkId(), "chunk", c.domain(), c.basin(), c.content());
    }

    /** A memory fragment; its domain is {@code kernel:<kernel id>}. */
    public static PatternMember of(FragmentRow f) {
        return new PatternMember(f.fragmentId(), "memory", "kernel:" + f.kernelId(), f.basin(), f.content().toString());
    }
}
