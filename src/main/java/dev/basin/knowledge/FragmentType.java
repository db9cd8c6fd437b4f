package dev.basin.knowledge;

import dev.basin.store.StoredName;

/** Kinds of memory: places visited and what happened, knowledge from chunks, successful tool uses. */
public enum FragmentType implements StoredName {
    EPISODIC,
    SEMANTIC,
    PROCEDURAL
}
