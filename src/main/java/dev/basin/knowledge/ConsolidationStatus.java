package dev.basin.knowledge;

import dev.basin.store.StoredName;

/** Where a memory fragment stands with respect to sleep. */
public enum ConsolidationStatus implements StoredName {
    PENDING,
    CONSOLIDATED,
    MERGED,
    PRUNED
}
