package dev.basin.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
        Timer.builder("basin.http.requests")
                .description("HTTP requests by route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record((long) (millis == null ? 0 : millis * 1_000_000L), TimeUnit.NANOSECONDS);
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
