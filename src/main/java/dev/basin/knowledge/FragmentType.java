package dev.basin.knowledge;

import dev.basin.geometry.InvalidInputException;
import java.util.Locale;

/** Kinds of memory: places visited and what happened, knowledge from chunks, successful tool uses. */
public enum FragmentType {
    EPISODIC,
    SEMANTIC,
    PROCEDURAL;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or requested name; unknown names are rejected naming {@code field}. */
    public static FragmentType parse(String field, String name) {
        for (FragmentType t : values()) {
            if (t.sqlName().equals(name)) {
                return t;
            }
        }
        throw new InvalidInputException(field, "must be one of episodic, semantic, procedural, is " + name);
    }
}
