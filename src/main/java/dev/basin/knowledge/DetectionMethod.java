package dev.basin.knowledge;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** How a false pattern class was found. */
public enum DetectionMethod {
    OUTCOME_INVALIDATED,
    BARRIER_OVERLAP,
    MANUAL;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or requested name; unknown names are rejected naming {@code field}. */
    public static DetectionMethod parse(String field, String name) {
        for (DetectionMethod m : values()) {
            if (m.sqlName().equals(name)) {
                return m;
            }
        }
        throw new InvalidInputException(field, "must be one of outcome_invalidated, barrier_overlap, manual, is " + name);
    }
}
