package dev.basin.kernel;

import dev.basin.store.StoredName;

/** Why a checkpoint was taken. */
public enum CheckpointType implements StoredName {
    REGULAR, PRE_SLEEP, POST_SLEEP, PRE_NAVIGATION, PRE_SPAWN, MANUAL
}
