package dev.basin.store.internal;

import dev.basin.store.CommitListener;
import dev.basin.store.StoreException;
import dev.basin.store.StoreUnavailableException;
import dev.basin.store.Table;
import dev.basin.store.SharedWork;
import dev.basin.store.Tx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers enqueue write operations and wait; writer threads drain up to {@code maxBatch} queued
 * operations into one transaction (inserts into the same table as one JDBC batch), commit, and only then release
 * each caller. If the shared transaction fails it is rolled back and its halves are retried as transactions of their
 * own, down to single operations, so only the bad one fails and every caller learns its own outcome. Nothing is acknowledged before
 * commit and no failure is dropped. Items of the same {@link SharedWork} that meet in a transaction are run by one call
 * of it, as inserts into the same table become one batch.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** One queued write; completed with its result after commit, or exceptionally. */
    public abstract static class Op {
        final CompletableFuture<Object> done = new CompletableFuture<>();
        final Table<?> table;

        Op(Table<?> table) {
            this.table = table;
        }

        abstract Object run(Handle h, Writer w) throws SQLException;

        abstract String describe();
    }

    /** Insert of rows (canonical values) into one table. */
    public static final class InsertOp extends Op {
        final List<Object[]> rows;

        public InsertOp(Table<?> table, List<Object[]> rows) {
            super(table);
            this.rows = rows;
        }

        @Override
        Object run(Handle h, Writer w) throws SQLException {
            w.insertRows(h.getConnection(), table, rows);
            return null;
        }

        @Override
        String describe() {
            return "insert into " + table.name();
        }
    }

    /** An upsert; result Boolean (inserted). */
    public static final class UpsertOp extends Op {
        final Writer.Prepared prepared;

        public UpsertOp(Table<?> table, Writer.Prepared prepared) {
            super(table);
            this.prepared = prepared;
        }

        @Override
        Object run(Handle h, Writer w) throws SQLException {
            return w.upsert(h.getConnection(), prepared);
        }

        @Override
        String describe() {
            return "upsert into " + table.name();
        }
    }

    /** An update; result Integer (rows affected). */
    public static final class UpdateOp extends Op {
        final Writer.Prepared prepared;

        public UpdateOp(Table<?> table, Writer.Prepared prepared) {
            super(table);
            this.prepared = prepared;
        }

        @Override
        Object run(Handle h, Writer w) throws SQLException {
            return w.update(h.getConnection(), prepared);
        }

        @Override
        String describe() {
            return "update of " + table.name();
        }
    }

    /** A delete; result Integer (rows deleted). */
    public static final class DeleteOp extends Op {
        final Writer.Prepared prepared;

        public DeleteOp(Table<?> table, Writer.Prepared prepared) {
            super(table);
            this.prepared = prepared;
        }

        @Override
        Object run(Handle h, Writer w) throws SQLException {
            return w.delete(h.getConnection(), prepared);
        }

        @Override
        String describe() {
            return "delete from " + table.name();
        }
    }

    /** Runs {@code work} on {@code items} in {@code tx}, checking that it answered every item. */
    public static <I, O> List<O> runShared(SharedWork<I, O> work, Tx tx, List<I> items) {
        List<O> out = work.run(tx, items);
        if (out == null || out.size() != items.size()) {
            throw new IllegalStateException("shared work " + work + " returned " + (out == null ? "null" : out.size() + " results")
                    + " for " + items.size() + " items");
        }
        return out;
    }

    /** One caller's item of a {@link SharedWork}; items of the same work in one transaction run in one call. */
    public static final class SharedOp extends Op {
        final SharedWork<Object, ?> work;
        final Object item;

        @SuppressWarnings("unchecked")
        public <I> SharedOp(SharedWork<I, ?> work, I item) {
            super(null);
            this.work = (SharedWork<Object, ?>) work;
            this.item = item;
        }

        @Override
        Object run(Handle h, Writer w) {
            return runAll(h, w, List.of(item), new ChangeNotices()).get(0);
        }

        List<?> runAll(Handle h, Writer w, List<Object> items, ChangeNotices notices) {
            return runShared(work, new TxImpl(h, w, 0, notices), items);
        }

        @Override
        String describe() {
            return "shared work " + work.getClass().getSimpleName();
        }
    }

    private final Jdbi jdbi;
    private final Writer writer;
    private final int maxBatch;
    private final List<CommitListener> listeners;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong ops = new AtomicLong();
    private volatile boolean closed;

    /** Starts {@code writers} threads; {@code listeners} (a live, thread-safe list) hears of every commit. */
    public GroupCommitter(Jdbi jdbi, Writer writer, int writers, int maxBatch, List<CommitListener> listeners) {
        this.jdbi = jdbi;
        this.listeners = listeners;
        this.writer = writer;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "basin-group-commit-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Enqueues {@code op} and waits until its transaction committed; rethrows its failure. */
    public Object submit(Op op) {
        if (closed) {
            throw new StoreException("store is closed; " + op.describe() + " not attempted");
        }
        queue.add(op);
        if (closed && queue.remove(op)) {
            throw new StoreException("store is closed; " + op.describe() + " not attempted");
        }
        try {
            return op.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the commit of " + op.describe()
                    + "; it may or may not have committed", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new StoreException(op.describe() + " failed", c);
        }
    }

    /** Transactions committed so far. */
    public long commits() {
        return commits.get();
    }

    /** Operations committed so far. */
    public long operations() {
        return ops.get();
    }

    private void loop() {
        List<Op> batch = new ArrayList<>();
        while (true) {
            Op first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                runBatch(batch);
            } catch (Throwable t) {
                // never lose a caller: whatever escaped, fail every op not yet completed
                for (Op op : batch) {
                    op.done.completeExceptionally(t);
                }
                LOG.error("group commit writer failed unexpectedly", t);
            }
        }
    }

    private void runBatch(List<Op> batch) {
        Handle h;
        try {
            h = jdbi.open();
        } catch (RuntimeException e) {
            for (Op op : batch) {
                op.done.completeExceptionally(Errors.translate(e, op.describe()));
            }
            return;
        }
        try (h) {
            // commits and rollbacks go to the connection directly, several per batch when halves are retried
            h.getConfig(Handles.class).setForceEndTransactions(false);
            h.getConnection().setAutoCommit(false);
            runTogether(h, batch);
        } catch (SQLException e) {
            for (Op op : batch) {
                if (!op.done.isDone()) {
                    op.done.completeExceptionally(translate(e, op));
                }
            }
        }
    }

    /**
     * Runs {@code ops} in one transaction. If it fails before commit (definitely not committed), rolls back and
     * retries each half as its own transaction, down to single operations, so that only the bad ones fail and the
     * good ones still share commits. A connection failure during COMMIT leaves the outcome unknown and is reported
     * as such, without retrying.
     */
    private void runTogether(Handle h, List<Op> batch) {
        Connection c = h.getConnection();
        List<Object> results = new ArrayList<>(batch.size());
        boolean committing = false;
        long commitStart = 0;
        try {
            ChangeNotices notices = executeTogether(h, batch, results);
            notices.send(c);
            committing = true;
            commitStart = System.nanoTime();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            if (committing && e instanceof SQLException sql && Errors.isUnavailable(sql)) {
                for (Op op : batch) {
                    op.done.completeExceptionally(Errors.commitFailed(sql, op.describe()));
                }
                return;
            }
            rollbackQuietly(c, e);
            if (connectionLost(c, e)) {
                failAllUnavailable(batch, e);
                return;
            }
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(translate(e, batch.get(0)));
                return;
            }
            int half = batch.size() / 2;
            runTogether(h, new ArrayList<>(batch.subList(0, half)));
            runTogether(h, new ArrayList<>(batch.subList(half, batch.size())));
            return;
        }
        long commitNanos = System.nanoTime() - commitStart;
        commits.incrementAndGet();
        ops.addAndGet(batch.size());
        for (CommitListener l : listeners) {
            l.committed(batch.size(), commitNanos);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done.complete(results.get(i));
        }
    }

    private ChangeNotices executeTogether(Handle h, List<Op> batch, List<Object> results) throws SQLException {
        Connection c = h.getConnection();
        ChangeNotices notices = new ChangeNotices();
        Object[] res = new Object[batch.size()];
        Map<Op, Boolean> handled = new IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Op op = batch.get(i);
            if (handled.containsKey(op)) {
                continue;
            }
            if (op instanceof InsertOp ins) {
                List<Object[]> rows = new ArrayList<>(ins.rows);
                for (int j = i + 1; j < batch.size(); j++) {
                    if (batch.get(j) instanceof InsertOp other && other.table == ins.table) {
                        rows.addAll(other.rows);
                        handled.put(other, Boolean.TRUE);
                    }
                }
                writer.insertRows(c, ins.table, rows);
                notices.wrote(ins.table);
            } else if (op instanceof SharedOp shared) {
                List<Integer> at = new ArrayList<>();
                List<Object> items = new ArrayList<>();
                for (int j = i; j < batch.size(); j++) {
                    if (batch.get(j) instanceof SharedOp other && other.work == shared.work) {
                        at.add(j);
                        items.add(other.item);
                        handled.put(other, Boolean.TRUE);
                    }
                }
                List<?> out = shared.runAll(h, writer, items, notices);
                for (int k = 0; k < at.size(); k++) {
                    res[at.get(k)] = out.get(k);
                }
            } else {
                res[i] = op.run(h, writer);
                notices.wrote(op.table);
            }
        }
        for (Object r : res) {
            results.add(r);
        }
        return notices;
    }

    /**
     * True when the failure is the connection's, not the operations': the database went away (SQLState class 08,
     * admin shutdown) or the pool closed the connection after a fatal error. Retrying the operations on it would only
     * fail them with "Connection is closed", which does not tell the callers the database is unavailable.
     */
    private static boolean connectionLost(Connection c, Exception e) {
        if (e instanceof SQLException sql && Errors.isUnavailable(sql)) {
            return true;
        }
        try {
            return c.isClosed();
        } catch (SQLException closedCheck) {
            return true;
        }
    }

    /** Fails every op of {@code batch} as unavailable (before COMMIT: none of them was committed). */
    private static void failAllUnavailable(List<Op> batch, Exception e) {
        for (Op op : batch) {
            RuntimeException t = translate(e, op);
            if (!(t instanceof StoreUnavailableException)) {
                String state = e instanceof SQLException sql ? sql.getSQLState() : null;
                t = new StoreUnavailableException(op.describe() + " failed: database unavailable: connection lost ("
                        + e.getMessage() + ")", state, e);
            }
            op.done.completeExceptionally(t);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static RuntimeException translate(Exception e, Op op) {
        if (e instanceof SQLException sql) {
            return Errors.translate(sql, op.describe(), op.table == null ? null : op.table.name());
        }
        return (RuntimeException) e;
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Op op;
        while ((op = queue.poll()) != null) {
            op.done.completeExceptionally(new StoreException("store closed before " + op.describe() + " ran"));
        }
    }
}
