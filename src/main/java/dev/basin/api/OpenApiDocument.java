package dev.basin.api;

import dev.basin.geometry.GeometryRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of every route, written out here by hand (not derived from the router), so that the
 * test comparing it with the registered routes can catch an endpoint added without documentation or documented
 * without existing.
 */
final class OpenApiDocument extends OpenApiSchemas {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    private final ObjectNode root;
    private final ObjectNode paths;
    private final ObjectNode schemas;

    private OpenApiDocument(ObjectMapper json) {
        super(json);
        root = json.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Basin");
        info.put("version", "1");
        info.put("description", "REST API of Basin: Fisher–Rao geometry on the 64-dimensional simplex and the state of QIG kernels. "
                + "Errors are RFC 9457 problem details (application/problem+json) naming the field at fault. "
                + "With a token configured, every non-GET request needs Authorization: Bearer <token>.");
        root.putArray("servers").addObject().put("url", "/");
        paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        schemas = components.putObject("schemas");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http").put("scheme", "bearer");
    }

    /** The whole document. */
    static ObjectNode build(ObjectMapper json) {
        OpenApiDocument d = new OpenApiDocument(json);
        d.components();
        d.infrastructure();
        d.geometry();
        d.dashboard();
        d.report();
        d.safety();
        d.navigation();
        new OpenApiFeatures(d).describe();
        return d.root;
    }

    private void components() {
        schemas.set("Basin", arr(num(0, 1), 64, 64).put("description",
                "A point of the simplex: 64 finite non-negative numbers summing to 1 within 1e-9"));
        schemas.set("Path", arr(ref("Basin")).put("description", "A polyline of basins"));
        schemas.set("Problem", open("type", str(), "title", str(), "status", integer(400, 599), "detail", str(),
                "field?", str().put("description", "the request field at fault, e.g. points[3][12] or Content-Type"),
                "problem?", str(), "instance?", str()));
        schemas.set("Id", str().put("pattern", "^[a-z]+_[0-9a-f]{16,64}$"));
    }

    private void infrastructure() {
        op("GET", "/health", "operations", "Database reachable and migrations current (503 otherwise)", null, 200,
                open("status", enumOf("ok", "unavailable"), "database", object(), "migrations", object()));
        text("GET", "/metrics", "operations", "Prometheus metrics: requests per route, store commits, pool, rows per table",
                "text/plain");
        op("GET", "/api/v1/openapi.json", "operations", "This document", null, 200, object());
        text("GET", "/", "dashboard", "The dashboard page", "text/html");
        text("GET", "/dashboard/app.js", "dashboard", "The dashboard script", "text/javascript");
        text("GET", "/dashboard/app.css", "dashboard", "The dashboard style sheet", "text/css");
        text("GET", "/vendor/uplot/uPlot.iife.min.js", "dashboard", "uPlot 1.6.30 (served from the jar)", "text/javascript");
        text("GET", "/vendor/uplot/uPlot.min.css", "dashboard", "uPlot's style sheet", "text/css");
    }

