package dev.basin.cli;

import dev.basin.api.ApiConfig;
import dev.basin.api.ApiServer;
import dev.basin.api.ApiServices;
import dev.basin.store.Store;
import dev.basin.store.Table;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code basin serve}: the REST API, its OpenAPI document, health, metrics and the dashboard, until interrupted.
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
        Store store = db.open();
        ApiServices services = null;
        ApiServer server;
        try {
            store.register(AllTables.list().toArray(new Table<?>[0]));
            services = ApiServices.open(store, Clock.systemUTC());
            server = ApiServer.create(config, services).start();
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            }
            store.close();
            throw e;
        }
        ApiServices opened = services;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            opened.close();
            store.close();
            stopped.countDown();
        }, "basin-serve-shutdown"));
        out.println("basin: serving http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port()
                + "/ (API /api/v1, database " + store.describeTarget()
                + (config.token() == null ? ", no token" : ", token required for writes") + ")");
        out.flush();
        stopped.await();
        return BasinCommand.EXIT_OK;
    }
}
