package dev.basin.cli;

import dev.basin.BasinEngine;
import dev.basin.EngineConfig;
import dev.basin.api.ApiConfig;
import dev.basin.api.ApiServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code basin serve}: the REST API, its OpenAPI document, health, metrics and the dashboard, until interrupted, over
 * the same {@link BasinEngine} wiring that {@code basin run} and library users open.
 * Refuses to bind to a non-loopback address without a token ({@code --token} or {@code BASIN_TOKEN}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API (/api/v1), /health, /metrics and the dashboard (/) until interrupted.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0 = any free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); a non-loopback address needs a token.")
    String bind;

    @Option(names = "--token", paramLabel = "T",
            description = "Bearer token required on every non-GET endpoint (env BASIN_TOKEN, preferred: command lines are visible).")
    String token;

    @Override
    public Integer call() throws InterruptedException {
        String t = token != null ? token : System.getenv("BASIN_TOKEN");
        ApiConfig config = ApiConfig.of(bind, port, t == null || t.isBlank() ? null : t);
        PrintWriter out = spec.commandLine().getOut();
        BasinEngine engine = BasinEngine.open(EngineConfig.of(db.toConfig()));
        ApiServer server;
        try {
            server = ApiServer.create(config, engine).start();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                engine.close();
                stopped.countDown();
            }
        }, "basin-serve-shutdown"));
        out.println("basin: serving http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port()
                + "/ (API /api/v1, database " + engine.store().describeTarget()
                + (config.token() == null ? ", no token" : ", token required for writes") + ")");
        out.flush();
        stopped.await();
        return BasinCommand.EXIT_OK;
    }
}
