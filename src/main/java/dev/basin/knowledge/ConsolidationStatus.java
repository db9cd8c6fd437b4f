package dev.basin.knowledge;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Where a memory fragment stands with respect to sleep. */
public enum ConsolidationStatus {
    PENDING,
    CONSOLIDATED,
    MERGED,
    PRUNED;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsolidationStatus parse(String field, String name) {
        for (ConsolidationStatus s : values()) {
            if (s.sqlName().equals(name)) {
                return s;
            }
        }
        throw new InvalidInputException(field, "must be one of pending, consolidated, merged, pruned, is " + name);
    }
}
