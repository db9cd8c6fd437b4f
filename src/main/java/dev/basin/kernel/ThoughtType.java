package dev.basin.kernel;

import dev.basin.store.StoredName;

/** Kind of thought. */
public enum ThoughtType implements StoredName {
    OBSERVATION, QUESTION, INSIGHT, PLAN;

}
