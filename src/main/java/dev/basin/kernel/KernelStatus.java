package dev.basin.kernel;

import dev.basin.store.StoredName;

/** Life state of a kernel. */
public enum KernelStatus implements StoredName {
    AWAKE, ASLEEP, RETIRED
}
