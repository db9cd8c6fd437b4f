package dev.basin.navigation;

import dev.basin.store.StoredName;

/** Why the agent moves (also the type of the waypoints it stops at). */
public enum MovementReason implements StoredName {
    EXPLORATION,
    INVESTIGATION,
    CONSOLIDATION,
    REST;

    /** Parses a stored or caller-supplied name; unknown names are rejected naming {@code field}. */
    public static MovementReason parse(String field, String value) {
        return StoredName.parse(MovementReason.class, field, value);
    }
}
