package dev.basin.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Settings shared by the reliability tests: CI or long mode, where logs and figures go. */
final class Reliability {
    private Reliability() {}

    /** Long mode: {@code -Dbasin.reliability.long=true} or {@code BASIN_RELIABILITY_LONG=true}. */
    static boolean longMode() {
        return Boolean.parseBoolean(System.getProperty("basin.reliability.long",
                System.getenv().getOrDefault("BASIN_RELIABILITY_LONG", "false")));
    }

    /** {@code ci} in CI mode, {@code lng} in long mode. */
    static int kills(int ci, int lng) {
        return longMode() ? lng : ci;
    }

    /** The seed: {@code -Dbasin.reliability.seed=…}, else {@code fallback}. */
    static long seed(long fallback) {
        return Long.getLong("basin.reliability.seed", fallback);
    }

    /** {@code target/reliability/<name>} (created). */
    static Path logFile(String name) {
        Path dir = Path.of("target", "reliability");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }

    /** Appends one line of figures to {@code target/reliability/figures.txt} and prints it. */
    static void record(String line) {
        String full = Instant.now() + " " + (longMode() ? "long" : "ci") + " " + line;
        System.err.println("[reliability] " + full);
        try {
            Files.writeString(logFile("figures.txt"), full + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
