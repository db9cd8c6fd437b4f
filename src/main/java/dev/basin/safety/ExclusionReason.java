package dev.basin.safety;

import dev.basin.store.StoredName;

/** Why an agent excludes a region: it exhausted it, was ordered out, or found it unsafe (docs/safety.md). */
public enum ExclusionReason implements StoredName {
    EXHAUSTED,
    ORDERED,
    UNSAFE
}
