package dev.basin.store.internal;

import dev.basin.store.CommitOutcomeUnknownException;
import dev.basin.store.ConstraintViolationException;
import dev.basin.store.StoreException;
import dev.basin.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns JDBC and JDBI failures into the store's exceptions, keeping SQLState and cause. */
public final class Errors {
    private Errors() {}

    /** The store exception for {@code e}, raised while doing {@code what} (e.g. "insert into kernels"). */
    public static StoreException translate(SQLException e, String what, String table) {
        String state = e.getSQLState();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (isUnavailable(e)) {
            return new StoreUnavailableException(what + " failed: database unavailable: " + firstLine(msg), state, e);
        }
        if (state != null && state.startsWith("23")) {
            String constraint = null;
            String column = null;
            String tbl = table;
            if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
                ServerErrorMessage m = p.getServerErrorMessage();
                constraint = m.getConstraint();
                column = m.getColumn();
                if (m.getTable() != null) {
                    tbl = m.getTable();
                }
                msg = m.getMessage() + (m.getDetail() != null ? " (" + m.getDetail() + ")" : "");
            }
            return new ConstraintViolationException(what + " violates "
                    + (constraint != null ? "constraint " + constraint : "a constraint") + ": " + firstLine(msg),
                    state, tbl, constraint, column, e);
        }
        return new StoreException(what + " failed: " + firstLine(msg), state, e);
    }

    /** A failure of COMMIT itself: the outcome is unknown unless the server reported a definite error. */
    public static StoreException commitFailed(SQLException e, String what) {
        if (isUnavailable(e)) {
            return new CommitOutcomeUnknownException("commit of " + what + " failed with the connection: it may or may "
                    + "not have been committed: " + firstLine(String.valueOf(e.getMessage())), e.getSQLState(), e);
        }
        return translate(e, "commit of " + what, null);
    }

    /** Unwraps a JDBI failure caused by SQL into a store exception; other runtime exceptions are returned as is. */
    public static RuntimeException translate(RuntimeException e, String what) {
        if (e instanceof StoreException) {
            return e;
        }
        if (e instanceof JdbiException && e.getCause() instanceof SQLException sql) {
            return translate(sql, what, null);
        }
        return e;
    }

    /** True for connection failures, server shutdown and pool timeouts. */
    public static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        String s = e.getSQLState();
        return s != null && (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
