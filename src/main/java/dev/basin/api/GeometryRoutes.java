package dev.basin.api;

import dev.basin.geometry.Basin;
import dev.basin.coordizer.CoordizerService;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.GeometryRequest;
import dev.basin.geometry.Integration;
import dev.basin.geometry.Means;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fisher–Rao geometry over HTTP, with the shapes of {@code basin geometry <op>}: distance, geodesic (optionally
 * persisted), Karcher mean, Φ and the coordizer. Bodies are read here; their values and limits are checked by the shapes of
 * {@link GeometryRequest}, the same the CLI builds.
 */
final class GeometryRoutes {
    private final Requests requests;
    private final GeodesicStore geodesics;
    private final CoordizerService coordizer;

    GeometryRoutes(Requests requests, GeodesicStore geodesics, CoordizerService coordizer) {
        this.requests = requests;
        this.geodesics = geodesics;
        this.coordizer = coordizer;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/geometry/distance", ctx -> {
            JsonBody b = requests.json(ctx);
            GeometryRequest.Distance d = new GeometryRequest.Distance(b.basin("p"), b.basin("q"));
            b.finish();
            ctx.json(Map.of("distance", FisherRao.distance(d.p(), d.q())));
        });
        r.post("/api/v1/geometry/geodesic", ctx -> {
            JsonBody b = requests.json(ctx);
            GeometryRequest.Geodesic g = new GeometryRequest.Geodesic(b.basin("from"), b.basin("to"),
                    (int) b.integer("steps", 1, GeometryRequest.MAX_STEPS));
            Basin from = g.from();
            Basin to = g.to();
            int steps = g.steps();
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
            GeometryRequest.Mean mean = new GeometryRequest.Mean(b.basins("points", GeometryRequest.MAX_POINTS),
                    b.optionalDoubles("weights", GeometryRequest.MAX_POINTS).orElse(null));
            b.finish();
            Means.Mean m = Means.karcher(mean.points(), mean.weights());
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
            String text = new GeometryRequest.Coordize(b.string("text", GeometryRequest.MAX_TEXT_CHARS)).text();
            b.finish();
            Map<String, Object> out = new LinkedHashMap<>();
            CoordizerService.Coordized c = coordizer.coordize(text);
            out.put("basin", c.basin());
            out.put("model", c.model());
            ctx.json(out);
        });
        r.post("/api/v1/geometry/decode", ctx -> {
            JsonBody b = requests.json(ctx);
            GeometryRequest.Decode d = new GeometryRequest.Decode(b.basin("basin"),
                    (int) b.integer("k", 1, GeometryRequest.MAX_DECODE_K));
            b.finish();
            ctx.json(CoordizerJson.decode(coordizer.current(), d.basin(), d.k()));
        });
    }
}
