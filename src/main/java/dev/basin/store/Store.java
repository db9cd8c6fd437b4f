package dev.basin.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.basin.store.internal.EmbeddedDatabase;
import dev.basin.store.internal.Errors;
import dev.basin.store.internal.GroupCommitter;
import dev.basin.store.internal.Mappers;
import dev.basin.store.internal.Migrations;
import dev.basin.store.internal.TxImpl;
import dev.basin.store.internal.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write and read path to PostgreSQL. Opened once per process ({@link #open}), shared by every feature,
 * closed at exit.
 *
 * <p>Guarantees: every write method returns only after the transaction holding it committed (durable:
 * {@code synchronous_commit} stays on); a failure is thrown to the caller as a {@link StoreException}, never dropped.
 * Single writes ({@link #insert}, {@link #insertBatch}, {@link #upsert}, {@link #update}, {@link #delete}) from concurrent callers share
 * commits (group commit); when a shared transaction fails, its halves are retried as transactions of their own
 * (down to single operations) so that only the bad one fails. A connection lost during COMMIT is reported as
 * {@link CommitOutcomeUnknownException}: the write may or may not be stored. {@link #inTransaction} runs a unit of
 * work across tables on the caller's thread in one transaction; {@link #inSharedTransaction} runs one caller's part
 * of a {@link SharedWork} in a transaction shared with other callers.
 *
 * <p>Reads go through {@link #jdbi()}, which maps {@code double precision[]} to {@code Basin}, 2-D arrays to
 * {@code List<Basin>}, {@code jsonb} to {@code JsonNode}, {@code timestamptz} to {@code Instant}.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Oldest PostgreSQL accepted for an external database. */
    public static final int MIN_SERVER_VERSION_NUM = 140000;

    private final StoreConfig config;
    private final EmbeddedDatabase embedded;
    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Writer writer;
    private final GroupCommitter committer;
    private final FaultInjector faults = new FaultInjector();
    private final Map<String, Table<?>> catalog = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Runnable> onClose = Collections.synchronizedList(new ArrayList<>());
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Store(StoreConfig config, EmbeddedDatabase embedded, HikariDataSource dataSource) {
        this.config = config;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbcUrl = embedded != null ? embedded.jdbcUrl() : config.url();
        this.json = newObjectMapper();
        this.jdbi = Jdbi.create(dataSource);
        Mappers.install(jdbi, json);
        this.writer = new Writer(json, config.copyThreshold());
        this.committer = config.groupCommit()
                ? new GroupCommitter(jdbi, writer, config.groupCommitWriters(), config.groupCommitMaxBatch(), commitListeners)
                : null;
    }

    /**
     * Opens the store: starts the embedded PostgreSQL (locking its data directory) or connects to the external one,
     * checks the server is PostgreSQL 14+, refuses a schema newer than this program, and applies pending migrations.
     *
     * @throws StoreUnavailableException if the database cannot be reached
     * @throws SchemaTooNewException if the database was migrated by a newer Basin (nothing is changed)
     * @throws StoreException for any other failure (data directory in use, server too old, migration failed)
     */
    public static Store open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        EmbeddedDatabase embedded = null;
        HikariDataSource ds = null;
        try {
            String url;
            String user = config.user();
            String password = config.password();
            if (config.isEmbedded()) {
                embedded = EmbeddedDatabase.start(config.dataDir());
                url = embedded.jdbcUrl();
                if (user == null) {
                    user = "postgres";
                }
            } else {
                url = config.url();
            }
            ds = dataSource(config, url, user, password);
            checkServer(ds, config);
            int applied = Migrations.run(ds, config);
            if (applied > 0) {
                LOG.info("applied {} migration(s) to {}", applied, config.describeTarget());
            }
            return new Store(config, embedded, ds);
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw translateOpen(e, config);
        }
    }

    private static HikariDataSource dataSource(StoreConfig config, String url, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("basin");
        hc.setJdbcUrl(url);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setInitializationFailTimeout(1);
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        hc.addDataSourceProperty("ApplicationName", "basin");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(hc);
    }

    private static void checkServer(DataSource ds, StoreConfig config) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            int num = rs.getInt(1);
            if (num < MIN_SERVER_VERSION_NUM) {
                throw new StoreException("PostgreSQL " + rs.getString(2) + " at " + config.describeTarget()
                        + " is too old: Basin needs PostgreSQL 14 or newer");
            }
        } catch (SQLException e) {
            throw Errors.translate(e, "connecting to " + config.describeTarget(), null);
        }
    }

    private static RuntimeException translateOpen(RuntimeException e, StoreConfig config) {
        if (e instanceof StoreException) {
            return e;
        }
        if (e instanceof HikariPool.PoolInitializationException && e.getCause() instanceof SQLException sql) {
            StoreException t = Errors.translate(sql, "connecting to " + config.describeTarget(), null);
            return t instanceof StoreUnavailableException ? t
                    : new StoreUnavailableException(t.getMessage(), t.sqlState(), sql);
        }
        return new StoreException("opening the store at " + config.describeTarget() + " failed: " + e.getMessage(), e);
    }

    /** The one Jackson mapper: java.time support, ISO-8601 dates, unknown properties rejected. */
    public static ObjectMapper newObjectMapper() {
        ObjectMapper m = new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    /** JDBI for reads (and for the rare statement the write API does not cover, inside {@link Tx#handle()}). */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The one Jackson mapper, also used to write JSONB columns. */
    public ObjectMapper json() {
        return json;
    }

    /** The pooled data source (for the audit, benchmarks and tests). */
    public DataSource dataSource() {
        return dataSource;
    }

    public StoreConfig config() {
        return config;
    }

    /** Where the store lives, printable (password masked). */
    public String describeTarget() {
        return config.describeTarget();
    }

    /** Adds tables to the catalog the coverage report reads (owners, parent flag, constant reasons). */
    public void register(Table<?>... tables) {
        for (Table<?> t : tables) {
            Table<?> prev = catalog.putIfAbsent(t.name(), t);
            if (prev != null && prev != t) {
                throw new IllegalStateException("table " + t.name() + " registered twice (" + prev.owner() + ", "
                        + t.owner() + ")");
            }
        }
    }

    /** The registered tables, in registration order. */
    public Collection<Table<?>> tables() {
        synchronized (catalog) {
            return List.copyOf(catalog.values());
        }
    }

    /** Inserts one row; returns after commit. */
    public <R> void insert(Table<R> table, R row) {
        Object[] v = writer.extract(table, row);
        if (useDirect()) {
            useTransaction(tx -> tx.insert(table, row));
            return;
        }
        committer.submit(new GroupCommitter.InsertOp(table, List.<Object[]>of(v)));
    }

    /** Inserts the rows in one transaction (a JDBC batch, or binary COPY for large batches); returns after commit. */
    public <R> void insertBatch(Table<R> table, List<R> rows) {
        List<Object[]> v = writer.extractAll(table, rows);
        if (v.isEmpty()) {
            return;
        }
        if (useDirect()) {
            useTransaction(tx -> tx.insertBatch(table, rows));
            return;
        }
        committer.submit(new GroupCommitter.InsertOp(table, v));
    }

    /**
     * Streams the rows by binary COPY in one transaction of its own (not shared); returns the number of rows, after
     * commit. For bulk streams such as waypoints.
     */
    public <R> long copy(Table<R> table, Iterable<R> rows) {
        return inTransaction(tx -> tx.copy(table, rows));
    }

    /** INSERT … ON CONFLICT; true if the row was inserted. Returns after commit. */
    public <R> boolean upsert(Table<R> table, R row, Upsert spec) {
        Writer.Prepared p = writer.prepareUpsert(table, row, spec);
        if (useDirect()) {
            return inTransaction(tx -> tx.upsert(table, row, spec));
        }
        return (Boolean) committer.submit(new GroupCommitter.UpsertOp(table, p));
    }

    /** UPDATE; returns the number of rows changed, after commit. */
    public int update(Update update) {
        Writer.Prepared p = writer.prepareUpdate(update);
        if (useDirect()) {
            return inTransaction(tx -> tx.update(update));
        }
        return (Integer) committer.submit(new GroupCommitter.UpdateOp(update.table(), p));
    }

    /** DELETE; returns the number of rows deleted, after commit. */
    public int delete(Delete delete) {
        Writer.Prepared p = writer.prepareDelete(delete);
        if (useDirect()) {
            return inTransaction(tx -> tx.delete(delete));
        }
        return (Integer) committer.submit(new GroupCommitter.DeleteOp(delete.table(), p));
    }

    private boolean useDirect() {
        ensureOpen();
        return committer == null || faults.armed();
    }

    /**
     * Runs {@code work} in one transaction on the calling thread and commits before returning its result. If
     * {@code work} throws, the transaction is rolled back and the exception rethrown (JDBI failures as
     * {@link StoreException}); nothing of it remains.
     */
    public <T> T inTransaction(Function<Tx, T> work) {
        ensureOpen();
        int failAt = faults.takeForUnit();
        Handle h;
        try {
            h = jdbi.open();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "opening a transaction on " + describeTarget());
        }
        try (h) {
            h.begin();
            T result;
            try {
                TxImpl tx = new TxImpl(h, writer, failAt);
                result = work.apply(tx);
                tx.sendNotices();
            } catch (SQLException e) {
                try {
                    h.rollback();
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw Errors.translate(e, "unit of work", null);
            } catch (RuntimeException | Error e) {
                try {
                    h.rollback();
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            long commitStart = System.nanoTime();
            try {
                h.getConnection().commit();
            } catch (SQLException e) {
                throw Errors.commitFailed(e, "unit of work");
            }
            h.commit();
            long commitNanos = System.nanoTime() - commitStart;
            for (CommitListener l : commitListeners) {
                l.committed(1, commitNanos);
            }
            return result;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "unit of work");
        }
    }

    /** As {@link #inTransaction}, for work without a result. */
    public void useTransaction(Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Hands {@code item} to {@code work}, run in a transaction shared with other callers' writes (group commit), and
     * returns its result after that transaction committed. For many small concurrent writes that need more than an
     * insert (one waypoint appended per request: lock, number, depart the previous, insert), where a transaction of
     * their own would make each wait for its own flush. Items of the same {@code work} (the same instance) that meet
     * in a transaction are given to one call of it; see {@link SharedWork} for what it must respect.
     */
    public <I, O> O inSharedTransaction(SharedWork<I, O> work, I item) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(item, "item");
        if (useDirect()) {
            return inTransaction(tx -> GroupCommitter.runShared(work, tx, List.of(item)).get(0));
        }
        @SuppressWarnings("unchecked")
        O result = (O) committer.submit(new GroupCommitter.SharedOp(work, item));
        return result;
    }

    /**
     * A new reader of the change feeds (tables declared with {@link Table.Builder#changeFeed}), positioned before
     * everything: its first read returns every row.
     */
    public ChangeFeed changeFeed() {
        ensureOpen();
        return new ChangeFeed(jdbi, describeTarget());
    }

    /**
     * A listener for the notifications of change-feed {@code channel}, on a connection of its own outside the pool
     * (opened by its first {@link ChangeListener#await}); the caller closes it.
     */
    public ChangeListener listen(String channel) {
        ensureOpen();
        return new ChangeListener(channel, this::openUnpooled, describeTarget());
    }

    private Connection openUnpooled() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        String user = config.user() != null ? config.user() : embedded != null ? "postgres" : null;
        if (user != null) {
            p.setProperty("user", user);
        }
        if (config.password() != null) {
            p.setProperty("password", config.password());
        }
        p.setProperty("ApplicationName", "basin-listen");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + describeTarget(), "08001");
        }
        return c;
    }

    /** Adds a listener told of every commit of the write path (group commits and units of work of their own). */
    public void addCommitListener(CommitListener listener) {
        commitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeCommitListener(CommitListener listener) {
        commitListeners.remove(listener);
    }

    /** The fault injection hook for tests. */
    public FaultInjector faults() {
        return faults;
    }

    /** Transactions and operations committed by group commit so far. */
    public WriteStats writeStats() {
        return committer == null ? new WriteStats(0, 0) : new WriteStats(committer.commits(), committer.operations());
    }

    /** Group commit counters. */
    public record WriteStats(long commits, long operations) {}

    /** Runs {@code action} when the store closes, after the pool and database stop (used by test support). */
    public void onClose(Runnable action) {
        onClose.add(Objects.requireNonNull(action));
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("store at " + describeTarget() + " is closed");
        }
    }

    /** Waits for queued writes, closes the pool and stops the embedded database. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (committer != null) {
                committer.close();
            }
        } finally {
            try {
                dataSource.close();
            } finally {
                try {
                    if (embedded != null) {
                        embedded.close();
                    }
                } finally {
                    List<Runnable> actions;
                    synchronized (onClose) {
                        actions = List.copyOf(onClose);
                    }
                    for (Runnable r : actions) {
                        r.run();
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Store{" + describeTarget() + "}";
    }
}
