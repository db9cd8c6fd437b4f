package dev.basin.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child JVM on the test classpath running {@code mainClass}. Its stdout is read line by line in this process and
 * handed to a consumer (the acknowledgement log lives here, outside the child); its stderr goes to a file.
 * {@link #kill()} sends SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits for the process to end.
 */
final class ChildJvm {
    private final Process process;
    private final Thread reader;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final List<String> errors = new ArrayList<>();
    private final long startedNanos = System.nanoTime();

    private ChildJvm(Process process, Consumer<String> lines) {
        this.process = process;
        this.reader = new Thread(() -> read(lines), "child-stdout-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code java -cp <this JVM's class path> mainClass args…}, stderr appended to {@code stderrLog}. */
    static ChildJvm start(Class<?> mainClass, List<String> args, Path stderrLog, Consumer<String> lines)
            throws IOException {
        return start(mainClass.getName(), args, stderrLog, lines);
    }

    /**
     * As {@link #start(Class, List, Path, Consumer)} by class name (for a main that may not be on every build). The
     * child is ready when it prints {@code READY} or the server's {@code basin: serving http…} line.
     */
    static ChildJvm start(String mainClass, List<String> args, Path stderrLog, Consumer<String> lines)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ChildJvm(pb.start(), lines);
    }

    private void read(Consumer<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("READY") || line.startsWith("basin: serving http")) {
                    ready.complete(null);
                } else if (line.startsWith("ERR")) {
                    synchronized (errors) {
                        errors.add(line);
                    }
                } else {
                    lines.accept(line);
                }
            }
        } catch (IOException e) {
            synchronized (errors) {
                errors.add("reading the child's stdout failed: " + e);
            }
        } finally {
            ready.complete(null);
        }
    }

    /** Waits until the child printed READY (or ended); false on timeout. */
    boolean awaitReady(long timeoutMs) throws InterruptedException {
        try {
            ready.get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    long millisSinceStart() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /**
     * SIGKILL, then waits for the process and for its last stdout line to be read. The signal is sent through the
     * {@link ProcessHandle}: {@link Process#destroyForcibly()} would also close our end of the stdout pipe and lose
     * the acknowledgements still in it.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + process.pid() + " survived SIGKILL for 60 s");
        }
        reader.join(30_000);
    }

    /** Waits for a normal end; returns the exit code. */
    int waitFor(long timeoutMs) throws InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("child " + process.pid() + " did not end within " + timeoutMs + " ms");
        }
        reader.join(30_000);
        return process.exitValue();
    }

    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
