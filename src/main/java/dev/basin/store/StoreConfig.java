package dev.basin.store;

import dev.basin.geometry.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store lives and how it writes. Either an external PostgreSQL 14+ ({@link Builder#url}) or the embedded
 * PostgreSQL 15 keeping its data in {@link Builder#dataDir} (default {@code ./basin-data}).
 *
 * <p>Defaults: pool size 10, group commit on with 2 writer threads and at most 1000 operations per commit,
 * {@code insertBatch} switches to binary COPY above 2000 rows, migrations from {@code classpath:db/migration}.
 *
 * <p>The password is never printed: {@link #toString()} and {@link #describeTarget()} mask it, also when it is a
 * {@code password=} parameter of the URL.
 */
public final class StoreConfig {
    /** Default embedded data directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("basin-data");

    private final String url;
    private final Path dataDir;
    private final String user;
    private final String password;
    private final int poolSize;
    private final boolean groupCommit;
    private final int groupCommitWriters;
    private final int groupCommitMaxBatch;
    private final int copyThreshold;
    private final Duration connectionTimeout;
    private final List<String> migrationLocations;
    private final boolean migrate;

    private StoreConfig(Builder b) {
        this.url = b.url;
        this.dataDir = b.url == null ? (b.dataDir == null ? DEFAULT_DATA_DIR : b.dataDir) : null;
        this.user = b.user;
        this.password = b.password;
        this.poolSize = b.poolSize;
        this.groupCommit = b.groupCommit;
        this.groupCommitWriters = b.groupCommitWriters;
        this.groupCommitMaxBatch = b.groupCommitMaxBatch;
        this.copyThreshold = b.copyThreshold;
        this.connectionTimeout = b.connectionTimeout;
        this.migrationLocations = List.copyOf(b.migrationLocations);
        this.migrate = b.migrate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An external database at {@code jdbcUrl}, all else default. */
    public static StoreConfig external(String jdbcUrl) {
        return builder().url(jdbcUrl).build();
    }

    /** The embedded database with its data in {@code dataDir}, all else default. */
    public static StoreConfig embedded(Path dataDir) {
        return builder().dataDir(dataDir).build();
    }

    /**
     * From command-line values (each may be null) falling back to the environment: {@code BASIN_DB_URL},
     * {@code BASIN_DB_USER}, {@code BASIN_DB_PASSWORD}, {@code BASIN_DATA_DIR}. Neither URL → embedded.
     */
    public static StoreConfig fromOptions(String url, String user, String password, Path dataDir, Map<String, String> env) {
        Builder b = builder();
        String u = firstNonBlank(url, env.get("BASIN_DB_URL"));
        if (u != null) {
            b.url(u);
        } else {
            String d = env.get("BASIN_DATA_DIR");
            b.dataDir(dataDir != null ? dataDir : (d == null || d.isBlank() ? DEFAULT_DATA_DIR : Path.of(d)));
        }
        String usr = firstNonBlank(user, env.get("BASIN_DB_USER"));
        if (usr != null) {
            b.user(usr);
        }
        String pw = firstNonBlank(password, env.get("BASIN_DB_PASSWORD"));
        if (pw != null) {
            b.password(pw);
        }
        return b.build();
    }

    /** {@link #fromOptions} with no command-line values: the process environment alone. */
    public static StoreConfig fromEnvironment() {
        return fromOptions(null, null, null, null, System.getenv());
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** True when this names the embedded database (no URL). */
    public boolean isEmbedded() {
        return url == null;
    }

    /** The JDBC URL of an external database, or {@code null} for the embedded one. */
    public String url() {
        return url;
    }

    /** The embedded data directory, or {@code null} for an external database. */
    public Path dataDir() {
        return dataDir;
    }

    public String user() {
        return user;
    }

    /** The password; never log it. */
    public String password() {
        return password;
    }

    public int poolSize() {
        return poolSize;
    }

    public boolean groupCommit() {
        return groupCommit;
    }

    public int groupCommitWriters() {
        return groupCommitWriters;
    }

    public int groupCommitMaxBatch() {
        return groupCommitMaxBatch;
    }

    public int copyThreshold() {
        return copyThreshold;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    public List<String> migrationLocations() {
        return migrationLocations;
    }

    public boolean migrate() {
        return migrate;
    }

    /** The target as it may be printed: the URL with any password masked, or the data directory. */
    public String describeTarget() {
        return url != null ? maskUrl(url) : "embedded PostgreSQL in " + dataDir.toAbsolutePath().normalize();
    }

    /** {@code url} with the value of any {@code password=} parameter and any {@code user:password@} replaced. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^/:@]+:)[^@/]*@", "$1****@");
    }

    @Override
    public String toString() {
        return "StoreConfig{" + describeTarget() + (user != null ? ", user=" + user : "")
                + (password != null ? ", password=****" : "") + ", poolSize=" + poolSize + ", groupCommit=" + groupCommit
                + ", writers=" + groupCommitWriters + ", maxBatch=" + groupCommitMaxBatch + "}";
    }

    /** Builder; setters reject a bad value at once, naming the property. */
    public static final class Builder {
        private String url;
        private Path dataDir;
        private String user;
        private String password;
        private int poolSize = 10;
        private boolean groupCommit = true;
        private int groupCommitWriters = 2;
        private int groupCommitMaxBatch = 1000;
        private int copyThreshold = 2000;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private List<String> migrationLocations = List.of("classpath:db/migration");
        private boolean migrate = true;

        private Builder() {}

        /** An external database, {@code jdbc:postgresql://host:port/db[?params]}. */
        public Builder url(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "url");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new InvalidInputException("url", "must start with jdbc:postgresql: but is " + maskUrl(jdbcUrl));
            }
            this.url = jdbcUrl;
            return this;
        }

        /** The embedded database's data directory (created when missing). */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        public Builder poolSize(int size) {
            if (size < 2 || size > 200) {
                throw new InvalidInputException("poolSize", "must be in [2, 200], is " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** Group commit on (default) or off (each write its own transaction, still on the calling thread's queue). */
        public Builder groupCommit(boolean on) {
            this.groupCommit = on;
            return this;
        }

        public Builder groupCommitWriters(int writers) {
            if (writers < 1 || writers > 16) {
                throw new InvalidInputException("groupCommitWriters", "must be in [1, 16], is " + writers);
            }
            this.groupCommitWriters = writers;
            return this;
        }

        public Builder groupCommitMaxBatch(int ops) {
            if (ops < 1 || ops > 100_000) {
                throw new InvalidInputException("groupCommitMaxBatch", "must be in [1, 100000], is " + ops);
            }
            this.groupCommitMaxBatch = ops;
            return this;
        }

        /** {@code insertBatch} of more rows than this uses binary COPY inside its transaction. */
        public Builder copyThreshold(int rows) {
            if (rows < 1) {
                throw new InvalidInputException("copyThreshold", "must be ≥ 1, is " + rows);
            }
            this.copyThreshold = rows;
            return this;
        }

        public Builder connectionTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 250) {
                throw new InvalidInputException("connectionTimeout", "must be ≥ 250 ms, is " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        /** Flyway locations (default {@code classpath:db/migration}). */
        public Builder migrationLocations(String... locations) {
            if (locations.length == 0) {
                throw new InvalidInputException("migrationLocations", "must name at least one location");
            }
            this.migrationLocations = List.of(locations);
            return this;
        }

        /** Whether {@link Store#open} runs migrations (default true); the newer-schema check runs either way. */
        public Builder migrate(boolean on) {
            this.migrate = on;
            return this;
        }

        public StoreConfig build() {
            if (url != null && dataDir != null) {
                throw new IllegalStateException("give either url (external database) or dataDir (embedded), not both");
            }
            if (groupCommitWriters >= poolSize) {
                throw new IllegalStateException("groupCommitWriters (" + groupCommitWriters
                        + ") must be smaller than poolSize (" + poolSize + ")");
            }
            return new StoreConfig(this);
        }
    }
}
