package dev.basin.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acknowledgements received from child processes (or, for the REST server, from its 2xx answers), kept in the test process and appended to a log file as they
 * arrive. Only complete lines {@code ACK <kind> <id> END} count; a line cut by the kill is counted as torn (never as
 * acknowledged, since the writer prints only after the store returned).
 */
final class AckLog implements AutoCloseable {
    private static final Pattern ACK = Pattern.compile("ACK ([A-Z]) ([a-z0-9_]+) END");
    private final Set<String> sessions = new LinkedHashSet<>();
    private final Set<String> units = new LinkedHashSet<>();
    private final Set<String> barriers = new LinkedHashSet<>();
    private final Set<String> probes = new LinkedHashSet<>();
    private final BufferedWriter file;
    private int duplicates;
    private int torn;

    AckLog(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records one stdout line of a child. */
    synchronized void accept(String line) {
        Matcher m = ACK.matcher(line);
        if (!m.matches()) {
            torn++;
            return;
        }
        boolean added = switch (m.group(1)) {
            case "S" -> sessions.add(m.group(2));
            case "U" -> units.add(m.group(2));
            case "B" -> barriers.add(m.group(2));
            case "P" -> probes.add(m.group(2));
            default -> throw new IllegalStateException("unknown acknowledgement kind in " + line);
        };
        if (!added) {
            duplicates++;
        }
        try {
            file.write(line);
            file.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Set<String> sessions() {
        return Set.copyOf(sessions);
    }

    synchronized Set<String> units() {
        return Set.copyOf(units);
    }

    /** Barrier ids acknowledged by the REST server (201). */
    synchronized Set<String> barriers() {
        return Set.copyOf(barriers);
    }

    /** The client-chosen unique ids carried by acknowledged REST writes. */
    synchronized Set<String> probes() {
        return Set.copyOf(probes);
    }

    synchronized int total() {
        return sessions.size() + units.size() + barriers.size();
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized int torn() {
        return torn;
    }

    synchronized void flush() {
        try {
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
