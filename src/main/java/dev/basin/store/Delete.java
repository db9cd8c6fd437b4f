package dev.basin.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@code DELETE} from a declared table: equality, set-membership and null conditions joined by AND, with the same
 * rules as {@link Update}'s WHERE (column names checked against the declaration, values bound as parameters of the
 * column's declared type).
 *
 * <pre>{@code
 * Delete.from(KernelTables.CHECKPOINTS).where("kernel_id", kernelId).whereIn("checkpoint_id", ids)
 * }</pre>
 *
 * A delete without a condition is refused (use {@link #whereAll()} to mean it). Immutable.
 */
public final class Delete {
    private final Table<?> table;
    private final List<Update.Condition> wheres;
    private final boolean all;

    private Delete(Table<?> table, List<Update.Condition> wheres, boolean all) {
        this.table = table;
        this.wheres = wheres;
        this.all = all;
    }

    public static Delete from(Table<?> table) {
        return new Delete(Objects.requireNonNull(table, "table"), List.of(), false);
    }

    /** {@code AND column = value}. */
    public Delete where(String column, Object value) {
        Objects.requireNonNull(value, "where value (use whereNull for IS NULL)");
        return with(new Update.Condition(column, Update.Op.EQ, value));
    }

    /** {@code AND column <> value}. */
    public Delete whereNot(String column, Object value) {
        Objects.requireNonNull(value, "whereNot value");
        return with(new Update.Condition(column, Update.Op.NE, value));
    }

    /** {@code AND column = ANY(values)} for a text column; an empty collection matches no row. */
    public Delete whereIn(String column, Collection<String> values) {
        return with(Update.Condition.in(table, column, values));
    }

    public Delete whereNull(String column) {
        return with(new Update.Condition(column, Update.Op.IS_NULL, null));
    }

    public Delete whereNotNull(String column) {
        return with(new Update.Condition(column, Update.Op.IS_NOT_NULL, null));
    }

    /** Explicitly deletes every row. */
    public Delete whereAll() {
        return new Delete(table, wheres, true);
    }

    private Delete with(Update.Condition c) {
        table.column(c.column());
        List<Update.Condition> l = new ArrayList<>(wheres);
        l.add(c);
        return new Delete(table, Collections.unmodifiableList(l), all);
    }

    public Table<?> table() {
        return table;
    }

    public List<Update.Condition> wheres() {
        return wheres;
    }

    public boolean deletesAll() {
        return all;
    }

    @Override
    public String toString() {
        return "Delete{" + table.name() + " where " + wheres.stream().map(Update.Condition::column).toList() + "}";
    }
}
