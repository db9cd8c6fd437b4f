package dev.basin.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What an {@code INSERT … ON CONFLICT} does when the row exists. In expressions, {@code t} is the existing row and
 * {@code excluded} the proposed one.
 *
 * <pre>{@code
 * Upsert.on("document_id").increment("total_queries", 1).set("last_query_at")
 *       .expression("avg_phi_score", "(t.avg_phi_score * t.total_queries + excluded.avg_phi_score) / (t.total_queries + 1)")
 * Upsert.on("content_hash").doNothing()
 * }</pre>
 *
 * Assignments are applied simultaneously (SQL semantics): an expression sees the existing values of {@code t},
 * not the incremented ones. Immutable: each method returns a new spec.
 */
public final class Upsert {
    /** One assignment of the DO UPDATE clause. */
    public sealed interface Assignment permits Increment, SetExcluded, SetValue, Expression {
        String column();
    }

    /** {@code column = t.column + amount}. */
    public record Increment(String column, Number amount) implements Assignment {}

    /** {@code column = excluded.column}. */
    public record SetExcluded(String column) implements Assignment {}

    /** {@code column = value} (bound as a parameter of the column's type). */
    public record SetValue(String column, Object value) implements Assignment {}

    /** {@code column = sql}; {@code sql} is code written by the feature, never input. */
    public record Expression(String column, String sql) implements Assignment {}

    private final List<String> conflictColumns;
    private final List<Assignment> assignments;
    private final boolean doNothing;

    private Upsert(List<String> conflictColumns, List<Assignment> assignments, boolean doNothing) {
        this.conflictColumns = conflictColumns;
        this.assignments = assignments;
        this.doNothing = doNothing;
    }

    /** Conflicts on the unique index or primary key over {@code columns}. */
    public static Upsert on(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("Upsert.on needs at least one conflict column");
        }
        for (String c : columns) {
            Objects.requireNonNull(c, "conflict column");
        }
        return new Upsert(List.of(columns), List.of(), false);
    }

    public Upsert increment(String column, Number amount) {
        Objects.requireNonNull(amount, "amount");
        return with(new Increment(column, amount));
    }

    /** Takes the proposed row's value. */
    public Upsert set(String column) {
        return with(new SetExcluded(column));
    }

    /** Sets a fixed value. */
    public Upsert set(String column, Object value) {
        return with(new SetValue(column, value));
    }

    public Upsert expression(String column, String sql) {
        Objects.requireNonNull(sql, "sql");
        return with(new Expression(column, sql));
    }

    /** ON CONFLICT DO NOTHING: an existing row is left as it is and the upsert reports {@code false}. */
    public Upsert doNothing() {
        if (!assignments.isEmpty()) {
            throw new IllegalStateException("doNothing() conflicts with the assignments already given");
        }
        return new Upsert(conflictColumns, List.of(), true);
    }

    private Upsert with(Assignment a) {
        Objects.requireNonNull(a.column(), "column");
        if (doNothing) {
            throw new IllegalStateException("an upsert that does nothing on conflict cannot also assign " + a.column());
        }
        for (Assignment x : assignments) {
            if (x.column().equals(a.column())) {
                throw new IllegalStateException("column " + a.column() + " assigned twice in one upsert");
            }
        }
        List<Assignment> l = new ArrayList<>(assignments);
        l.add(a);
        return new Upsert(conflictColumns, Collections.unmodifiableList(l), false);
    }

    public List<String> conflictColumns() {
        return conflictColumns;
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    /** True for DO NOTHING (also when no assignment was given). */
    public boolean isDoNothing() {
        return doNothing || assignments.isEmpty();
    }
}
