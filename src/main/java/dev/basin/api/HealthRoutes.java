package dev.basin.api;

import dev.basin.store.DatabaseProbe;
import dev.basin.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 when the database answers and its schema carries exactly the migrations this program
 * ships; otherwise 503 (with {@code Retry-After} when the database is unreachable). The body says which part failed.
 */
final class HealthRoutes {
    private final Store store;
    private final ApiConfig config;

    HealthRoutes(Store store, ApiConfig config) {
        this.store = store;
        this.config = config;
    }

    void register(RoutesConfig r) {
        r.get("/health", this::health);
    }

    private void health(Context ctx) {
        DatabaseProbe probe = new DatabaseProbe(store);
        DatabaseProbe.Reachability ping = probe.ping();
        Map<String, Object> db = new LinkedHashMap<>();
        if (ping.reachable()) {
            db.put("latencyMs", ping.latencyMs());
        } else {
            db.put("error", ping.error());
        }
        db.put("reachable", ping.reachable());
        db.put("target", store.describeTarget());
        Map<String, Object> migrations = new LinkedHashMap<>();
        boolean current = false;
        if (ping.reachable()) {
            DatabaseProbe.Migrations m = probe.migrations();
            current = m.current();
            migrations.put("current", m.current());
            migrations.put("applied", m.applied());
            migrations.put("pending", m.pending());
            migrations.put("unknown", m.unknown());
        }
        boolean ok = ping.reachable() && current;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", ok ? "ok" : "unavailable");
        out.put("database", db);
        out.put("migrations", migrations);
        if (!ping.reachable()) {
            ctx.header("Retry-After", Long.toString(config.retryAfter().toSeconds()));
        }
        ctx.status(ok ? 200 : 503).json(out);
    }
}
