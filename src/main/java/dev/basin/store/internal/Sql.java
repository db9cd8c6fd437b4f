package dev.basin.store.internal;

import dev.basin.store.ChangeFeed;
import dev.basin.store.Column;
import dev.basin.store.ColumnType;
import dev.basin.store.Table;
import dev.basin.store.Update;
import dev.basin.store.Upsert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL text for declared tables. Identifiers come only from declarations (checked lower-case SQL identifiers), never
 * from input; every value is a parameter.
 */
public final class Sql {
    private static final Map<Table<?>, String> INSERTS = new ConcurrentHashMap<>();

    private Sql() {}

    /** A statement and the types of its parameters, in order. */
    public record Statement(String text, List<ColumnType> paramTypes, List<Object> fixedParams) {}

    public static String insert(Table<?> t) {
        return INSERTS.computeIfAbsent(t, Sql::buildInsert);
    }

    private static String buildInsert(Table<?> t) {
        return "INSERT INTO " + t.name() + " (" + columnList(t) + ") VALUES (" + placeholders(t) + ")";
    }

    public static String copy(Table<?> t) {
        return "COPY " + t.name() + " (" + columnList(t) + ") FROM STDIN (FORMAT binary)";
    }

    static String columnList(Table<?> t) {
        StringJoiner j = new StringJoiner(", ");
        for (Column<?> c : t.columns()) {
            j.add(c.name());
        }
        return j.toString();
    }

    static String placeholders(Table<?> t) {
        StringJoiner j = new StringJoiner(", ");
        for (Column<?> c : t.columns()) {
            j.add(Values.placeholder(c.type()));
        }
        return j.toString();
    }

    /**
     * {@code INSERT … ON CONFLICT}: parameters are the row's columns followed by {@code fixedParams} (of the
     * assignments), typed by {@code paramTypes} beyond the row. Returns a boolean column {@code inserted} for DO
     * UPDATE; DO NOTHING reports insertion through its update count.
     */
    public static Statement upsert(Table<?> t, Upsert u) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(t.name()).append(" AS t (").append(columnList(t))
                .append(") VALUES (").append(placeholders(t)).append(") ON CONFLICT (");
        StringJoiner cc = new StringJoiner(", ");
        for (String c : u.conflictColumns()) {
            t.column(c);
            cc.add(c);
        }
        sb.append(cc).append(")");
        List<ColumnType> types = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (u.isDoNothing()) {
            sb.append(" DO NOTHING");
            return new Statement(sb.toString(), types, params);
        }
        sb.append(" DO UPDATE SET ");
        StringJoiner sets = new StringJoiner(", ");
        for (Upsert.Assignment a : u.assignments()) {
            Column<?> col = t.column(a.column());
            switch (a) {
                case Upsert.Increment inc -> {
                    sets.add(col.name() + " = t." + col.name() + " + " + Values.placeholder(col.type()));
                    types.add(col.type());
                    params.add(inc.amount());
                }
                case Upsert.SetExcluded ex -> sets.add(ex.column() + " = excluded." + ex.column());
                case Upsert.SetValue v -> {
                    sets.add(col.name() + " = " + Values.placeholder(col.type()));
                    types.add(col.type());
                    params.add(v.value());
                }
                case Upsert.Expression e -> sets.add(col.name() + " = (" + e.sql() + ")");
            }
        }
        stamp(t, sets);
        sb.append(sets).append(" RETURNING (xmax = 0) AS inserted");
        return new Statement(sb.toString(), types, params);
    }

    /** {@code UPDATE}: parameters typed by {@code paramTypes}, values in {@code fixedParams}. */
    public static Statement update(Update u) {
        Table<?> t = u.table();
        if (u.sets().isEmpty()) {
            throw new IllegalArgumentException("update of " + t.name() + " sets no column");
        }
        if (u.wheres().isEmpty() && !u.updatesAll()) {
            throw new IllegalArgumentException("update of " + t.name() + " has no where condition (whereAll() to mean every row)");
        }
        List<ColumnType> types = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        StringBuilder sb = new StringBuilder("UPDATE ").append(t.name()).append(" SET ");
        StringJoiner sets = new StringJoiner(", ");
        for (Update.Assignment a : u.sets()) {
            Column<?> col = t.column(a.column());
            switch (a.kind()) {
                case VALUE -> {
                    sets.add(col.name() + " = " + Values.placeholder(col.type()));
                    types.add(col.type());
                    params.add(a.value());
                }
                case INCREMENT -> {
                    sets.add(col.name() + " = " + col.name() + " + " + Values.placeholder(col.type()));
                    types.add(col.type());
                    params.add(a.value());
                }
                case EXPRESSION -> sets.add(col.name() + " = (" + a.value() + ")");
            }
        }
        stamp(t, sets);
        sb.append(sets);
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        where.setEmptyValue("");
        for (Update.Condition c : u.wheres()) {
            Column<?> col = t.column(c.column());
            switch (c.op()) {
                case EQ -> {
                    where.add(col.name() + " = " + Values.placeholder(col.type()));
                    types.add(col.type());
                    params.add(c.value());
                }
                case NE -> {
                    where.add(col.name() + " <> " + Values.placeholder(col.type()));
                    types.add(col.type());
                    params.add(c.value());
                }
                case IS_NULL -> where.add(col.name() + " IS NULL");
                case IS_NOT_NULL -> where.add(col.name() + " IS NOT NULL");
            }
        }
        sb.append(where);
        return new Statement(sb.toString(), types, params);
    }

    /** Adds the change-feed stamp to the SET list of an update of a table that has a change feed. */
    private static void stamp(Table<?> t, StringJoiner sets) {
        if (t.changeFeed() != null) {
            sets.add(ChangeFeed.STAMP + " = pg_current_xact_id()");
        }
    }
}
