package dev.basin.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request counts and latencies per route: the timer {@code basin_http_requests} tagged with method, route template
 * (never the raw path, so ids do not explode the series) and status; Prometheus reads it as
 * {@code basin_http_requests_seconds_count/_sum/_bucket}.
 */
final class HttpMetrics {
    private final PrometheusMeterRegistry registry;

    HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        timers.computeIfAbsent(new Key(ctx.method().name(), route(ctx), ctx.statusCode()), this::timer)
                .record((long) (millis == null ? 0 : millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** One series of the timer; its Timer is registered once and kept (building and looking it up per request cost more than recording). */
    private record Key(String method, String route, int status) {}

    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    private Timer timer(Key k) {
        return Timer.builder("basin.http.requests")
                .description("HTTP requests by route template and status")
                .tag("method", k.method())
                .tag("route", k.route())
                .tag("status", Integer.toString(k.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    static String route(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().lastHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
