package dev.basin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.EraExclusionRow;
import dev.basin.safety.ExcludedRegionRow;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyService;
import dev.basin.safety.SafetyVerdict;
import dev.basin.safety.Violation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Safety over HTTP: the check, and barriers, excluded regions and era exclusions (create, list, get, deactivate).
 * Radii are Fisher–Rao lengths in (0, π].
 */
final class SafetyRoutes {
    private final Requests requests;
    private final SafetyService safety;
    private final Clock clock;

    SafetyRoutes(Requests requests, SafetyService safety, Clock clock) {
        this.requests = requests;
        this.safety = safety;
        this.clock = clock;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/safety/check", this::check);
        r.post("/api/v1/safety/barriers", this::createBarrier);
        r.get("/api/v1/safety/barriers", ctx -> {
            Page page = Page.of(ctx);
            boolean active = Params.bool(ctx, "active", true);
            ctx.json(page.answer(safety.queries().listBarriers(active, page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
        r.get("/api/v1/safety/barriers/{barrierId}", ctx -> ctx.json(Json.fields(safety.queries()
                .barrier(Params.id(ctx, "barrierId", "barrier_")).orElseThrow(() -> unknown("barrierId")))));
        r.post("/api/v1/safety/barriers/{barrierId}/deactivate", ctx -> {
            String id = Params.id(ctx, "barrierId", "barrier_");
            requests.optionalJson(ctx).finish();
            safety.deactivateBarrier(id);
            ctx.json(Json.fields(safety.queries().barrier(id).orElseThrow()));
        });
        r.post("/api/v1/safety/excluded-regions", this::createRegion);
        r.get("/api/v1/safety/excluded-regions", ctx -> {
            Page page = Page.of(ctx);
            String agent = Params.optionalId(ctx, "agentId", "krn_").orElse(null);
            boolean active = Params.bool(ctx, "active", true);
            ctx.json(page.answer(safety.queries().listRegions(agent, active, page.fetch(), page.offset()).stream()
                    .map(Json::fields).toList()));
        });
        r.get("/api/v1/safety/excluded-regions/{regionId}", ctx -> ctx.json(Json.fields(safety.queries()
                .region(Params.id(ctx, "regionId", "oxr_")).orElseThrow(() -> unknown("regionId")))));
        r.post("/api/v1/safety/excluded-regions/{regionId}/deactivate", ctx -> {
            String id = Params.id(ctx, "regionId", "oxr_");
            requests.optionalJson(ctx).finish();
            safety.deactivateExcludedRegion(id);
            ctx.json(Json.fields(safety.queries().region(id).orElseThrow()));
        });
        r.post("/api/v1/safety/era-exclusions", this::createEra);
        r.get("/api/v1/safety/era-exclusions", ctx -> {
            Page page = Page.of(ctx);
            boolean active = Params.bool(ctx, "active", true);
            ctx.json(page.answer(safety.queries().listEras(active, page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
        r.get("/api/v1/safety/era-exclusions/{exclusionId}", ctx -> ctx.json(Json.fields(safety.queries()
                .era(Params.id(ctx, "exclusionId", "texcl_")).orElseThrow(() -> unknown("exclusionId")))));
        r.post("/api/v1/safety/era-exclusions/{exclusionId}/deactivate", ctx -> {
            String id = Params.id(ctx, "exclusionId", "texcl_");
            requests.optionalJson(ctx).finish();
            safety.deactivateEraExclusion(id);
            ctx.json(Json.fields(safety.queries().era(id).orElseThrow()));
        });
    }

    private void check(Context ctx) {
        JsonBody b = requests.json(ctx);
        Basin basin = b.basin("basin");
        Instant at = b.optionalInstant("at").orElseGet(clock::instant);
        String agent = b.optionalId("agentId", "krn_").orElse(null);
        b.finish();
        if (agent != null && !safety.queries().kernelExists(agent)) {
            throw unknown("agentId");
        }
        SafetyVerdict v = safety.check(basin, at, agent);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("safe", v.safe());
        out.put("violations", v.violations().stream().map(Json::fields).toList());
        ctx.json(out);
    }

    private void createBarrier(Context ctx) {
        JsonBody b = requests.json(ctx);
        Basin center = b.basin("center");
        double radius = b.number("radius");
        BarrierType type = b.choice("type", BarrierType.class);
        double severity = b.number("severity");
        String reason = b.string("reason", JsonBody.MAX_TEXT);
        String kernel = b.optionalId("kernelId", "krn_").orElse(null);
        ObjectNode metadata = b.optionalObject("metadata").orElse(null);
        b.finish();
        ctx.status(201).json(Json.fields(safety.createBarrier(new NewBarrier(kernel, center, radius, type, severity, reason, metadata))));
    }

    private void createRegion(Context ctx) {
        JsonBody b = requests.json(ctx);
        String agent = b.id("agentId", "krn_");
        Basin center = b.basin("center");
        double radius = b.number("radius");
        ExclusionReason reason = b.choice("reason", ExclusionReason.class);
        int visits = (int) b.optionalInteger("visitsWithoutGain", 0, Integer.MAX_VALUE).orElse(0L).longValue();
        Instant expires = b.optionalInstant("expiresAt").orElse(null);
        ObjectNode metadata = b.optionalObject("metadata").orElse(null);
        b.finish();
        ctx.status(201).json(Json.fields(safety.createExcludedRegion(agent, center, radius, reason, visits, expires, metadata)));
    }

    private void createEra(Context ctx) {
        JsonBody b = requests.json(ctx);
        Instant start = b.instant("start");
        Instant end = b.instant("end");
        Basin center = b.basin("center");
        double radius = b.number("radius");
        String reason = b.string("reason", JsonBody.MAX_TEXT);
        ObjectNode metadata = b.optionalObject("metadata").orElse(null);
        b.finish();
        ctx.status(201).json(Json.fields(safety.createEraExclusion(start, end, center, radius, reason, metadata)));
    }

    static ApiProblem unknown(String field) {
        return ApiProblem.notFound(field, "names nothing stored");
    }

    static List<String> types() {
        return List.copyOf(Enums.names(BarrierType.values(), BarrierType::sqlName));
    }
}
