package dev.basin.navigation;

import dev.basin.store.StoredName;

/** Why the agent moves (also the type of the waypoints it stops at). */
public enum MovementReason implements StoredName {
    EXPLORATION,
    INVESTIGATION,
    CONSOLIDATION,
    REST
}
