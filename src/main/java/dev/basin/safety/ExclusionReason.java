package dev.basin.safety;

import dev.basin.store.StoredName;

/** Why an agent excludes a region: it exhausted it, was ordered out, or found it unsafe (docs/safety.md). */
public enum ExclusionReason implements StoredName {
    EXHAUSTED,
    ORDERED,
    UNSAFE;

    /** Parses a stored or caller-supplied name; unknown names are rejected naming {@code field}. */
    public static ExclusionReason parse(String field, String value) {
        return StoredName.parse(ExclusionReason.class, field, value);
    }
}
