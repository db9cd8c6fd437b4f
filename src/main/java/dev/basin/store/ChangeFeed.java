package dev.basin.store;

import dev.basin.store.internal.Errors;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * One reader's position in the change feeds of the tables declared with {@link Table.Builder#changeFeed}: each
 * {@link #read} sees, in one snapshot, every row inserted or updated by a transaction that committed after the
 * previous read's snapshot was taken (every row, the first time). Nothing is missed however long a writing transaction
 * stays open before it commits, and there is no time window to tune.
 *
 * <p>Rule: a read runs in one {@code REPEATABLE READ} transaction whose snapshot S is recorded
 * ({@code pg_current_snapshot()}). The next read, with snapshot S', returns the rows visible in S' whose stamp x (the
 * id of the last transaction that wrote the row, {@value #STAMP}) is not visible in S:
 * {@code x >= xmin(S) AND NOT pg_visible_in_snapshot(x, S)}. Proof that the reader then knows every row as of S':
 * a row's version visible in S' was written last by a transaction X that committed before S' was taken. If X is
 * visible in S, then (snapshots taken later see everything earlier ones saw, and writers of one row are ordered by
 * its row lock) the version visible in S was X's too, and the previous read, by induction, already returned it. If
 * X is not visible in S, the row is returned now, because its stamp is X. Transactions still running when S' is
 * taken are simply not visible in S' and will be returned by a later read, whatever their start time or stamp.
 * The first condition ({@code x >= xmin(S)}) only lets an index on the stamp skip old rows: every x below xmin(S)
 * is visible in S.
 */
public final class ChangeFeed {
    /** The {@code xid8} column, default {@code pg_current_xact_id()}, that stamps a row with its last writer. */
    public static final String STAMP = "changed_xid";

    private final Jdbi jdbi;
    private final String target;
    private String snapshot;

    ChangeFeed(Jdbi jdbi, String target) {
        this.jdbi = jdbi;
        this.target = target;
    }

    /**
     * Runs {@code reads} in one read-only snapshot and, once it returned, moves this position to that snapshot. If it
     * throws, the position stays and the next read returns the same changes again (reads must be idempotent).
     */
    public synchronized <T> T read(Function<Changes, T> reads) {
        Objects.requireNonNull(reads, "reads");
        String taken;
        T result;
        try (Handle h = jdbi.open()) {
            h.begin();
            try {
                h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                taken = h.createQuery("SELECT pg_current_snapshot()::text").mapTo(String.class).one();
                result = reads.apply(new Changes(h, snapshot));
            } catch (RuntimeException e) {
                try {
                    h.rollback();
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            h.rollback();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "reading the change feed of " + target);
        }
        snapshot = taken;
        return result;
    }

    /** The snapshot of the last read ({@code xmin:xmax:xip,…}), or null before the first. */
    public synchronized String position() {
        return snapshot;
    }

    /** What one {@link #read} sees. */
    public static final class Changes {
        private final Handle handle;
        private final String since;

        private Changes(Handle handle, String since) {
            this.handle = handle;
            this.since = since;
        }

        /** True for the first read of a feed, which returns every row. */
        public boolean everything() {
            return since == null;
        }

        /**
         * The rows of {@code table} (which must have a change feed) changed since the previous read, or all rows on
         * the first: {@code SELECT columns FROM table WHERE …}, each mapped by {@code mapper}.
         */
        public <R> List<R> rows(Table<?> table, String columns, RowMapper<R> mapper) {
            if (table.changeFeed() == null) {
                throw new IllegalArgumentException("table " + table.name() + " has no change feed");
            }
            if (since == null) {
                return handle.createQuery("SELECT " + columns + " FROM " + table.name()).map(mapper).list();
            }
            return handle.createQuery("SELECT " + columns + " FROM " + table.name() + " WHERE " + STAMP
                            + " >= pg_snapshot_xmin(CAST(:since AS pg_snapshot)) AND NOT pg_visible_in_snapshot("
                            + STAMP + ", CAST(:since AS pg_snapshot))")
                    .bind("since", since).map(mapper).list();
        }
    }
}