    private void geometry() {
        op("POST", "/api/v1/geometry/distance", "geometry", "Fisher–Rao distance d = 2·arccos(Σ√(pᵢqᵢ))",
                obj("p", ref("Basin"), "q", ref("Basin")), 200, obj("distance", num(0, Math.PI)));
        op("POST", "/api/v1/geometry/geodesic", "geometry", "Geodesic of n steps (n+1 points); persist stores it and returns pathId",
                obj("from", ref("Basin"), "to", ref("Basin"), "steps", integer(1, GeometryRequest.MAX_STEPS), "persist?", bool(),
                        "kernelId?", id("krn_")),
                200, open("distance", num(0, Math.PI), "path", ref("Path"), "pathId?", id("gp_"), "reused?", bool()));
        op("POST", "/api/v1/geometry/mean", "geometry", "Weighted Fréchet (Karcher) mean",
                obj("points", arr(ref("Basin"), 1, GeometryRequest.MAX_POINTS), "weights?", arr(num(0, 1))), 200,
                obj("mean", ref("Basin"), "iterations", integer(0, 100)));
        op("POST", "/api/v1/geometry/phi", "geometry", "Integration Φ = I(A;B)/ln 8 of a basin", obj("basin", ref("Basin")), 200,
                obj("phi", num(0, 1)));
        op("POST", "/api/v1/geometry/coordize", "geometry",
                "Text to basin with the database's current coordizer model (docs/coordizer.md); model is its id",
                obj("text", str(GeometryRequest.MAX_TEXT_CHARS)), 200, obj("basin", ref("Basin"), "model", str()));
        op("POST", "/api/v1/geometry/decode", "geometry",
                "The k vocabulary words of the current model whose own basins are Fisher–Rao nearest to a basin",
                obj("basin", ref("Basin"), "k", integer(1, GeometryRequest.MAX_DECODE_K)), 200,
                obj("model", str(), "topics", str(), "words", arr(obj("word", str(), "stem", str(), "distance", num(0, Math.PI)))));
        ObjectNode model = open("modelId", str(), "current", bool(), "topics", integer(64, 64),
                "vocabularySize", integer(64, Integer.MAX_VALUE), "documents", integer(1, Integer.MAX_VALUE),
                "seed", integer(Long.MIN_VALUE, Long.MAX_VALUE), "corpusHash", str(), "fittedAt", str(),
                "selectedAt", str(), "metadata", object(), "topWords", arr(arr(str())));
        op("GET", "/api/v1/coordizer", "coordizer", "The current coordizer model: size, corpus and each topic's top words",
                null, 200, model);
        op("GET", "/api/v1/coordizer/models", "coordizer", "Every stored coordizer model, the current first", null, 200,
                obj("models", arr(model)));
        op("GET", "/api/v1/coordizer/models/{modelId}", "coordizer", "One stored model (404 for an unknown id)", null,
                200, model);
        op("POST", "/api/v1/coordizer/fit", "coordizer",
                "Fit a model on the texts (NMF-64, seeded) and make it the current model",
                obj("texts", arr(str(CoordizerRoutes.MAX_FIT_TEXT_CHARS), 1, CoordizerRoutes.MAX_FIT_TEXTS),
                        "seed?", integer(Long.MIN_VALUE, Long.MAX_VALUE), "topics?", integer(64, 64)), 201, model);
    }

    private void dashboard() {
        op("GET", "/api/v1/dashboard/coverage", "dashboard", "Rows per table and coverage flags", null, 200,
                open("tables", arr(open("table", str(), "rows", integer(0, Long.MAX_VALUE), "flags", arr(str()))),
                        "populated", integer(0, 100), "total", integer(0, 100)));
        op("GET", "/api/v1/dashboard/kernels", "dashboard", "Φ and κ_eff over time per kernel (aligned time axis)", null, 200,
                open("t", arr(num()), "kernels", arr(open("kernelId", id("krn_"), "name", str(), "phi", arr(nullable(num())),
                        "kappaEff", arr(nullable(num())))), "samples", integer(0, Long.MAX_VALUE)));
        op("GET", "/api/v1/dashboard/emotions", "dashboard", "Mean emotion intensities and dominance counts", null, 200,
                open("records", integer(0, Long.MAX_VALUE), "mean", object(), "dominant", object()));
        op("GET", "/api/v1/dashboard/trajectories", "dashboard", "Trajectories and forbidden balls in the fixed 2-D projection", null,
                200, open("projection", str(), "trajectories", arr(object()), "barriers", arr(object())));
        op("GET", "/api/v1/dashboard/recent", "dashboard", "Latest thoughts and insights", null, 200,
                open("thoughts", arr(object()), "insights", arr(object())));
        op("GET", "/api/v1/dashboard/topics", "dashboard", "The newest kernels, their strongest attractors and the latest "
                + "cross patterns, each basin named by its strongest topics", null, 200,
                open("kernels", arr(open("kernelId", id("krn_"), "name", str(), "phi", num(), "topics", str(),
                        "attractorId", nullable(id("attr_")), "attractorTopics", nullable(str()))),
                        "crossPatterns", arr(open("patternId", id("xpat_"), "patternType", str(), "domains", arr(str()),
                                "confidence", num(), "topics", str()))));
    }

    private void report() {
        op("GET", "/api/v1/report", "operations", "Coverage report: rows, owner, newest write per table; flags per column "
                + "(same JSON as basin report --json)", null, 200, open("tables", arr(object()), "summary", object(), "schema", str(),
                "target", str(), "generatedAt", time()));
    }

