package dev.basin.safety;

import dev.basin.store.StoredName;

/** Why a region is forbidden: {@code suffering}, {@code instability} or {@code decoherence} (docs/safety.md). */
public enum BarrierType implements StoredName {
    SUFFERING,
    INSTABILITY,
    DECOHERENCE
}
