package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Starts a writer child JVM, lets it write, SIGKILLs it at a seeded random moment, and again, {@code kills} times.
 * One kill in ten falls anywhere in the first {@link #STARTUP_WINDOW_MS} after the process starts (so also during
 * the store's start: embedded PostgreSQL start, migrations check); the others fall {@link #MIN_WRITE_MS} to
 * {@link #MAX_WRITE_MS} (or a window the caller gives) after the child reported READY, while writes are busy.
 */
final class KillCampaign {
    static final int STARTUP_WINDOW_MS = 2500;
    static final int MIN_WRITE_MS = 300;
    static final int MAX_WRITE_MS = 1500;
    static final long READY_TIMEOUT_MS = 180_000;

    /** What a campaign did. */
    record Figures(int kills, int startupKills, int midWriteKills, int runsWithAcks, long elapsedMs) {}

    private KillCampaign() {}

    /**
     * Runs the campaign; {@code childArgs} gives the writer's arguments for run {@code i} (1-based). Fails if a child
     * reports a write error or dies on its own.
     */
    static Figures run(Class<?> main, IntFunction<List<String>> childArgs, int kills, long seed, AckLog acks,
            Path stderrLog) throws IOException, InterruptedException {
        return run(main.getName(), childArgs, kills, seed, acks, stderrLog, MIN_WRITE_MS, MAX_WRITE_MS,
                (run, child) -> () -> {});
    }

    /** Drives writes into a ready child from this process (the REST clients); closed after the kill. */
    interface Driver {
        AutoCloseable start(int run, ChildJvm child) throws IOException;
    }

    /** As above, for a main named by class, with {@code driver} writing from outside the child while it is ready. */
    static Figures run(String main, IntFunction<List<String>> childArgs, int kills, long seed, AckLog acks,
            Path stderrLog, int minWriteMs, int maxWriteMs, Driver driver) throws IOException, InterruptedException {
        SplittableRandom r = new SplittableRandom(seed);
        long t0 = System.nanoTime();
        int startupKills = 0;
        int runsWithAcks = 0;
        for (int i = 1; i <= kills; i++) {
            int before = acks.total();
            ChildJvm child = ChildJvm.start(main, childArgs.apply(i), stderrLog, acks::accept);
            AutoCloseable driving = null;
            if (r.nextInt(10) == 0) {
                startupKills++;
                Thread.sleep(r.nextInt(STARTUP_WINDOW_MS));
            } else {
                boolean ready = child.awaitReady(READY_TIMEOUT_MS);
                assertThat(ready).as("run %d: child ready within %d ms", i, READY_TIMEOUT_MS).isTrue();
                assertThat(child.isAlive()).as("run %d: child alive after READY; errors %s; stderr tail:%n%s", i,
                        child.errors(), tail(stderrLog)).isTrue();
                driving = driver.start(i, child);
                Thread.sleep(minWriteMs + r.nextInt(maxWriteMs - minWriteMs));
                assertThat(child.isAlive()).as("run %d: child alive when killed; errors %s; stderr tail:%n%s", i,
                        child.errors(), tail(stderrLog)).isTrue();
            }
            child.kill();
            if (driving != null) {
                try {
                    driving.close();
                } catch (Exception e) {
                    throw new IllegalStateException("run " + i + ": stopping the writers failed", e);
                }
            }
            assertThat(child.errors()).as("run %d: write errors reported by the child", i).isEmpty();
            if (acks.total() > before) {
                runsWithAcks++;
            }
            acks.flush();
        }
        return new Figures(kills, startupKills, kills - startupKills, runsWithAcks,
                (System.nanoTime() - t0) / 1_000_000);
    }

    static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
