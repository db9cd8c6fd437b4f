package dev.basin.store;

/**
 * The database could not be reached (connection refused, lost, pool timeout, server shutting down). Nothing of the
 * failed write was acknowledged; the caller may retry later (the REST API maps this to 503 with Retry-After).
 */
public class StoreUnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
