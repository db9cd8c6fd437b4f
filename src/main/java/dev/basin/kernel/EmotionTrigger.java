package dev.basin.kernel;

import dev.basin.store.StoredName;

/** Why an emotion row was written: the periodic sample, a shift, or a sleep transition. */
public enum EmotionTrigger implements StoredName {
    PERIODIC, SHIFT, SLEEP;

}
