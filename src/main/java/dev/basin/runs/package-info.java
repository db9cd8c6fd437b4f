/**
 * The record of runs: every {@code basin run} and every server start is a session, one {@code sessions} row (seed,
 * configuration, status, start and end), the parent of the kernels that live in it. Owns {@code sessions}.
 *
 * <p>May import {@code geometry} and {@code store} only; {@code kernel} and the layers above import it.
 */
package dev.basin.runs;
