package dev.basin.knowledge;

import dev.basin.store.StoredName;

/** How a false pattern class was found. */
public enum DetectionMethod implements StoredName {
    OUTCOME_INVALIDATED,
    BARRIER_OVERLAP,
    MANUAL;

    /** Parses a stored or requested name; unknown names are rejected naming {@code field}. */
    public static DetectionMethod parse(String field, String name) {
        return StoredName.parse(DetectionMethod.class, field, name);
    }
}
