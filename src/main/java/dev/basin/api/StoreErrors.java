package dev.basin.api;

import dev.basin.store.CommitOutcomeUnknownException;
import dev.basin.store.ConstraintViolationException;
import dev.basin.store.StoreException;
import dev.basin.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;

/**
 * What a store failure means to an HTTP caller, by type or SQLState found anywhere in the cause chain: a commit whose
 * outcome is unknown → 503 {@code commit-outcome-unknown} (check before retrying); class 08 (connection),
 * 57P0x (server shutting down), 53300 (too many connections), a pool timeout, 40001/40P01 (retryable) and 57014
 * (statement timeout) → 503 with {@code Retry-After}; 23505 → 409; 23503 → 404; 23514/23502 → 422.
 */
final class StoreErrors {
    private StoreErrors() {}

    /** The problem for {@code failure}, or {@code null} when it is not a store failure. */
    static ApiProblem map(Throwable failure, Duration retryAfter) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommitOutcomeUnknownException) {
                return new ApiProblem(503, "commit-outcome-unknown", "Commit outcome unknown", null,
                        "the connection failed while committing: the write may or may not be stored; check before retrying",
                        Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
            }
            if (t instanceof StoreUnavailableException || t instanceof SQLTransientConnectionException) {
                return unavailable(retryAfter);
            }
            String state = sqlState(t);
            if (state == null) {
                continue;
            }
            if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                return unavailable(retryAfter);
            }
            if (state.equals("40001") || state.equals("40P01") || state.equals("57014")) {
                return new ApiProblem(503, "retry", "Try again", null, "the database could not finish the request in time; retry",
                        Map.of("Retry-After", "1"));
            }
            switch (state) {
                case "23505":
                    return ApiProblem.conflict(column(t, "id"), "conflicts with a stored row (already exists)");
                case "23503":
                    return ApiProblem.notFound(column(t, "id"), "refers to a row that does not exist");
                case "23514", "23502":
                    return ApiProblem.invalid(column(t, "body"), "breaks a constraint of the stored table");
                default:
                    break;
            }
        }
        return null;
    }

    static ApiProblem unavailable(Duration retryAfter) {
        return new ApiProblem(503, "database-unavailable", "Database unavailable", null,
                "the database is unreachable; retry after " + retryAfter.toSeconds() + " s",
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }

    private static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return t instanceof StoreException se ? se.sqlState() : null;
    }

    private static String column(Throwable t, String fallback) {
        if (t instanceof ConstraintViolationException cv) {
            return cv.column() != null ? cv.column() : cv.constraint() != null ? cv.constraint() : fallback;
        }
        return fallback;
    }
}
