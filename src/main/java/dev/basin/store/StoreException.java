package dev.basin.store;

import java.sql.SQLException;

/**
 * The one unchecked root of every store failure. Keeps the PostgreSQL SQLState (null when the failure did not come
 * from the database) and the original cause. Messages never contain passwords.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
    }

    public StoreException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public StoreException(String message) {
        this(message, null, null);
    }

    /**
     * The store failure a JDBC failure of {@code what} means: unavailable, constraint violation (by SQLState) or a
     * plain store failure; for code outside the store that reads through a raw connection (e.g. the audit).
     */
    public static StoreException of(SQLException e, String what) {
        return dev.basin.store.internal.Errors.translate(e, what, null);
    }

    /** The five-character SQLState of the database error, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
