package dev.basin.runs;

import dev.basin.store.StoredName;

/** Status of a session. */
public enum SessionStatus implements StoredName {
    RUNNING, COMPLETED, FAILED;

    /** The status named {@code name} in the table's lower case. */
    static SessionStatus parse(String name) {
        return StoredName.parse(SessionStatus.class, "status", name);
    }
}
