package dev.basin.kernel;

import java.util.Locale;

/** The nine emotions, in the order of the {@code kernel_emotions} columns. */
public enum Emotion {
    JOY, SADNESS, ANGER, FEAR, SURPRISE, DISGUST, CONFUSION, ANTICIPATION, TRUST;

    /** Lower-case name as stored. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
