package dev.basin.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dashboard at {@code /}: a static page with its script, style and the uPlot library, all served from the jar (no
 * network fetch at run time), and the JSON endpoints under {@code /api/v1/dashboard/} that its panels poll.
 */
final class DashboardRoutes {
    static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private final DashboardPanels queries;
    private final Supplier<Map<String, List<String>>> coverageFlags;

    DashboardRoutes(DashboardPanels queries, Supplier<Map<String, List<String>>> coverageFlags) {
        this.queries = queries;
        this.coverageFlags = coverageFlags;
    }

    void register(RoutesConfig r) {
        asset(r, "/", "/dev/basin/api/dashboard/index.html", "text/html; charset=utf-8");
        asset(r, "/dashboard/app.js", "/dev/basin/api/dashboard/app.js", "text/javascript; charset=utf-8");
        asset(r, "/dashboard/app.css", "/dev/basin/api/dashboard/app.css", "text/css; charset=utf-8");
        asset(r, "/vendor/uplot/uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
        asset(r, "/vendor/uplot/uPlot.min.css", UPLOT + "uPlot.min.css", "text/css; charset=utf-8");
        r.get("/api/v1/dashboard/coverage", ctx -> ctx.json(coverage()));
        r.get("/api/v1/dashboard/kernels", ctx -> ctx.json(queries.kernelSeries()));
        r.get("/api/v1/dashboard/emotions", ctx -> ctx.json(queries.emotionMix()));
        r.get("/api/v1/dashboard/trajectories", ctx -> ctx.json(queries.trajectories()));
        r.get("/api/v1/dashboard/recent", ctx -> ctx.json(queries.recent()));
        r.get("/api/v1/dashboard/topics", ctx -> ctx.json(queries.topics()));
    }

    private Map<String, Object> coverage() {
        Map<String, Long> counts = queries.rowCounts();
        Map<String, List<String>> flags = coverageFlags.get();
        List<Map<String, Object>> tables = new ArrayList<>();
        int populated = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("table", e.getKey());
            t.put("rows", e.getValue());
            t.put("flags", flags.getOrDefault(e.getKey(), e.getValue() == 0 ? List.of("EMPTY") : List.of()));
            tables.add(t);
            if (e.getValue() > 0) {
                populated++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tables", tables);
        out.put("populated", populated);
        out.put("total", counts.size());
        return out;
    }

    private static void asset(RoutesConfig r, String path, String resource, String contentType) {
        byte[] bytes = load(resource);
        r.get(path, (Context ctx) -> ctx.contentType(contentType).header("Cache-Control", "no-cache").result(bytes));
    }

    private static byte[] load(String resource) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
