package dev.basin.cli;

import dev.basin.session.behaviour.SimClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.BasinEngine;
import dev.basin.EngineConfig;
import dev.basin.audit.CoverageReport;
import dev.basin.audit.DatabaseAuditor;
import dev.basin.session.SessionConfig;
import dev.basin.session.SessionRunner;
import dev.basin.session.SessionSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code basin run}: the main job. Runs one session of kernels over the corpus on the embedded database (or
 * {@code --db}), shows progress, then prints the coverage report and the session summary.
 *
 * <p>Ctrl-C (SIGINT) or SIGTERM stops the session at its next step: it is marked failed, everything committed stays,
 * and the store (and the embedded PostgreSQL) shuts down cleanly; the exit status is then 1.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the main job: one session in which kernels live over the document corpus and fill every",
                "table; then print the coverage report and a session summary."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--kernels", paramLabel = "N", description = "Root kernels (default ${DEFAULT-VALUE}).")
    int kernels = SessionConfig.DEFAULT_KERNELS;

    @Option(names = "--cycles", paramLabel = "N", description = "Cycles each kernel lives (default ${DEFAULT-VALUE}).")
    int cycles = SessionConfig.DEFAULT_CYCLES;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed = SessionConfig.DEFAULT_SEED;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Directory of .md/.txt documents to ingest (default: the corpus shipped with Basin).")
    Path corpus;

    @Option(names = "--json", description = "Print the report and the summary as one JSON document on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SessionConfig config = new SessionConfig(kernels, cycles, seed, corpus);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Interrupts interrupts = Interrupts.install(cancel, done);
        SimClock clock = new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        EngineConfig engineConfig = SessionRunner.engineConfig(db.toConfig(), clock, config);
        try (BasinEngine engine = BasinEngine.open(engineConfig)) {
            SessionRunner runner;
            SessionSummary summary;
            try (Progress progress = Progress.create(json, err)) {
                runner = new SessionRunner(engine, clock, config, progress, cancel::get);
                summary = runner.run();
            } catch (SessionRunner.CancelledException e) {
                err.println("basin: interrupted; the session was marked failed, everything committed is kept");
                err.flush();
                return BasinCommand.EXIT_FAILURE;
            }
            CoverageReport report = DatabaseAuditor.report(engine.store());
            if (json) {
                ObjectNode doc = engine.store().json().createObjectNode();
                doc.set("report", report.toJson(engine.store().json()));
                doc.set("session", summary.toJson(engine.store().json()));
                out.println(engine.store().json().writeValueAsString(doc));
            } else {
                out.print(report.toText());
                out.println();
                out.print(summary.toText());
            }
            out.flush();
            return BasinCommand.EXIT_OK;
        } finally {
            done.countDown();
            interrupts.uninstall();
        }
    }

    /** Progress: a progress bar on a terminal, else one line per cycle on stderr; nothing with {@code --json}. */
    private static final class Progress implements SessionRunner.Listener, AutoCloseable {
        private final boolean quiet;
        private final boolean terminal;
        private final PrintWriter err;
        private ProgressBar bar;

        private Progress(boolean quiet, boolean terminal, PrintWriter err) {
            this.quiet = quiet;
            this.terminal = terminal;
            this.err = err;
        }

        static Progress create(boolean json, PrintWriter err) {
            return new Progress(json, stdoutIsTerminal(), err);
        }

        /** True when the console is a terminal ({@code Console.isTerminal()} on JDK 22+, else its mere presence). */
        static boolean stdoutIsTerminal() {
            java.io.Console c = System.console();
            if (c == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }

        @Override
        public void started(String sessionId, int cycles) {
            if (quiet) {
                return;
            }
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName("session").setInitialMax(cycles)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            } else {
                err.println("basin run: session " + sessionId + ", " + cycles + " cycles");
                err.flush();
            }
        }

        @Override
        public void cycleDone(int cycle, int cycles, String line) {
            if (quiet) {
                return;
            }
            if (bar != null) {
                bar.stepTo(cycle);
                bar.setExtraMessage(line.substring(line.indexOf(':') + 1).strip());
            } else {
                err.println("basin run: " + line);
                err.flush();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /**
     * Ctrl-C handling. SIGINT and SIGTERM only set the cancel flag (the session stops at its next step and closes
     * everything itself); as a fallback for other shutdowns a hook sets the flag and waits up to 30 s for the session
     * to finish closing.
     */
    static final class Interrupts {
        private final Thread hook;
        private final java.util.Map<String, sun.misc.SignalHandler> previous;

        private Interrupts(Thread hook, java.util.Map<String, sun.misc.SignalHandler> previous) {
            this.hook = hook;
            this.previous = previous;
        }

        static Interrupts install(AtomicBoolean cancel, CountDownLatch done) {
            java.util.Map<String, sun.misc.SignalHandler> previous = new java.util.HashMap<>();
            for (String name : new String[] {"INT", "TERM"}) {
                try {
                    previous.put(name, sun.misc.Signal.handle(new sun.misc.Signal(name), s -> cancel.set(true)));
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    // the signal cannot be handled on this platform: the shutdown hook below still applies
                }
            }
            Thread hook = new Thread(() -> {
                cancel.set(true);
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "basin-run-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            return new Interrupts(hook, previous);
        }

        void uninstall() {
            previous.forEach((name, h) -> sun.misc.Signal.handle(new sun.misc.Signal(name), h));
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }
}
