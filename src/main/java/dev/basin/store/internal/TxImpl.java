package dev.basin.store.internal;

import dev.basin.store.Delete;
import dev.basin.store.FaultInjector;
import dev.basin.store.Table;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import dev.basin.store.Upsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/** The {@link Tx} of one unit of work: writes on the handle's connection, counting statements for fault injection. */
public final class TxImpl implements Tx {
    private final Handle handle;
    private final Connection conn;
    private final Writer writer;
    private final int failAt;
    private final ChangeNotices notices;
    private int statements;

    public TxImpl(Handle handle, Writer writer, int failAt) {
        this(handle, writer, failAt, new ChangeNotices());
    }

    /** A unit of work whose change-feed notifications go to {@code notices} (shared with other work of the transaction). */
    public TxImpl(Handle handle, Writer writer, int failAt, ChangeNotices notices) {
        this.notices = notices;
        this.handle = handle;
        this.conn = handle.getConnection();
        this.writer = writer;
        this.failAt = failAt;
        if (failAt > 0) {
            handle.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                    beforeStatement();
                }
            });
        }
    }

    /** Queues the change-feed notifications of what this unit wrote; called just before COMMIT. */
    public void sendNotices() throws SQLException {
        notices.send(conn);
    }

    void beforeStatement() {
        statements++;
        if (failAt > 0 && statements == failAt) {
            throw new FaultInjector.InjectedFault(statements);
        }
    }

    @Override
    public <R> void insert(Table<R> table, R row) {
        Object[] v = writer.extract(table, row);
        beforeStatement();
        notices.wrote(table);
        try {
            writer.insertRows(conn, table, List.<Object[]>of(v));
        } catch (SQLException e) {
            throw Errors.translate(e, "insert into " + table.name(), table.name());
        }
    }

    @Override
    public <R> void insertBatch(Table<R> table, List<R> rows) {
        List<Object[]> v = writer.extractAll(table, rows);
        if (v.isEmpty()) {
            return;
        }
        beforeStatement();
        notices.wrote(table);
        try {
            writer.insertRows(conn, table, v);
        } catch (SQLException e) {
            throw Errors.translate(e, "batch insert into " + table.name(), table.name());
        }
    }

    @Override
    public <R> long copy(Table<R> table, Iterable<R> rows) {
        beforeStatement();
        notices.wrote(table);
        Iterator<R> it = rows.iterator();
        Iterator<Object[]> values = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object[] next() {
                return writer.extract(table, it.next());
            }
        };
        try {
            return writer.copyRows(conn, table, values);
        } catch (SQLException e) {
            throw Errors.translate(e, "copy into " + table.name(), table.name());
        }
    }

    @Override
    public <R> boolean upsert(Table<R> table, R row, Upsert spec) {
        Writer.Prepared p = writer.prepareUpsert(table, row, spec);
        beforeStatement();
        notices.wrote(table);
        try {
            return writer.upsert(conn, p);
        } catch (SQLException e) {
            throw Errors.translate(e, "upsert into " + table.name(), table.name());
        }
    }

    @Override
    public int update(Update update) {
        Writer.Prepared p = writer.prepareUpdate(update);
        beforeStatement();
        notices.wrote(update.table());
        try {
            return writer.update(conn, p);
        } catch (SQLException e) {
            throw Errors.translate(e, "update of " + update.table().name(), update.table().name());
        }
    }

    @Override
    public int updateBatch(List<Update> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        Writer.PreparedEach p = writer.prepareEach(updates);
        beforeStatement();
        notices.wrote(updates.get(0).table());
        try {
            return writer.updateEach(conn, p);
        } catch (SQLException e) {
            String table = updates.get(0).table().name();
            throw Errors.translate(e, "batch update of " + table, table);
        }
    }

    @Override
    public int delete(Delete delete) {
        Writer.Prepared p = writer.prepareDelete(delete);
        beforeStatement();
        notices.wrote(delete.table());
        try {
            return writer.delete(conn, p);
        } catch (SQLException e) {
            throw Errors.translate(e, "delete from " + delete.table().name(), delete.table().name());
        }
    }

    @Override
    public void lock(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("lock key must not be blank");
        }
        beforeStatement();
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, key);
            ps.execute();
        } catch (SQLException e) {
            throw Errors.translate(e, "locking " + key, null);
        }
    }

    @Override
    public Handle handle() {
        return handle;
    }
}
