package dev.basin.api;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: everything in the registry, in the Prometheus text format. */
final class MetricsRoutes {
    private final PrometheusMeterRegistry registry;

    MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(RoutesConfig r) {
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }
}
