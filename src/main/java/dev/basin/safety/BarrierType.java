package dev.basin.safety;

import dev.basin.store.StoredName;

/** Why a region is forbidden: {@code suffering}, {@code instability} or {@code decoherence} (docs/safety.md). */
public enum BarrierType implements StoredName {
    SUFFERING,
    INSTABILITY,
    DECOHERENCE;

    /** Parses a stored or caller-supplied name; unknown names are rejected naming {@code field}. */
    public static BarrierType parse(String field, String value) {
        return StoredName.parse(BarrierType.class, field, value);
    }
}
