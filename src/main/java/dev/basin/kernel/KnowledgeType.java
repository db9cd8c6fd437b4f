package dev.basin.kernel;

import dev.basin.store.StoredName;

/** What a parent hands to a spawned child. */
public enum KnowledgeType implements StoredName {
    VOCABULARY, PATTERNS, ATTRACTORS, STRATEGIES;

}