    private void safety() {
        String[] types = {"suffering", "instability", "decoherence"};
        ObjectNode radius = num().put("exclusiveMinimum", 0).put("maximum", Math.PI);
        op("POST", "/api/v1/safety/check", "safety", "Is a basin inside any active forbidden ball (at a time, for an agent)?",
                obj("basin", ref("Basin"), "at?", time(), "agentId?", id("krn_")), 200,
                obj("safe", bool(), "violations", arr(obj("table", enumOf("geometric_barriers", "ocean_excluded_regions", "era_exclusions"),
                        "id", ref("Id"), "distance", num(0, Math.PI), "radius", num(0, Math.PI), "reason", str()))));
        ObjectNode barrier = open("barrierId", id("barrier_"), "kernelId", nullable(id("krn_")), "center", ref("Basin"),
                "radius", radius, "type", enumOf(types), "severity", num(0, 1), "reason", str(), "active", bool(),
                "discoveredAt", time(), "deactivatedAt", nullable(time()), "crossingsPrevented", integer(0, Integer.MAX_VALUE),
                "metadata", object());
        schemas.set("Barrier", barrier);
        op("POST", "/api/v1/safety/barriers", "safety", "Create a barrier (an overlapping one of the same type and scope is superseded by their enclosing ball)",
                obj("center", ref("Basin"), "radius", radius, "type", enumOf(types), "severity", num(0, 1),
                        "reason", str(JsonBody.MAX_TEXT), "kernelId?", id("krn_"), "metadata?", object()), 201, ref("Barrier"));
        list("/api/v1/safety/barriers", "safety", "Barriers, newest first", ref("Barrier"), "active", bool());
        op("GET", "/api/v1/safety/barriers/{barrierId}", "safety", "One barrier", null, 200, ref("Barrier"));
        op("POST", "/api/v1/safety/barriers/{barrierId}/deactivate", "safety", "Deactivate a barrier (409 if already inactive)",
                null, 200, ref("Barrier"));
        String[] reasons = {"exhausted", "ordered", "unsafe"};
        schemas.set("ExcludedRegion", open("regionId", id("oxr_"), "agentId", id("krn_"), "center", ref("Basin"), "radius", radius,
                "reason", enumOf(reasons), "visitsWithoutGain", integer(0, Integer.MAX_VALUE), "expiresAt", nullable(time()),
                "active", bool(), "createdAt", time(), "deactivatedAt", nullable(time()), "metadata", object()));
        op("POST", "/api/v1/safety/excluded-regions", "safety", "Exclude a region for one agent (until expiresAt)",
                obj("agentId", id("krn_"), "center", ref("Basin"), "radius", radius, "reason", enumOf(reasons),
                        "visitsWithoutGain?", integer(0, Integer.MAX_VALUE), "expiresAt?", time(), "metadata?", object()),
                201, ref("ExcludedRegion"));
        list("/api/v1/safety/excluded-regions", "safety", "Excluded regions", ref("ExcludedRegion"), "agentId", id("krn_"), "active", bool());
        op("GET", "/api/v1/safety/excluded-regions/{regionId}", "safety", "One excluded region", null, 200, ref("ExcludedRegion"));
        op("POST", "/api/v1/safety/excluded-regions/{regionId}/deactivate", "safety", "Deactivate an excluded region", null, 200,
                ref("ExcludedRegion"));
        schemas.set("EraExclusion", open("exclusionId", id("texcl_"), "start", time(), "end", time(), "center", ref("Basin"),
                "radius", radius, "reason", str(), "active", bool(), "createdAt", time(), "metadata", object()));
        op("POST", "/api/v1/safety/era-exclusions", "safety", "Forbid a ball to everyone during [start, end) (end after start)",
                obj("start", time(), "end", time(), "center", ref("Basin"), "radius", radius, "reason", str(JsonBody.MAX_TEXT),
                        "metadata?", object()), 201, ref("EraExclusion"));
        list("/api/v1/safety/era-exclusions", "safety", "Era exclusions", ref("EraExclusion"), "active", bool());
        op("GET", "/api/v1/safety/era-exclusions/{exclusionId}", "safety", "One era exclusion", null, 200, ref("EraExclusion"));
        op("POST", "/api/v1/safety/era-exclusions/{exclusionId}/deactivate", "safety", "Deactivate an era exclusion", null, 200,
                ref("EraExclusion"));
    }

