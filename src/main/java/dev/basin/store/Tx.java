package dev.basin.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A unit of work in progress: one PostgreSQL transaction spanning any tables, committed by
 * {@link Store#inTransaction} after the work returns, rolled back if it throws. Writes here do not commit on their
 * own. Do not keep a {@code Tx} beyond the lambda it was given to.
 */
public interface Tx {
    <R> void insert(Table<R> table, R row);

    <R> void insertBatch(Table<R> table, List<R> rows);

    /** Binary COPY of {@code rows} inside this transaction; returns the number of rows copied. */
    <R> long copy(Table<R> table, Iterable<R> rows);

    /** Returns true if the row was inserted, false if an existing row was updated or left alone. */
    <R> boolean upsert(Table<R> table, R row, Upsert spec);

    /** Returns the number of rows updated. */
    int update(Update update);

    /**
     * Runs updates of one shape (the same SQL but for the values) in one round trip and returns the number of rows
     * they changed. When each picks its rows by an equality of scalar columns and no two pick the same values, they
     * run as one set-based statement ({@code UPDATE … FROM unnest(…)}) planned for its actual values every time, so
     * that it keeps using the key's index however the table grew since the connection last planned it; otherwise as
     * a JDBC batch of the single statement.
     *
     * @throws IllegalArgumentException if the updates do not share one shape
     */
    int updateBatch(List<Update> updates);

    /** Returns the number of rows deleted. */
    int delete(Delete delete);

    /**
     * Takes the transaction-scoped advisory lock named {@code key} ({@code pg_advisory_xact_lock} on a 64-bit hash of
     * it), waiting while another transaction, in any process, holds it; released when this transaction ends. For
     * units of work that decide on the absence of rows (a merge that must see every row it could merge with, a
     * "next number" that must not be taken twice) where row locks cannot help: there is no row yet to lock. Keys are
     * text chosen by code, e.g. {@code "geometric_barriers merge instability krn_…"}; two keys that hash alike only
     * serialise more than needed.
     */
    void lock(String key);

    /**
     * The JDBI handle on this transaction's connection, for reads (including {@code SELECT … FOR UPDATE}) that must
     * see this transaction's writes. Do not begin, commit or close it.
     */
    Handle handle();
}
