package dev.basin.kernel;

import java.util.Locale;

/** Status of a session. */
public enum SessionStatus {
    RUNNING, COMPLETED, FAILED;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
