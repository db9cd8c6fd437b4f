package dev.basin.store;

/**
 * Told of every transaction the store's write path committed: how many write operations it held (group commit batch
 * size; 1 for a unit of work of its own) and how long the COMMIT took (the durable flush). Called on the committing
 * thread after the commit and before its callers are released; must be quick and must not throw.
 */
@FunctionalInterface
public interface CommitListener {
    void committed(int operations, long commitNanos);
}
