package dev.basin.api;

import dev.basin.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

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
        Map<String, Object> db = new LinkedHashMap<>();
        Map<String, Object> migrations = new LinkedHashMap<>();
        boolean reachable;
        boolean current = false;
        long t0 = System.nanoTime();
        try {
            store.jdbi().useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            reachable = true;
            db.put("latencyMs", (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            reachable = false;
            db.put("error", "unreachable: " + e.getClass().getSimpleName());
        }
        db.put("reachable", reachable);
        db.put("target", store.describeTarget());
        if (reachable) {
            MigrationInfoService info = Flyway.configure()
                    .dataSource(store.dataSource())
                    .locations(store.config().migrationLocations().toArray(new String[0]))
                    .failOnMissingLocations(false)
                    .load()
                    .info();
            MigrationInfo applied = info.current();
            int pending = info.pending().length;
            long unknown = java.util.Arrays.stream(info.all()).filter(m -> m.getState().name().startsWith("FUTURE")
                    || m.getState().name().startsWith("MISSING")).count();
            current = pending == 0 && unknown == 0 && applied != null;
            migrations.put("current", current);
            migrations.put("applied", applied == null ? null : applied.getVersion().toString());
            migrations.put("pending", pending);
            migrations.put("unknown", unknown);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", reachable && current ? "ok" : "unavailable");
        out.put("database", db);
        out.put("migrations", migrations);
        if (!reachable) {
            ctx.header("Retry-After", Long.toString(config.retryAfter().toSeconds()));
        }
        ctx.status(reachable && current ? 200 : 503).json(out);
    }
}
