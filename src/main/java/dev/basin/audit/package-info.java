/**
 * Coverage report and database audit: per table row count, owner and newest write; per column NULL fraction,
 * distinct values and the flags {@code EMPTY_TABLE}, {@code ALL_NULL}, {@code CONSTANT}. Works on any PostgreSQL
 * schema inside a read-only transaction ({@link dev.basin.audit.DatabaseAuditor}).
 *
 * <p>May import: {@code store} (and {@code store.internal} for error translation), {@code geometry} for input errors,
 * Jackson. Never a feature package: owners come from the table catalog registered with the store.
 */
package dev.basin.audit;
