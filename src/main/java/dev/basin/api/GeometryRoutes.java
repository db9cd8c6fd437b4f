package dev.basin.api;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Coordizer;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.Means;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fisher–Rao geometry over HTTP, with the shapes of {@code basin geometry <op>}: distance, geodesic (optionally
 * persisted), Karcher mean, Φ and the coordizer.
 */
final class GeometryRoutes {
    /** Most steps a geodesic request may ask for (the answer carries steps + 1 basins). */
    static final int MAX_STEPS = 1_000;

    private final Requests requests;
    private final GeodesicStore geodesics;

    GeometryRoutes(Requests requests, GeodesicStore geodesics) {
        this.requests = requests;
        this.geodesics = geodesics;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/geometry/distance", ctx -> {
            JsonBody b = requests.json(ctx);
            Basin p = b.basin("p");
            Basin q = b.basin("q");
            b.finish();
            ctx.json(Map.of("distance", FisherRao.distance(p, q)));
        });
        r.post("/api/v1/geometry/geodesic", ctx -> {
            JsonBody b = requests.json(ctx);
            Basin from = b.basin("from");
            Basin to = b.basin("to");
            int steps = (int) b.integer("steps", 1, MAX_STEPS);
            boolean persist = b.bool("persist", false);
            String kernelId = b.optionalId("kernelId", "krn_").orElse(null);
            b.finish();
            if (persist) {
                GeodesicStore.Stored stored = geodesics.persist(from, to, steps, kernelId);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("distance", stored.distance());
                out.put("path", stored.path());
                out.put("pathId", stored.pathId());
                out.put("reused", stored.reused());
                ctx.status(201).json(out);
                return;
            }
            if (kernelId != null) {
                throw ApiProblem.badRequest("kernelId", "is only meaningful with \"persist\": true");
            }
            List<Basin> path = FisherRao.geodesic(from, to, steps);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("distance", FisherRao.distance(from, to));
            out.put("path", path);
            ctx.json(out);
        });
        r.post("/api/v1/geometry/mean", ctx -> {
            JsonBody b = requests.json(ctx);
            List<Basin> points = b.basins("points", JsonBody.MAX_POINTS);
            double[] weights = b.optionalDoubles("weights", JsonBody.MAX_POINTS).orElse(null);
            b.finish();
            Means.Mean m = Means.karcher(points, weights);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mean", m.basin());
            out.put("iterations", m.iterations());
            ctx.json(out);
        });
        r.post("/api/v1/geometry/phi", ctx -> {
            JsonBody b = requests.json(ctx);
            Basin basin = b.basin("basin");
            b.finish();
            ctx.json(Map.of("phi", Integration.phi(basin)));
        });
        r.post("/api/v1/geometry/coordize", ctx -> {
            JsonBody b = requests.json(ctx);
            String text = b.string("text", JsonBody.MAX_TEXT);
            b.finish();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("basin", Coordizer.coordize(text));
            out.put("model", Coordizer.MODEL);
            ctx.json(out);
        });
    }
}
