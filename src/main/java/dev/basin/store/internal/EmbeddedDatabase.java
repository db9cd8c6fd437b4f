package dev.basin.store.internal;

import dev.basin.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 15 (zonky binaries) keeping its cluster in {@code <dataDir>/pg}, never cleaned, on a free
 * loopback port. An exclusive lock on {@code <dataDir>/basin.lock} is taken first, so a second process (or a second
 * store in this process) on the same directory gets a clear error instead of touching the cluster. Stopped by
 * {@link #close()} and by a shutdown hook. A server left running on the cluster by a Basin process that was killed is
 * stopped before the start ({@link OrphanPostmaster}), so a killed process never blocks the next one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /**
     * Directories locked by this JVM. Checked before opening the lock file: closing a second channel on the file
     * would release this process's POSIX lock on it.
     */
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();
    /** How long a start (including a first initdb or crash recovery) may take on a slow, shared machine. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final Thread hook;
    private boolean closed;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.hook = new Thread(this::closeQuietly, "basin-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Locks {@code dataDir} and starts (initialising on first use) the cluster in it. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!LOCKED_HERE.add(dir)) {
            throw inUse(dir);
        }
        FileChannel ch = null;
        FileLock lock = null;
        Path pg = dir.resolve("pg");
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(dir.resolve("basin.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw inUse(dir);
            }
            Files.createDirectories(pg);
            OrphanPostmaster.stopIfRunning(pg);
            EmbeddedPlatform.current().requireBinaries(EmbeddedDatabase.class.getClassLoader());
            LOG.info("starting embedded PostgreSQL in {}", pg);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(STARTUP_WAIT)
                    .setDataDirectory(pg)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedDatabase(dir, ch, lock, postgres);
        } catch (IOException | RuntimeException e) {
            try {
                if (lock != null) {
                    // a server launched by a start that then failed (e.g. timed out) must not outlive us
                    OrphanPostmaster.stopIfRunning(pg);
                }
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            LOCKED_HERE.remove(dir);
            try {
                if (lock != null) {
                    lock.release();
                }
                if (ch != null && ch.isOpen()) {
                    ch.close();
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static StoreException inUse(Path dir) {
        return new StoreException("data directory " + dir + " is in use by another Basin process"
                + " (or another store in this one); stop it or choose another --data-dir");
    }

    /** JDBC URL of the {@code postgres} database as user {@code postgres}. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is running us
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StoreException("could not stop the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("could not release the lock on {}: {}", dataDir, e.toString());
            } finally {
                LOCKED_HERE.remove(dataDir);
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("stopping the embedded PostgreSQL on exit failed: {}", e.toString());
        }
    }
}
