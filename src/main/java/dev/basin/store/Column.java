package dev.basin.store;

import java.util.Objects;
import java.util.function.Function;

/** One column of a declared table: its name, type, and how a record supplies its value. */
public record Column<R>(String name, ColumnType type, Function<? super R, ?> getter) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(getter, "getter");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be a lower-case SQL identifier: " + name);
        }
    }

    /** The value of this column for {@code record}. */
    public Object valueOf(R record) {
        return getter.apply(record);
    }
}
