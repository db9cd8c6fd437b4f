package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Why a checkpoint was taken. */
public enum CheckpointType {
    REGULAR, PRE_SLEEP, POST_SLEEP, PRE_NAVIGATION, PRE_SPAWN, MANUAL;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckpointType parse(String field, String v) {
        for (CheckpointType t : values()) {
            if (t.sqlName().equals(v)) {
                return t;
            }
        }
        throw new InvalidInputException(field,
                "must be one of regular, pre_sleep, post_sleep, pre_navigation, pre_spawn, manual, is " + v);
    }
}
