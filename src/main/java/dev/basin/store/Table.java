package dev.basin.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table declared once by the feature that owns it: name, owning feature, key, columns, and how a record of type
 * {@code R} maps to a row. The store writes any declared table; no feature writes its own INSERT. A row record states
 * its columns itself ({@link #of(Class, String)}); a table whose columns are computed declares them one by one.
 *
 * <pre>{@code
 * static final Table<WaypointRow> TABLE = Table.of(WaypointRow.class, "ocean_waypoints")
 *     .owner("navigation").key("waypoint_id")
 *     .build();
 * static final Table<KernelRow> KERNELS = Table.<KernelRow>named("kernels")
 *     .owner("kernel").key("kernel_id")
 *     .column("kernel_id", TEXT, KernelRow::kernelId)
 *     .column("phi", DOUBLE, r -> r.state().phi())
 *     .build();
 * }</pre>
 */
public final class Table<R> {
    private final String name;
    private final String owner;
    private final String key;
    private final List<Column<R>> columns;
    private final Map<String, Column<R>> byName;
    private final Map<String, String> constantReasons;
    private final boolean parent;
    private final String changeFeed;

    private Table(Builder<R> b) {
        this.parent = b.parent;
        this.changeFeed = b.changeFeed;
        this.name = b.name;
        this.owner = b.owner;
        this.key = b.key;
        this.columns = List.copyOf(b.columns);
        Map<String, Column<R>> m = new LinkedHashMap<>();
        for (Column<R> c : columns) {
            m.put(c.name(), c);
        }
        this.byName = Collections.unmodifiableMap(m);
        this.constantReasons = Map.copyOf(b.constantReasons);
    }

    /** Starts a declaration of the table {@code name}. */
    public static <R> Builder<R> named(String name) {
        return new Builder<>(name);
    }

    /**
     * Starts a declaration of the table {@code name} whose columns are the components of the row record {@code type},
     * in order: each named in snake case ({@code kappaEff} → {@code kappa_eff}) unless {@link Builder#rename renamed},
     * of the type its Java type is stored as ({@link ColumnType}; an enum by its stored name, a record or map as
     * jsonb), valued by its accessor ({@link Builder#value} computes one otherwise).
     */
    public static <R extends Record> Builder<R> of(Class<R> type, String name) {
        Builder<R> b = new Builder<>(name);
        for (RecordColumns.Component<R> c : RecordColumns.of(type)) {
            b.column(c.column().name(), c.column().type(), c.column().getter());
            b.components.add(c.name());
        }
        return b;
    }

    public String name() {
        return name;
    }

    /** The feature package that owns (and alone writes) this table, e.g. {@code "navigation"}. */
    public String owner() {
        return owner;
    }

    /**
     * True for the parent tables (sessions, kernels, lightning_insights, rag_chunks) that the feature tables hang
     * from; false for the 20 feature tables. The coverage report counts the two kinds separately.
     */
    public boolean isParent() {
        return parent;
    }

    /**
     * The notification channel of this table's change feed, or null when it has none (see
     * {@link Builder#changeFeed(String)}).
     */
    public String changeFeed() {
        return changeFeed;
    }

    /** The primary-key column. */
    public String key() {
        return key;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** The columns' names, comma-separated in declared order: the select list of a read of whole rows. */
    public String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The declared column {@code name}; an unknown name is a programming error. */
    public Column<R> column(String columnName) {
        Column<R> c = byName.get(columnName);
        if (c == null) {
            throw new IllegalArgumentException("table " + name + " declares no column " + columnName);
        }
        return c;
    }

    public boolean hasColumn(String columnName) {
        return byName.containsKey(columnName);
    }

    /**
     * Columns that may legitimately hold one value for all rows of a run, with the reason the coverage report shows
     * (e.g. the coordizer version).
     */
    public Map<String, String> constantReasons() {
        return constantReasons;
    }

    /** The row values of {@code record}, in column order. */
    public Object[] values(R record) {
        Objects.requireNonNull(record, "record");
        Object[] v = new Object[columns.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = columns.get(i).valueOf(record);
        }
        return v;
    }

    @Override
    public String toString() {
        return name + " (owner " + owner + ")";
    }

    /** Fluent declaration; {@link #build()} checks that a key and at least one column are declared. */
    public static final class Builder<R> {
        private final String name;
        private String owner;
        private String key;
        private final List<Column<R>> columns = new ArrayList<>();
        /** For a declaration from a record: the component behind each column, in column order. */
        private final List<String> components = new ArrayList<>();
        private final Map<String, String> constantReasons = new LinkedHashMap<>();
        private boolean parent;
        private String changeFeed;

        private Builder(String name) {
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("table name must be a lower-case SQL identifier: " + name);
            }
            this.name = name;
        }

        public Builder<R> owner(String feature) {
            if (owner != null) {
                throw new IllegalStateException("owner of " + name + " already set to " + owner);
            }
            this.owner = Objects.requireNonNull(feature, "feature");
            return this;
        }

        /** Marks this as a parent table (see {@link Table#isParent()}). */
        public Builder<R> parent() {
            this.parent = true;
            return this;
        }

        /**
         * Gives the table a change feed: every transaction of the write path that writes it stamps the rows it
         * inserts or updates with its transaction id (column {@value ChangeFeed#STAMP}, {@code xid8}, default
         * {@code pg_current_xact_id()}; the store sets it on every UPDATE and upsert) and sends
         * {@code NOTIFY channel, '<table>'} inside the same transaction, so listeners hear of it when, and only if,
         * it commits. {@link ChangeFeed} reads what changed; {@link Store#listen} hears the notifications. Rows of
         * such a table are never deleted (a deletion leaves nothing to read): deactivate them instead.
         */
        public Builder<R> changeFeed(String channel) {
            if (changeFeed != null) {
                throw new IllegalStateException("change feed of " + name + " already set to " + changeFeed);
            }
            if (channel == null || !channel.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("change feed channel of " + name
                        + " must be a lower-case SQL identifier: " + channel);
            }
            this.changeFeed = channel;
            return this;
        }

        public Builder<R> key(String column) {
            if (key != null) {
                throw new IllegalStateException("key of " + name + " already set to " + key);
            }
            this.key = Objects.requireNonNull(column, "column");
            return this;
        }

        public Builder<R> column(String columnName, ColumnType type, Function<? super R, ?> getter) {
            if (hasColumn(columnName)) {
                throw new IllegalStateException("column " + columnName + " declared twice in " + name);
            }
            columns.add(new Column<>(columnName, type, getter));
            return this;
        }

        /** Stores the record component {@code component} in {@code columnName} rather than its snake-case name. */
        public Builder<R> rename(String component, String columnName) {
            int i = components.indexOf(component);
            if (i < 0) {
                throw new IllegalStateException(name + " is declared from no record component " + component);
            }
            Column<R> c = columns.get(i);
            if (hasColumn(columnName)) {
                throw new IllegalStateException("column " + columnName + " declared twice in " + name);
            }
            columns.set(i, new Column<>(columnName, c.type(), c.getter()));
            return this;
        }

        /** Stores {@code getter}'s value in the declared column {@code columnName} instead of its component's. */
        public Builder<R> value(String columnName, Function<? super R, ?> getter) {
            for (int i = 0; i < columns.size(); i++) {
                Column<R> c = columns.get(i);
                if (c.name().equals(columnName)) {
                    columns.set(i, new Column<>(columnName, c.type(), getter));
                    return this;
                }
            }
            throw new IllegalStateException("value of undeclared column " + columnName + " of " + name);
        }

        private boolean hasColumn(String columnName) {
            return columns.stream().anyMatch(c -> c.name().equals(columnName));
        }

        public Builder<R> constantBecause(String columnName, String reason) {
            constantReasons.put(Objects.requireNonNull(columnName), Objects.requireNonNull(reason));
            return this;
        }

        public Table<R> build() {
            if (owner == null) {
                throw new IllegalStateException("table " + name + " needs an owner");
            }
            if (key == null) {
                throw new IllegalStateException("table " + name + " needs a key column");
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("table " + name + " declares no columns");
            }
            if (changeFeed != null && columns.stream().anyMatch(c -> c.name().equals(ChangeFeed.STAMP))) {
                throw new IllegalStateException(ChangeFeed.STAMP + " of " + name + " is set by the database, not declared");
            }
            boolean keyDeclared = columns.stream().anyMatch(c -> c.name().equals(key));
            if (!keyDeclared) {
                throw new IllegalStateException("key " + key + " of " + name + " is not a declared column");
            }
            for (String c : constantReasons.keySet()) {
                if (columns.stream().noneMatch(col -> col.name().equals(c))) {
                    throw new IllegalStateException("constantBecause names undeclared column " + c + " of " + name);
                }
            }
            return new Table<>(this);
        }
    }
}
