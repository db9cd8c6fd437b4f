package dev.basin.navigation;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Why the agent moves (also the type of the waypoints it stops at). */
public enum MovementReason {
    EXPLORATION,
    INVESTIGATION,
    CONSOLIDATION,
    REST;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or caller-supplied name; unknown names are rejected naming {@code field}. */
    public static MovementReason parse(String field, String value) {
        for (MovementReason r : values()) {
            if (r.sqlName().equals(value)) {
                return r;
            }
        }
        throw new InvalidInputException(field, "must be one of exploration, investigation, consolidation, rest, is " + value);
    }
}
