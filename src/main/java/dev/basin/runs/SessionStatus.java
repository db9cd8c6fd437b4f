package dev.basin.runs;

import java.util.Locale;

/** Status of a session. */
public enum SessionStatus {
    RUNNING, COMPLETED, FAILED;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code name} in the table's lower case. */
    static SessionStatus parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
