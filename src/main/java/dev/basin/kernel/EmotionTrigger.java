package dev.basin.kernel;

import java.util.Locale;

/** Why an emotion row was written: the periodic sample, a shift, or a sleep transition. */
public enum EmotionTrigger {
    PERIODIC, SHIFT, SLEEP;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
