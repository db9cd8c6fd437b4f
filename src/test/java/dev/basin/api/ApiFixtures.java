package dev.basin.api;

import dev.basin.geometry.GeometryRequest;
import dev.basin.BasinEngine;
import static dev.basin.api.FuzzCatalog.Field;
import static dev.basin.api.FuzzCatalog.Kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid requests for every endpoint, and the data they refer to (created through the services): the fuzz test breaks
 * them one field at a time.
 */
final class ApiFixtures {
    private final BasinEngine services;
    private final ApiClient client;
    private final SplittableRandom rnd = new SplittableRandom(3);

    ApiFixtures(BasinEngine services, ApiClient client) {
        this.services = services;
        this.client = client;
    }

    ObjectNode basins(String... names) {
        ObjectNode o = FuzzCatalog.F.objectNode();
        for (String n : names) {
            o.set(n, FuzzCatalog.basin(TestBasins.random(rnd)));
        }
        return o;
    }

    FuzzCatalog catalog() {
        FuzzCatalog c = new FuzzCatalog();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/distance", () -> basins("p", "q"),
                List.of(Field.of("p", Kind.BASIN), Field.of("q", Kind.BASIN)), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/geodesic", () -> basins("from", "to").put("steps", 4),
                List.of(Field.of("from", Kind.BASIN), Field.of("to", Kind.BASIN), Field.of("steps", Kind.INT).range(1, GeometryRequest.MAX_STEPS),
                        Field.of("persist", Kind.BOOL).optional(), Field.of("kernelId", Kind.ID).prefix("krn_").optional()), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/mean", () -> {
            ObjectNode o = FuzzCatalog.F.objectNode();
            o.putArray("points").add(FuzzCatalog.basin(TestBasins.random(rnd))).add(FuzzCatalog.basin(Basin.uniform()));
            o.putArray("weights").add(0.25).add(0.75);
            return o;
        }, List.of(Field.of("points", Kind.BASINS), Field.of("weights", Kind.NUMBERS).optional()), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/phi", () -> basins("basin"), List.of(Field.of("basin", Kind.BASIN)), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/coordize", () -> FuzzCatalog.F.objectNode().put("text", "a quiet sea"),
                List.of(Field.of("text", Kind.STRING).range(0, JsonBody.MAX_TEXT)), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/decode", () -> {
            ObjectNode o = basins("basin");
            o.put("k", 3);
            return o;
        }, List.of(Field.of("basin", Kind.BASIN), Field.of("k", Kind.INT).range(1, GeometryRequest.MAX_DECODE_K)), false));
        safety(c);
        navigation(c);
        features(c);
        return c;
    }

    private String kernel;

    String kernel() {
        if (kernel == null) {
            ApiClient.Reply r = client.post("/api/v1/kernels", basins("basin").put("name", "fixture").put("kappa", 64.21).put("seed", 9));
            if (r.status() != 201) {
                throw new IllegalStateException("fixture kernel not created: " + r.text());
            }
            kernel = r.json().get("kernelId").asText();
        }
        return kernel;
    }

    private static final double PI = Math.PI;

    private void safety(FuzzCatalog c) {
        String k = kernel();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/safety/check", () -> basins("basin").put("at", "2026-01-01T00:00:00Z").put("agentId", k),
                List.of(Field.of("basin", Kind.BASIN), Field.of("at", Kind.TIME).optional(), Field.of("agentId", Kind.ID).prefix("krn_").optional()),
                false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/safety/barriers",
                () -> basins("center").put("radius", 0.05).put("type", "instability").put("severity", 0.5).put("reason", "fixture").put("kernelId", k),
                List.of(Field.of("center", Kind.BASIN), Field.of("radius", Kind.NUMBER).range(0, PI), Field.of("type", Kind.ENUM)
                        .values("suffering", "instability", "decoherence"), Field.of("severity", Kind.NUMBER).range(0, 1),
                        Field.of("reason", Kind.STRING), Field.of("kernelId", Kind.ID).prefix("krn_").optional(),
                        Field.of("metadata", Kind.OBJECT).optional()), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/safety/excluded-regions",
                () -> basins("center").put("agentId", k).put("radius", 0.05).put("reason", "ordered").put("expiresAt", "2999-01-01T00:00:00Z"),
                List.of(Field.of("agentId", Kind.ID).prefix("krn_"), Field.of("center", Kind.BASIN), Field.of("radius", Kind.NUMBER).range(0, PI),
                        Field.of("reason", Kind.ENUM).values("exhausted", "ordered", "unsafe"),
                        Field.of("visitsWithoutGain", Kind.INT).range(0, Integer.MAX_VALUE).optional(),
                        Field.of("expiresAt", Kind.TIME).optional(), Field.of("metadata", Kind.OBJECT).optional()), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/safety/era-exclusions",
                () -> basins("center").put("start", "2026-01-01T00:00:00Z").put("end", "2026-01-02T00:00:00Z").put("radius", 0.05)
                        .put("reason", "maintenance"),
                List.of(Field.of("start", Kind.TIME), Field.of("end", Kind.TIME), Field.of("center", Kind.BASIN),
                        Field.of("radius", Kind.NUMBER).range(0, PI), Field.of("reason", Kind.STRING), Field.of("metadata", Kind.OBJECT).optional()),
                true, List.of(new FuzzCatalog.BadBody("end before start", () -> basins("center").put("start", "2026-01-02T00:00:00Z")
                        .put("end", "2026-01-01T00:00:00Z").put("radius", 0.05).put("reason", "x"), "end"),
                        new FuzzCatalog.BadBody("end equals start", () -> basins("center").put("start", "2026-01-02T00:00:00Z")
                                .put("end", "2026-01-02T00:00:00Z").put("radius", 0.05).put("reason", "x"), "end"))));
        for (String list : new String[] {"/api/v1/safety/barriers", "/api/v1/safety/excluded-regions", "/api/v1/safety/era-exclusions"}) {
            c.gets.add(new FuzzCatalog.Query(list, List.of("limit", "offset", "active")));
        }
        c.idPaths.add("/api/v1/safety/barriers/{barrierId}");
        c.idPaths.add("POST /api/v1/safety/barriers/{barrierId}/deactivate");
        c.idPaths.add("/api/v1/safety/excluded-regions/{regionId}");
        c.idPaths.add("POST /api/v1/safety/excluded-regions/{regionId}/deactivate");
        c.idPaths.add("/api/v1/safety/era-exclusions/{exclusionId}");
        c.idPaths.add("POST /api/v1/safety/era-exclusions/{exclusionId}/deactivate");
    }

    private void features(FuzzCatalog c) {
        String k = kernel();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/kernels", () -> basins("basin").put("name", "fuzz").put("kappa", 60),
                List.of(Field.of("name", Kind.STRING), Field.of("basin", Kind.BASIN), Field.of("kappa", Kind.NUMBER).range(0, 1e6),
                        Field.of("sessionId", Kind.ID).prefix("ses_").optional()), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/kernels/" + k + "/advance", () -> basins("target"),
                List.of(Field.of("target", Kind.BASIN), Field.of("label", Kind.STRING).optional()), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/kernels/" + k + "/fragments",
                () -> basins("basin").put("type", "semantic").put("importance", 0.5).set("content", FuzzCatalog.F.objectNode().put("a", 1)),
                List.of(Field.of("type", Kind.ENUM).values("episodic", "semantic", "procedural"), Field.of("content", Kind.OBJECT),
                        Field.of("basin", Kind.BASIN), Field.of("importance", Kind.NUMBER).range(0, 1e6)), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/kernels/" + k + "/attractors/search", () -> basins("center").put("radius", 0.5),
                List.of(Field.of("center", Kind.BASIN), Field.of("radius", Kind.NUMBER).range(0, PI)), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/knowledge/false-patterns",
                () -> basins("signature").put("description", "d").put("falseReason", "r").put("detectionMethod", "manual").put("radius", 0.1),
                List.of(Field.of("description", Kind.STRING), Field.of("falseReason", Kind.STRING),
                        Field.of("detectionMethod", Kind.ENUM).values("outcome_invalidated", "barrier_overlap", "manual"),
                        Field.of("signature", Kind.BASIN), Field.of("radius", Kind.NUMBER).range(0, PI)), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/documents/query", () -> FuzzCatalog.F.objectNode().put("text", "sea").put("k", 2),
                List.of(Field.of("text", Kind.STRING), Field.of("k", Kind.INT).range(1, 1000).optional()), false));
        for (String list : new String[] {"/api/v1/kernels", "/api/v1/tools", "/api/v1/insights", "/api/v1/documents",
                "/api/v1/knowledge/cross-patterns", "/api/v1/knowledge/false-patterns", "/api/v1/knowledge/scale-mappings"}) {
            c.gets.add(new FuzzCatalog.Query(list, List.of("limit", "offset")));
        }
        for (String p : new String[] {"/api/v1/kernels/{kernelId}", "/api/v1/kernels/{kernelId}/checkpoints", "POST /api/v1/kernels/{kernelId}/sleep",
                "/api/v1/checkpoints/{checkpointId}", "POST /api/v1/checkpoints/{checkpointId}/restore", "/api/v1/attractors/{attractorId}",
                "/api/v1/tools/{toolId}", "/api/v1/insights/{insightId}", "/api/v1/documents/{uploadId}", "/api/v1/documents/{uploadId}/stats",
                "/api/v1/kernels/{kernelId}/emotions", "/api/v1/kernels/{kernelId}/thoughts"}) {
            c.idPaths.add(p);
        }
    }

    private void navigation(FuzzCatalog c) {
        String k = kernel();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/agents/" + k + "/navigate",
                () -> basins("start", "target").put("reason", "exploration").put("kappaEff", 64.21).put("maxSteps", 3),
                List.of(Field.of("start", Kind.BASIN), Field.of("target", Kind.BASIN),
                        Field.of("reason", Kind.ENUM).values("exploration", "investigation", "consolidation", "rest"),
                        Field.of("kappaEff", Kind.NUMBER).range(1e-6, 1e6), Field.of("baseStep", Kind.NUMBER).range(1e-6, PI).optional(),
                        Field.of("maxSteps", Kind.INT).range(1, NavigationRoutes.MAX_STEPS).optional()), true));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/agents/" + k + "/trajectories",
                () -> basins("start", "target").put("reason", "rest").put("kappaEff", 64.21),
                List.of(Field.of("start", Kind.BASIN), Field.of("target", Kind.BASIN),
                        Field.of("reason", Kind.ENUM).values("exploration", "investigation", "consolidation", "rest"),
                        Field.of("kappaEff", Kind.NUMBER).range(1e-6, 1e6)), true));
        String t = services.ocean().recorder().open(k, TestBasins.random(rnd), TestBasins.random(rnd),
                dev.basin.navigation.MovementReason.EXPLORATION, 64.21).trajectoryId();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/trajectories/" + t + "/waypoints",
                () -> basins("basin").put("kappaEff", 50.0).put("arrivedAt", "2099-01-01T00:00:00Z"),
                List.of(Field.of("basin", Kind.BASIN), Field.of("kappaEff", Kind.NUMBER).range(1e-6, 1e6).optional(),
                        Field.of("arrivedAt", Kind.TIME).optional()), true));
        String finished = services.ocean().recorder().open(k, TestBasins.random(rnd), TestBasins.random(rnd),
                dev.basin.navigation.MovementReason.REST, 64.21).trajectoryId();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/trajectories/" + finished + "/finish",
                () -> FuzzCatalog.F.objectNode().put("status", "completed"),
                List.of(Field.of("status", Kind.ENUM).values("completed", "abandoned")), true));
        c.gets.add(new FuzzCatalog.Query("/api/v1/navigation/paths", List.of("limit", "offset")));
        c.gets.add(new FuzzCatalog.Query("/api/v1/agents/" + k + "/trajectories", List.of("limit", "offset")));
        c.idPaths.add("/api/v1/navigation/paths/{pathId}");
        c.idPaths.add("/api/v1/agents/{agentId}/trajectories");
        c.idPaths.add("/api/v1/agents/{agentId}/tps-paths");
        c.idPaths.add("POST /api/v1/agents/{agentId}/navigate");
        c.idPaths.add("POST /api/v1/agents/{agentId}/trajectories");
        c.idPaths.add("POST /api/v1/trajectories/{trajectoryId}/waypoints");
        c.idPaths.add("POST /api/v1/trajectories/{trajectoryId}/finish");
        c.idPaths.add("/api/v1/trajectories/{trajectoryId}");
        c.idPaths.add("/api/v1/trajectories/{trajectoryId}/waypoints");
    }
}
