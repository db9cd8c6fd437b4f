package dev.basin.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An {@code UPDATE} of a declared table: {@code SET} assignments and equality {@code WHERE} conditions joined by AND.
 * Values are always bound as parameters of the column's declared type; column names are checked against the
 * declaration when added.
 *
 * <pre>{@code
 * Update.of(BarrierTable.TABLE).increment("crossings_prevented", 1).where("barrier_id", id)
 * }</pre>
 *
 * An update without a WHERE condition is refused (use {@link #whereAll()} to mean it). Immutable.
 */
public final class Update {
    /** A SET assignment: {@code column = value}, {@code column = column + amount}, or {@code column = sql}. */
    public record Assignment(String column, Kind kind, Object value) {}

    /**
     * A WHERE condition: {@code column = value}, {@code column <> value}, {@code column = ANY(values)} (value: the
     * {@code List<String>} of a text column), {@code column IS NULL} or {@code IS NOT NULL}.
     */
    public record Condition(String column, Op op, Object value) {
        /** {@code column = ANY(values)}; only text columns (the ids) take a set of values. */
        static Condition in(Table<?> table, String column, Collection<String> values) {
            Objects.requireNonNull(values, "whereIn values");
            if (table.column(column).type() != ColumnType.TEXT) {
                throw new IllegalArgumentException("whereIn takes text columns; " + table.name() + "." + column + " is "
                        + table.column(column).type());
            }
            for (String v : values) {
                Objects.requireNonNull(v, "whereIn value of " + table.name() + "." + column);
            }
            return new Condition(column, Op.IN, List.copyOf(values));
        }
    }

    public enum Kind { VALUE, INCREMENT, EXPRESSION }

    public enum Op { EQ, NE, IS_NULL, IS_NOT_NULL, IN }

    private final Table<?> table;
    private final List<Assignment> sets;
    private final List<Condition> wheres;
    private final boolean all;

    private Update(Table<?> table, List<Assignment> sets, List<Condition> wheres, boolean all) {
        this.table = table;
        this.sets = sets;
        this.wheres = wheres;
        this.all = all;
    }

    public static Update of(Table<?> table) {
        return new Update(Objects.requireNonNull(table, "table"), List.of(), List.of(), false);
    }

    /** {@code column = value}; {@code value} may be null for a nullable column. */
    public Update set(String column, Object value) {
        return withSet(new Assignment(column, Kind.VALUE, value));
    }

    /** {@code column = column + amount}, atomic in the database. */
    public Update increment(String column, Number amount) {
        return withSet(new Assignment(column, Kind.INCREMENT, Objects.requireNonNull(amount, "amount")));
    }

    /** {@code column = sql} over the row's columns (e.g. {@code "times_succeeded::float8 / times_used"}). */
    public Update expression(String column, String sql) {
        return withSet(new Assignment(column, Kind.EXPRESSION, Objects.requireNonNull(sql, "sql")));
    }

    /** {@code AND column = value}. */
    public Update where(String column, Object value) {
        Objects.requireNonNull(value, "where value (use whereNull for IS NULL)");
        return withWhere(new Condition(column, Op.EQ, value));
    }

    /** {@code AND column <> value}. */
    public Update whereNot(String column, Object value) {
        Objects.requireNonNull(value, "whereNot value");
        return withWhere(new Condition(column, Op.NE, value));
    }

    /** {@code AND column = ANY(values)} for a text column; an empty collection matches no row. */
    public Update whereIn(String column, Collection<String> values) {
        return withWhere(Condition.in(table, column, values));
    }

    public Update whereNull(String column) {
        return withWhere(new Condition(column, Op.IS_NULL, null));
    }

    public Update whereNotNull(String column) {
        return withWhere(new Condition(column, Op.IS_NOT_NULL, null));
    }

    /** Explicitly updates every row. */
    public Update whereAll() {
        return new Update(table, sets, wheres, true);
    }

    private Update withSet(Assignment a) {
        table.column(a.column());
        for (Assignment x : sets) {
            if (x.column().equals(a.column())) {
                throw new IllegalStateException("column " + a.column() + " of " + table.name() + " set twice");
            }
        }
        List<Assignment> l = new ArrayList<>(sets);
        l.add(a);
        return new Update(table, Collections.unmodifiableList(l), wheres, all);
    }

    private Update withWhere(Condition c) {
        table.column(c.column());
        List<Condition> l = new ArrayList<>(wheres);
        l.add(c);
        return new Update(table, sets, Collections.unmodifiableList(l), all);
    }

    public Table<?> table() {
        return table;
    }

    public List<Assignment> sets() {
        return sets;
    }

    public List<Condition> wheres() {
        return wheres;
    }

    public boolean updatesAll() {
        return all;
    }

    @Override
    public String toString() {
        return "Update{" + table.name() + " set " + sets.stream().map(Assignment::column).toList() + " where "
                + wheres.stream().map(Condition::column).toList() + "}";
    }
}
