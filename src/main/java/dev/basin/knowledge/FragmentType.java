package dev.basin.knowledge;

import dev.basin.store.StoredName;

/** Kinds of memory: places visited and what happened, knowledge from chunks, successful tool uses. */
public enum FragmentType implements StoredName {
    EPISODIC,
    SEMANTIC,
    PROCEDURAL;

    /** Parses a stored or requested name; unknown names are rejected naming {@code field}. */
    public static FragmentType parse(String field, String name) {
        return StoredName.parse(FragmentType.class, field, name);
    }
}
