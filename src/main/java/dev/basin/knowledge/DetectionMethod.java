package dev.basin.knowledge;

import java.util.Locale;

/** How a false pattern class was found. */
public enum DetectionMethod {
    OUTCOME_INVALIDATED,
    BARRIER_OVERLAP,
    MANUAL;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
