package dev.basin.safety;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Why an agent excludes a region: it exhausted it, was ordered out, or found it unsafe (docs/safety.md). */
public enum ExclusionReason {
    EXHAUSTED,
    ORDERED,
    UNSAFE;

    /** The name stored in {@code exclusion_reason}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or caller-supplied name; unknown names are rejected naming {@code field}. */
    public static ExclusionReason parse(String field, String value) {
        for (ExclusionReason r : values()) {
            if (r.sqlName().equals(value)) {
                return r;
            }
        }
        throw new InvalidInputException(field, "must be one of exhausted, ordered, unsafe, is " + value);
    }
}
