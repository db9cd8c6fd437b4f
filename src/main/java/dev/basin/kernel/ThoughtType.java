package dev.basin.kernel;

import java.util.Locale;

/** Kind of thought. */
public enum ThoughtType {
    OBSERVATION, QUESTION, INSIGHT, PLAN;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
