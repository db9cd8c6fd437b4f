package dev.basin.runs;

import dev.basin.store.StoredName;

/** Status of a session. */
public enum SessionStatus implements StoredName {
    RUNNING, COMPLETED, FAILED
}
