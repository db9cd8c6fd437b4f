package dev.basin.store;

/**
 * The database carries an applied migration newer than any this program knows: it was written by a newer Basin.
 * Raised before anything is changed.
 */
public class SchemaTooNewException extends StoreException {
    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(String message) {
        super(message);
    }
}
