package dev.basin.store.internal;

import dev.basin.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server left running on an embedded cluster by a Basin process that died without stopping it
 * (killed with SIGKILL, or failed while starting). Such an orphan keeps {@code postmaster.pid} and its shared memory,
 * so a new server on the same cluster refuses to start.
 *
 * <p>Only called while the caller holds the exclusive {@code basin.lock} of the data directory, so no live Basin
 * process owns the cluster. A process is stopped only when all of these hold: its pid is the one in
 * {@code postmaster.pid}, it is alive, its executable is named {@code postgres}, and its arguments name this cluster
 * ({@code -D <cluster>}). It is asked to shut down (SIGTERM: its clients died with their process, so the smart
 * shutdown completes at once); if it is still alive after {@link #GRACE_SECONDS} it is killed, and the next start
 * runs PostgreSQL's crash recovery (committed data is kept: fsync and synchronous_commit are on). A
 * {@code postmaster.pid} naming a dead process is left to PostgreSQL, which replaces a stale one itself.
 */
final class OrphanPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);
    /** Seconds a shutdown request is given before the orphan is killed. */
    static final int GRACE_SECONDS = 30;

    private OrphanPostmaster() {}

    /**
     * Stops the orphan server on {@code cluster} if there is one; returns its pid, or empty when there was none.
     *
     * @throws StoreException if a live process that is not this cluster's postgres holds the pid file's pid and the
     *     file cannot be judged stale, or the orphan does not stop
     */
    static Optional<Long> stopIfRunning(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        List<String> lines;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("could not read " + pidFile + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty(); // a torn or empty file: PostgreSQL rewrites it
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || !isPostgresOf(handle.get(), cluster)) {
            return Optional.empty(); // dead (stale file) or the pid now belongs to an unrelated process
        }
        ProcessHandle p = handle.get();
        LOG.warn("stopping PostgreSQL (pid {}) left running on {} by a Basin process that did not stop it", pid, cluster);
        p.destroy();
        if (!waitForExit(p, GRACE_SECONDS)) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {} s; killing it (the next start recovers)", pid,
                    GRACE_SECONDS);
            p.destroyForcibly();
            if (!waitForExit(p, GRACE_SECONDS)) {
                throw new StoreException("PostgreSQL (pid " + pid + ") left running on " + cluster
                        + " does not stop; stop it by hand and start again");
            }
        }
        return Optional.of(pid);
    }

    static boolean isPostgresOf(ProcessHandle p, Path cluster) {
        ProcessHandle.Info info = p.info();
        String command = info.command().orElse("");
        if (!(command.endsWith("/postgres") || command.equals("postgres"))) {
            return false;
        }
        String[] args = info.arguments().orElse(new String[0]);
        String want = cluster.toAbsolutePath().normalize().toString();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().toString().equals(want)) {
                return true;
            }
        }
        return false;
    }

    private static boolean waitForExit(ProcessHandle p, int seconds) {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while stopping an orphan PostgreSQL (pid " + p.pid() + ")", e);
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        }
    }
}
