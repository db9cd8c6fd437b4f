package dev.basin.safety;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Why a region is forbidden: {@code suffering}, {@code instability} or {@code decoherence} (docs/safety.md). */
public enum BarrierType {
    SUFFERING,
    INSTABILITY,
    DECOHERENCE;

    /** The name stored in {@code barrier_type}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or caller-supplied name; unknown names are rejected naming {@code field}. */
    public static BarrierType parse(String field, String value) {
        for (BarrierType t : values()) {
            if (t.sqlName().equals(value)) {
                return t;
            }
        }
        throw new InvalidInputException(field, "must be one of suffering, instability, decoherence, is " + value);
    }
}
