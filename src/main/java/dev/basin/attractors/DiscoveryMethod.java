package dev.basin.attractors;

/** How an attractor was found: descent from seeded starts, re-finding during sleep, or a critical-point search. */
public enum DiscoveryMethod {
    GRADIENT_DESCENT,
    SLEEP,
    REGION_SEARCH;

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
