package dev.basin.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh, private PostgreSQL databases for tests, so concurrent test runs (other engineers, other JVMs) never collide.
 *
 * <p>The server is the one named by {@code BASIN_TEST_DB_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, which {@code .ci/run} sets); when unset, one embedded
 * PostgreSQL is started for the whole JVM. Per JVM, one template database {@code basin_tpl_<random>} is migrated with
 * the real migrations once; every fresh database is {@code CREATE DATABASE basin_t_<random> TEMPLATE} it, which takes
 * a few tens of milliseconds. Databases are dropped when their store closes, and whatever is left (including the
 * template) at JVM exit.
 *
 * <pre>{@code
 * class WaypointStoreTest {
 *     static Store store;
 *
 *     @BeforeAll static void open() { store = TestDatabases.freshStore(); }   // migrated, empty, private
 *     @AfterAll  static void close() { store.close(); }                        // drops the database
 * }
 * }</pre>
 *
 * Other entry points: {@link #freshStore(Consumer)} to adjust the configuration (e.g. group commit off),
 * {@link #freshDatabaseUrl()} for a migrated database by URL (CLI tests), {@link #emptyDatabaseUrl()} for an
 * unmigrated one, {@link #drop(String)}.
 */
public final class TestDatabases {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");
    private static final List<String> CREATED = new ArrayList<>();
    private static String server;
    private static EmbeddedPostgres embedded;
    private static String template;

    private TestDatabases() {}

    /** A store on a fresh migrated database of its own; closing the store drops the database. */
    public static synchronized Store freshStore() {
        return freshStore(b -> {});
    }

    /** As {@link #freshStore()}, letting {@code adjust} change the configuration (pool size, group commit, …). */
    public static Store freshStore(Consumer<StoreConfig.Builder> adjust) {
        String url = freshDatabaseUrl();
        StoreConfig.Builder b = StoreConfig.builder().url(url).poolSize(6);
        adjust.accept(b);
        Store store = Store.open(b.build());
        store.onClose(() -> drop(url));
        return store;
    }

    /** URL of a fresh database with the schema migrated; dropped at JVM exit unless {@link #drop}ped earlier. */
    public static synchronized String freshDatabaseUrl() {
        String tpl = template();
        return create("basin_t_", tpl);
    }

    /** URL of a fresh empty database (no migrations applied). */
    public static synchronized String emptyDatabaseUrl() {
        return create("basin_e_", null);
    }

    /** URL of the server's administrative database (the one {@code BASIN_TEST_DB_URL} names). */
    public static synchronized String serverUrl() {
        if (server == null) {
            String env = System.getenv("BASIN_TEST_DB_URL");
            if (env != null && !env.isBlank()) {
                server = env;
            } else {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start an embedded PostgreSQL for tests", e);
                }
                server = embedded.getJdbcUrl("postgres", "postgres");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::cleanUp, "basin-test-databases-cleanup"));
        }
        return server;
    }

    /** The URL of database {@code name} on the test server. */
    public static String urlOf(String name) {
        Matcher m = URL.matcher(serverUrl());
        if (!m.matches()) {
            throw new IllegalStateException("cannot parse BASIN_TEST_DB_URL " + StoreConfig.maskUrl(serverUrl()));
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    /** Drops the database at {@code url} (terminating its connections). */
    public static void drop(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a database URL: " + StoreConfig.maskUrl(url));
        }
        String name = m.group(2);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        synchronized (TestDatabases.class) {
            CREATED.remove(name);
        }
    }

    private static String template() {
        if (template == null) {
            String name = "basin_tpl_" + random();
            admin("CREATE DATABASE " + name);
            CREATED.add(name);
            try (Store s = Store.open(StoreConfig.builder().url(urlOf(name)).poolSize(2).groupCommitWriters(1).build())) {
                // migrated by open
                s.describeTarget();
            }
            template = name;
        }
        return template;
    }

    private static String create(String prefix, String tpl) {
        String name = prefix + random();
        admin("CREATE DATABASE " + name + (tpl == null ? "" : " TEMPLATE " + tpl));
        CREATED.add(name);
        return urlOf(name);
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String random() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void cleanUp() {
        List<String> left;
        synchronized (TestDatabases.class) {
            left = new ArrayList<>(CREATED);
        }
        for (String name : left) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("could not stop the embedded test PostgreSQL: " + e.getMessage());
            }
        }
    }
}
