package dev.basin.api;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/** The stored names of an enum's constants, for request validation and the OpenAPI document. */
final class Enums {
    private Enums() {}

    static <E> Set<String> names(E[] values, Function<E, String> name) {
        Set<String> out = new LinkedHashSet<>();
        for (E e : values) {
            out.add(name.apply(e));
        }
        return out;
    }

    static <E> String[] array(E[] values, Function<E, String> name) {
        return names(values, name).toArray(new String[0]);
    }
}
