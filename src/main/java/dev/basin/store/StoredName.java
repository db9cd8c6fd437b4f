package dev.basin.store;

import dev.basin.geometry.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum kept in a text column, spelled as Basin stores it: the constant's name in lower case ({@code PRE_SLEEP} →
 * {@code pre_sleep}). The one spelling and the one parser for every such enum, so an unknown name is rejected the same
 * way everywhere, naming the field and the names it may take.
 */
public interface StoredName {
    /** The constant's name (an enum provides it). */
    String name();

    /** The stored name. */
    default String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} stored as {@code value}; anything else is invalid input naming {@code field}. */
    static <E extends Enum<E> & StoredName> E parse(Class<E> type, String field, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.sqlName().equals(value)) {
                return e;
            }
        }
        throw new InvalidInputException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(StoredName::sqlName).collect(Collectors.joining(", ")) + ", is " + value);
    }
}