    private void navigation() {
        String[] reasons = {"exploration", "investigation", "consolidation", "rest"};
        schemas.set("GeodesicPath", open("pathId", id("gp_"), "kernelId", nullable(id("krn_")), "start", ref("Basin"), "end", ref("Basin"),
                "distance", num(0, Math.PI), "numSteps", integer(1, 10_000), "curvatureMax", num(), "reuseCount", integer(0, Integer.MAX_VALUE),
                "computedAt", time(), "lastUsedAt", time(), "metadata", object(), "path?", ref("Path")));
        list("/api/v1/navigation/paths", "navigation", "Stored geodesic paths (without their points)", ref("GeodesicPath"));
        op("GET", "/api/v1/navigation/paths/{pathId}", "navigation", "One stored geodesic path with its points", null, 200, ref("GeodesicPath"));
        op("POST", "/api/v1/agents/{agentId}/navigate", "navigation",
                "Move an agent from start toward target along the geodesic, safety-checking each step (detours or blocks); "
                        + "stores the trajectory and its waypoints",
                obj("start", ref("Basin"), "target", ref("Basin"), "reason", enumOf(reasons), "kappaEff", num(1e-6, 1e6),
                        "baseStep?", num(1e-6, Math.PI), "maxSteps?", integer(1, NavigationRoutes.MAX_STEPS)), 201,
                open("status", enumOf("active", "completed", "blocked", "abandoned"), "finalBasin", ref("Basin"), "steps", integer(0, Integer.MAX_VALUE),
                        "trajectoryId", id("traj_"), "pathId", id("gp_"), "blockedIds", arr(ref("Id")), "blockedReason", nullable(str()),
                        "detours", integer(0, Integer.MAX_VALUE), "preventions", integer(0, Integer.MAX_VALUE)));
        schemas.set("Trajectory", open("trajectoryId", id("traj_"), "agentId", id("krn_"), "pathId", nullable(id("gp_")),
                "start", ref("Basin"), "target", ref("Basin"), "end", nullable(ref("Basin")), "stepCount", integer(0, Integer.MAX_VALUE),
                "durationMs", nullable(integer(0, Long.MAX_VALUE)), "reason", enumOf(reasons),
                "status", enumOf("active", "completed", "blocked", "abandoned"), "blockedReason", nullable(str()),
                "startedAt", time(), "completedAt", nullable(time()), "metadata", object(), "path?", nullable(ref("Path"))));
        list("/api/v1/agents/{agentId}/trajectories", "navigation", "An agent's trajectories, newest first", ref("Trajectory"));
        list("/api/v1/agents/{agentId}/tps-paths", "navigation", "An agent's space-time paths between checkpoints", object());
        op("GET", "/api/v1/trajectories/{trajectoryId}", "navigation", "One trajectory with its path", null, 200, ref("Trajectory"));
        schemas.set("Waypoint", open("waypointId", id("wp_"), "trajectoryId", id("traj_"), "agentId", id("krn_"),
                "sequence", integer(1, Integer.MAX_VALUE), "basin", ref("Basin"), "type", enumOf(reasons), "phi", num(0, 1),
                "kappaEff", num(), "regime", str(), "arrivedAt", time(), "departedAt", nullable(time()),
                "dwellTimeMs", nullable(integer(0, Long.MAX_VALUE)), "metadata", object()));
        list("/api/v1/trajectories/{trajectoryId}/waypoints", "navigation", "A trajectory's waypoints in sequence order", ref("Waypoint"));
        op("POST", "/api/v1/agents/{agentId}/trajectories", "navigation",
                "Open an active trajectory steered by the caller; its start is waypoint 1",
                obj("start", ref("Basin"), "target", ref("Basin"), "reason", enumOf(reasons), "kappaEff", num(1e-6, 1e6)), 201,
                ref("Trajectory"));
        op("POST", "/api/v1/trajectories/{trajectoryId}/waypoints", "navigation",
                "Append one waypoint to an active trajectory: safety-checked (409 inside a forbidden ball), numbered after the "
                        + "last one, which it departs; answered after commit. arrivedAt defaults to now",
                obj("basin", ref("Basin"), "kappaEff?", num(1e-6, 1e6), "arrivedAt?", time()), 201, ref("Waypoint"));
        op("POST", "/api/v1/trajectories/{trajectoryId}/finish", "navigation",
                "Finish an active trajectory: its path, end and summary metadata are computed from its waypoints",
                obj("status", enumOf("completed", "abandoned")), 200, ref("Trajectory"));
    }

