package dev.basin.store;

import java.util.List;

/**
 * Work the write path runs for many callers at once, inside the one transaction they share (group commit): each
 * caller hands one item to {@link Store#inSharedTransaction}, and the items that meet in a transaction are given to
 * one call of {@link #run}, so that a few set-based statements serve them all.
 *
 * <p>{@code run} may be called more than once for the same item: when the shared transaction fails it is rolled back
 * and its halves are retried, down to single items. It must therefore act only through {@code tx}. An item that
 * cannot be done without failing the others should get a result that says so rather than an exception; an exception
 * fails the whole call, which is then retried in halves until it fails alone.
 *
 * @param <I> what one caller asks for
 * @param <O> what that caller gets back, after commit
 */
@FunctionalInterface
public interface SharedWork<I, O> {
    /** Does the work of {@code items} (in arrival order) and returns one result per item, in the same order. */
    List<O> run(Tx tx, List<I> items);
}
