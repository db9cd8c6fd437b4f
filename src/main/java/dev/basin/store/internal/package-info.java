/**
 * Machinery of the store: SQL text for declared tables, value conversion and binding, the PGCOPY binary encoder,
 * group commit, JDBI mappers, Flyway, the embedded database and error translation. Not an API: features use
 * {@link dev.basin.store.Store} and {@link dev.basin.store.Tx}.
 */
package dev.basin.store.internal;
