package dev.basin.kernel;

import dev.basin.store.StoredName;

/** The nine emotions, in the order of the {@code kernel_emotions} columns. */
public enum Emotion implements StoredName {
    JOY, SADNESS, ANGER, FEAR, SURPRISE, DISGUST, CONFUSION, ANTICIPATION, TRUST;

}
