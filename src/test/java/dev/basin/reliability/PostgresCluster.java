package dev.basin.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 server the test controls: stopped by a signal to its postmaster (SIGINT, PostgreSQL's fast
 * shutdown, or SIGQUIT, its immediate shutdown: a crash that the next start recovers from) and started again on the
 * same cluster and port. Either a cluster the test creates ({@link #create}, the zonky binaries) or the embedded
 * store's own cluster ({@link #attach}, which can be stopped but is started again by reopening the store).
 */
final class PostgresCluster implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final EmbeddedPostgres created;
    private EmbeddedPostgres current;

    private PostgresCluster(Path dir, int port, EmbeddedPostgres created) {
        this.dir = dir;
        this.port = port;
        this.created = created;
        this.current = created;
    }

    /** Initialises and starts a new cluster in {@code dir} on a free loopback port. */
    static PostgresCluster create(Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = startOn(dir, port);
        return new PostgresCluster(dir, port, pg);
    }

    private static EmbeddedPostgres startOn(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setPort(port).setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
    }

    /** The server running on cluster {@code dir} (started by someone else, e.g. the embedded store). */
    static PostgresCluster attach(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        return new PostgresCluster(dir, Integer.parseInt(lines.get(3).trim()), null);
    }

    private static long postmasterPid(Path dir) throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
    }

    /** JDBC URL of the {@code postgres} database as user {@code postgres}. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Clean shutdown (SIGINT: fast shutdown, connections are closed). */
    void stopFast() throws IOException, InterruptedException {
        signal("INT");
    }

    /** Crash (SIGQUIT: immediate shutdown without a checkpoint; the next start runs crash recovery). */
    void crash() throws IOException, InterruptedException {
        signal("QUIT");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        long pid = postmasterPid(dir);
        Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + sig + " " + pid + " failed");
        }
        ProcessHandle h = ProcessHandle.of(pid).orElse(null);
        if (h != null) {
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("postmaster " + pid + " did not exit after SIG" + sig, e);
            }
        }
    }

    /**
     * Starts the server again on the same cluster and port and waits until it accepts connections. The previous
     * server handle is closed first (its stop fails quietly since the server is gone; it releases the cluster lock).
     */
    void restart() throws IOException {
        if (created == null) {
            throw new IllegalStateException("a cluster owned by a store is restarted by reopening the store");
        }
        current.close();
        current = startOn(dir, port);
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