    void schema(String name, ObjectNode schema) {
        schemas.set(name, schema);
    }

    /** Describes one JSON operation; {@code request} null for none; query parameters as name/schema pairs. */
    ObjectNode op(String method, String path, String tag, String summary, ObjectNode request, int status, ObjectNode response,
            Object... query) {
        ObjectNode o = operation(method, path, tag, summary);
        for (int i = 0; i < query.length; i += 2) {
            ObjectNode p = ((ArrayNode) o.withArray("parameters")).addObject();
            p.put("name", (String) query[i]).put("in", "query").put("required", false);
            p.set("schema", (ObjectNode) query[i + 1]);
        }
        if (request != null) {
            ObjectNode body = o.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("application/json").set("schema", request);
        }
        ObjectNode responses = o.putObject("responses");
        responses.putObject(Integer.toString(status)).put("description", "success")
                .putObject("content").putObject("application/json").set("schema", response);
        problems(responses, method, request != null);
        return o;
    }

    /** Describes a paginated list endpoint. */
    ObjectNode list(String path, String tag, String summary, ObjectNode item, Object... query) {
        Object[] all = new Object[query.length + 4];
        all[0] = "limit";
        all[1] = integer(1, Page.MAX_LIMIT);
        all[2] = "offset";
        all[3] = integer(0, Page.MAX_OFFSET);
        System.arraycopy(query, 0, all, 4, query.length);
        return op("GET", path, tag, summary, null, 200, page(item), all);
    }

    /** Describes an operation whose request body is raw text (an upload). */
    ObjectNode upload(String path, String tag, String summary, int status, ObjectNode response, Object... query) {
        ObjectNode o = op("POST", path, tag, summary, null, status, response, query);
        ObjectNode content = o.putObject("requestBody").put("required", true).putObject("content");
        for (String t : new String[] {"text/plain", "text/markdown"}) {
            content.putObject(t).set("schema", str());
        }
        problems((ObjectNode) o.get("responses"), "POST", true);
        return o;
    }

    private void text(String method, String path, String tag, String summary, String type) {
        ObjectNode o = operation(method, path, tag, summary);
        o.putObject("responses").putObject("200").put("description", "success")
                .putObject("content").putObject(type).set("schema", str());
    }

    private ObjectNode operation(String method, String path, String tag, String summary) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        String m = method.toLowerCase(Locale.ROOT);
        if (item.has(m)) {
            throw new IllegalStateException(method + " " + path + " is described twice");
        }
        ObjectNode o = item.putObject(m);
        o.put("summary", summary);
        o.putArray("tags").add(tag);
        o.put("operationId", m + path.replaceAll("[^A-Za-z0-9]+", "_"));
        Matcher pm = PATH_PARAM.matcher(path);
        while (pm.find()) {
            ObjectNode p = o.withArray("parameters").addObject();
            p.put("name", pm.group(1)).put("in", "path").put("required", true);
            p.set("schema", ref("Id"));
        }
        if (!method.equals("GET")) {
            o.putArray("security").addObject().putArray("bearer");
        }
        return o;
    }

    private void problems(ObjectNode responses, String method, boolean body) {
        problem(responses, "400", "malformed request: syntax, wrong type, missing or unknown field");
        problem(responses, "404", "unknown id or path");
        problem(responses, "422", "a value breaks a rule (length, range, sum, enum, time order)");
        problem(responses, "503", "database unreachable (Retry-After)");
        if (!method.equals("GET")) {
            problem(responses, "401", "missing or wrong bearer token");
            problem(responses, "409", "conflicts with stored state");
        }
        if (body) {
            problem(responses, "413", "body larger than the limit");
            problem(responses, "415", "unsupported Content-Type");
        }
    }

    private void problem(ObjectNode responses, String status, String description) {
        if (responses.has(status)) {
            return;
        }
        responses.putObject(status).put("description", description)
                .putObject("content").putObject(Problems.CONTENT_TYPE).set("schema", ref("Problem"));
    }
}
