package dev.basin.knowledge;

import dev.basin.store.StoredName;

/** How a false pattern class was found. */
public enum DetectionMethod implements StoredName {
    OUTCOME_INVALIDATED,
    BARRIER_OVERLAP,
    MANUAL
}
