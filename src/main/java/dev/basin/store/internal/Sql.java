package dev.basin.store.internal;

import dev.basin.store.ChangeFeed;
import dev.basin.store.Column;
import dev.basin.store.ColumnType;
import dev.basin.store.Delete;
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

    /** {@code DELETE}: parameters typed by {@code paramTypes}, values in {@code fixedParams}. */
    public static Statement delete(Delete d) {
        Table<?> t = d.table();
        if (t.changeFeed() != null) {
            throw new IllegalArgumentException("rows of " + t.name() + " are never deleted: its change feed could not"
                    + " tell readers (deactivate them instead)");
        }
        if (d.wheres().isEmpty() && !d.deletesAll()) {
            throw new IllegalArgumentException("delete from " + t.name() + " has no where condition (whereAll() to mean every row)");
        }
        List<ColumnType> types = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        StringBuilder sb = new StringBuilder("DELETE FROM ").append(t.name());
        where(t, d.wheres(), sb, types, params);
        return new Statement(sb.toString(), types, params);
    }

    /** Appends {@code WHERE c1 … AND c2 …} (nothing without conditions), adding the parameters' types and values. */
    private static void where(Table<?> t, List<Update.Condition> conditions, StringBuilder sb, List<ColumnType> types,
            List<Object> params) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        where.setEmptyValue("");
        for (Update.Condition c : conditions) {
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
                case IN -> {
                    where.add(col.name() + " = ANY(" + Values.placeholder(ColumnType.TEXT_ARRAY) + ")");
                    types.add(ColumnType.TEXT_ARRAY);
                    params.add(c.value());
                }
                case IS_NULL -> where.add(col.name() + " IS NULL");
                case IS_NOT_NULL -> where.add(col.name() + " IS NOT NULL");
            }
        }
        sb.append(where);
    }

    /**
     * One statement for many updates of one shape (same SQL but for the values), each of which picks its rows by at
     * least one equality, no two with the same equality values (so no row is picked twice):
     * {@code UPDATE t SET c = v.v1, … FROM unnest(CAST(? AS type[]), …) AS v(v1, …, w1, …) WHERE t.k = v.w1 AND …}.
     * Its parameters are one text array per per-update value (SQL NULL for a null value), cast to the column's type.
     * Returns null when the updates do not have that form (then they run one by one); the shape was checked by the
     * caller.
     */
    public static SetStatement updateEach(List<Update> updates) {
        Update first = updates.get(0);
        Table<?> t = first.table();
        List<String> columns = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        StringJoiner sets = new StringJoiner(", ");
        for (Update.Assignment a : first.sets()) {
            Column<?> col = t.column(a.column());
            switch (a.kind()) {
                case VALUE, INCREMENT -> {
                    if (!scalar(col.type())) {
                        return null;
                    }
                    String v = "v.v" + (columns.size() + 1);
                    sets.add(col.name() + " = " + (a.kind() == Update.Kind.VALUE ? v : "t." + col.name() + " + " + v));
                    columns.add(col.name());
                    types.add(col.type());
                }
                case EXPRESSION -> sets.add(col.name() + " = (" + a.value() + ")");
            }
        }
        int keys = 0;
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        for (Update.Condition c : first.wheres()) {
            Column<?> col = t.column(c.column());
            switch (c.op()) {
                case EQ -> {
                    if (!scalar(col.type())) {
                        return null;
                    }
                    keys++;
                    where.add("t." + col.name() + " = v.v" + (columns.size() + 1));
                    columns.add(col.name());
                    types.add(col.type());
                }
                case IS_NULL -> where.add("t." + col.name() + " IS NULL");
                case IS_NOT_NULL -> where.add("t." + col.name() + " IS NOT NULL");
                case NE, IN -> {
                    return null;
                }
            }
        }
        if (keys == 0) {
            return null;
        }
        stamp(t, sets);
        StringJoiner arrays = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        for (int i = 0; i < types.size(); i++) {
            arrays.add("CAST(? AS " + types.get(i).sqlType() + "[])");
            names.add("v" + (i + 1));
        }
        String text = "UPDATE " + t.name() + " AS t SET " + sets + " FROM unnest(" + arrays + ") AS v(" + names + ")" + where;
        return new SetStatement(text, types);
    }

    /** A set-based statement whose parameters are one text array per column of {@code types}. */
    public record SetStatement(String text, List<ColumnType> types) {}

    private static boolean scalar(ColumnType type) {
        return switch (type) {
            case TEXT, INTEGER, BIGINT, DOUBLE, BOOLEAN, TIMESTAMPTZ, JSONB -> true;
            case BASIN, PATH, DOUBLE_ARRAY, TEXT_ARRAY -> false;
        };
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
        where(t, u.wheres(), sb, types, params);
        return new Statement(sb.toString(), types, params);
    }

    /** Adds the change-feed stamp to the SET list of an update of a table that has a change feed. */
    private static void stamp(Table<?> t, StringJoiner sets) {
        if (t.changeFeed() != null) {
            sets.add(ChangeFeed.STAMP + " = pg_current_xact_id()");
        }
    }
}
