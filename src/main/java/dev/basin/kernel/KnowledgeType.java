package dev.basin.kernel;

import java.util.Locale;

/** What a parent hands to a spawned child. */
public enum KnowledgeType {
    VOCABULARY, PATTERNS, ATTRACTORS, STRATEGIES;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
