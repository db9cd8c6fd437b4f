package dev.basin.store;

import dev.basin.store.internal.Errors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the notifications of one change-feed channel ({@link Table.Builder#changeFeed}) on a connection of its own,
 * outside the pool: {@code LISTEN channel}, then {@link #await} blocks until a notification arrives or the timeout
 * passes. A lost connection is reported by {@code await} and opened again (and listened on) by the next call; the
 * notifications sent in between are lost, so a caller reads its {@link ChangeFeed} after every {@code await}, which
 * finds their changes anyway. Used by one thread; {@link #close()} may be called from any thread and wakes it.
 */
public final class ChangeListener implements AutoCloseable {
    /** Opens a connection outside the pool. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final String channel;
    private final Connector connector;
    private final String target;
    private volatile Connection connection;
    private volatile boolean closed;
    private long connects;

    ChangeListener(String channel, Connector connector, String target) {
        if (channel == null || !channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("channel must be a lower-case SQL identifier: " + channel);
        }
        this.channel = channel;
        this.connector = connector;
        this.target = target;
    }

    /**
     * Opens the connection and listens on the channel unless it already does; returns true if it did so now. The
     * caller should then read its change feed: notifications sent before this moment were not heard.
     *
     * @throws StoreUnavailableException if the connection cannot be opened
     * @throws StoreException if the listener is closed
     */
    public boolean listen() {
        if (closed) {
            throw new StoreException("listener on " + channel + " is closed");
        }
        if (connection != null) {
            return false;
        }
        connect();
        return true;
    }

    /**
     * Waits up to {@code timeout} for notifications on the channel and returns how many arrived (0 when the timeout
     * passed; then the connection is checked with a round trip). Connects and listens first when not connected (see
     * {@link #listen()}).
     *
     * @throws StoreUnavailableException if the connection cannot be opened or was lost (the next call reconnects)
     * @throws StoreException if the listener is closed
     */
    public int await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (closed) {
            throw new StoreException("listener on " + channel + " is closed");
        }
        Connection c = connect();
        try {
            PGNotification[] got = c.unwrap(PGConnection.class)
                    .getNotifications((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            int n = got == null ? 0 : got.length;
            if (n == 0 && !c.isValid(10)) {
                throw new SQLException("the listening connection no longer answers", "08006");
            }
            return n;
        } catch (SQLException e) {
            SQLException closing = drop();
            if (closing != null) {
                e.addSuppressed(closing);
            }
            if (closed) {
                throw new StoreException("listener on " + channel + " is closed");
            }
            throw unavailable(e);
        }
    }

    /** True while the listening connection is open (as far as the last {@link #await} knew). */
    public boolean listening() {
        return connection != null;
    }

    /** How many times the connection was opened (1 after the first {@link #await}; more after losses). */
    public synchronized long connects() {
        return connects;
    }

    /** The backend process id of the listening connection, or 0 when not connected (for operators and tests). */
    public int backendPid() {
        Connection c = connection;
        if (c == null) {
            return 0;
        }
        try {
            return c.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    private synchronized Connection connect() {
        if (connection != null) {
            return connection;
        }
        Connection c = null;
        try {
            c = connector.open();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + channel);
            }
            if (closed) {
                c.close();
                throw new StoreException("listener on " + channel + " is closed");
            }
            connection = c;
            connects++;
            return c;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw unavailable(e);
        }
    }

    private StoreUnavailableException unavailable(SQLException e) {
        StoreException t = Errors.translate(e, "listening on " + channel + " at " + target, null);
        return t instanceof StoreUnavailableException u ? u
                : new StoreUnavailableException("listening on " + channel + " at " + target + " failed: database unavailable ("
                        + e.getMessage() + ")", e.getSQLState(), e);
    }

    /** Forgets the connection and closes it; returns the failure of closing it, if any. */
    private synchronized SQLException drop() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                return e;
            }
        }
        return null;
    }

    /** Closes the connection; a thread blocked in {@link #await} wakes with an exception. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException e) {
                throw new StoreException("closing the listener on " + channel + " failed", e);
            }
        }
    }
}
