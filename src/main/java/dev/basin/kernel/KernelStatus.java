package dev.basin.kernel;

import dev.basin.store.StoredName;

/** Life state of a kernel. */
public enum KernelStatus implements StoredName {
    AWAKE, ASLEEP, RETIRED;

    public static KernelStatus parse(String field, String v) {
        return StoredName.parse(KernelStatus.class, field, v);
    }
}
