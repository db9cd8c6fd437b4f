package dev.basin.attractors;

import dev.basin.store.StoredName;
/** How an attractor was found: descent from seeded starts, re-finding during sleep, or a critical-point search. */
public enum DiscoveryMethod implements StoredName {
    GRADIENT_DESCENT,
    SLEEP,
    REGION_SEARCH;

}
