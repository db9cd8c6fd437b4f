package dev.basin.api;

import dev.basin.geometry.Basin;
import dev.basin.navigation.GeodesicPathRow;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationQueries;
import dev.basin.navigation.NavigationRequest;
import dev.basin.navigation.NavigationResult;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.TpsPathRow;
import dev.basin.navigation.TrajectoryRecorder;
import dev.basin.navigation.TrajectoryRow;
import dev.basin.navigation.TrajectoryStatus;
import dev.basin.navigation.WaypointRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Navigation over HTTP: stored geodesic paths, an agent's trajectories with their waypoints and space-time paths, a
 * navigation run by the ocean agent (every step safety-checked; trajectory and waypoints stored), and trajectories
 * steered by the caller: open, append one waypoint per request (safety-checked, acknowledged after commit), finish.
 */
final class NavigationRoutes {
    /** Most steps one navigation request may take. */
    static final int MAX_STEPS = 10_000;

    private final Requests requests;
    private final OceanAgent agent;
    private final TrajectoryRecorder recorder;
    private final NavigationQueries queries;

    NavigationRoutes(Requests requests, OceanAgent agent) {
        this.requests = requests;
        this.agent = agent;
        this.recorder = agent.recorder();
        this.queries = agent.queries();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/navigation/paths", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(queries.listPaths(page.fetch(), page.offset()).stream().map(p -> path(p, false)).toList()));
        });
        r.get("/api/v1/navigation/paths/{pathId}", ctx -> ctx.json(path(queries.path(Params.id(ctx, "pathId", "gp_"))
                .orElseThrow(() -> SafetyRoutes.unknown("pathId")), true)));
        r.post("/api/v1/agents/{agentId}/navigate", this::navigate);
        r.post("/api/v1/agents/{agentId}/trajectories", this::open);
        r.post("/api/v1/trajectories/{trajectoryId}/waypoints", this::append);
        r.post("/api/v1/trajectories/{trajectoryId}/finish", this::finish);
        r.get("/api/v1/agents/{agentId}/trajectories", ctx -> {
            String id = Params.id(ctx, "agentId", "krn_");
            Page page = Page.of(ctx);
            requireAgent(id);
            ctx.json(page.answer(queries.listTrajectories(id, page.fetch(), page.offset()).stream().map(t -> trajectory(t, false)).toList()));
        });
        r.get("/api/v1/agents/{agentId}/tps-paths", ctx -> {
            String id = Params.id(ctx, "agentId", "krn_");
            Page page = Page.of(ctx);
            requireAgent(id);
            ctx.json(page.answer(queries.listTpsPaths(id, page.fetch(), page.offset()).stream().map(NavigationRoutes::tps).toList()));
        });
        r.get("/api/v1/trajectories/{trajectoryId}", ctx -> ctx.json(trajectory(queries.trajectory(
                Params.id(ctx, "trajectoryId", "traj_")).orElseThrow(() -> SafetyRoutes.unknown("trajectoryId")), true)));
        r.get("/api/v1/trajectories/{trajectoryId}/waypoints", ctx -> {
            String id = Params.id(ctx, "trajectoryId", "traj_");
            Page page = Page.of(ctx);
            queries.trajectory(id).orElseThrow(() -> SafetyRoutes.unknown("trajectoryId"));
            ctx.json(page.answer(queries.waypoints(id, page.fetch(), page.offset()).stream().map(NavigationRoutes::waypoint).toList()));
        });
    }

    private void requireAgent(String id) {
        if (!queries.kernelExists(id)) {
            throw SafetyRoutes.unknown("agentId");
        }
    }

    /** The agent of the path and the move its body asks for: start, target, reason, κ_eff (further fields unread). */
    private record Move(String agentId, JsonBody body, Basin start, Basin target, MovementReason reason, double kappaEff) {}

    private Move move(Context ctx) {
        String id = Params.id(ctx, "agentId", "krn_");
        requireAgent(id);
        JsonBody b = requests.json(ctx);
        Basin start = b.basin("start");
        Basin target = b.basin("target");
        MovementReason reason = b.choice("reason", MovementReason.class);
        return new Move(id, b, start, target, reason, b.number("kappaEff", 1e-6, 1e6));
    }

    private void navigate(Context ctx) {
        Move m = move(ctx);
        JsonBody b = m.body();
        String id = m.agentId();
        Basin start = m.start();
        Basin target = m.target();
        MovementReason reason = m.reason();
        double kappaEff = m.kappaEff();
        double baseStep = b.optionalNumber("baseStep", 1e-6, Math.PI).orElse(NavigationRequest.DEFAULT_BASE_STEP);
        int maxSteps = (int) b.optionalInteger("maxSteps", 1, MAX_STEPS).orElse(1_000L).longValue();
        b.finish();
        NavigationResult res = agent.navigate(new NavigationRequest(id, start, target, reason, kappaEff, baseStep, maxSteps,
                Duration.ofSeconds(1)), null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", res.status().sqlName());
        out.put("finalBasin", res.finalBasin());
        out.put("steps", res.steps());
        out.put("trajectoryId", res.trajectoryId());
        out.put("pathId", res.pathId());
        out.put("blockedIds", res.blockedIds());
        out.put("blockedReason", res.blockedReason());
        out.put("detours", res.detours());
        out.put("preventions", res.preventions());
        ctx.status(201).json(out);
    }

    private void open(Context ctx) {
        Move m = move(ctx);
        m.body().finish();
        ctx.status(201).json(trajectory(recorder.open(m.agentId(), m.start(), m.target(), m.reason(), m.kappaEff()), false));
    }

    private void append(Context ctx) {
        String id = Params.id(ctx, "trajectoryId", "traj_");
        JsonBody b = requests.json(ctx);
        Basin basin = b.basin("basin");
        Double kappaEff = b.optionalNumber("kappaEff", 1e-6, 1e6).orElse(null);
        java.time.Instant arrivedAt = b.optionalInstant("arrivedAt").orElse(null);
        b.finish();
        ctx.status(201).json(waypoint(recorder.append(id, basin, kappaEff, arrivedAt)));
    }

    private void finish(Context ctx) {
        String id = Params.id(ctx, "trajectoryId", "traj_");
        JsonBody b = requests.json(ctx);
        String status = b.choice("status", java.util.Set.of("completed", "abandoned"));
        b.finish();
        TrajectoryStatus s = status.equals("completed") ? TrajectoryStatus.COMPLETED : TrajectoryStatus.ABANDONED;
        ctx.json(trajectory(recorder.finish(id, s), false));
    }

    static Map<String, Object> path(GeodesicPathRow p, boolean withPoints) {
        Map<String, Object> m = Json.fields(p);
        m.remove("startKey");
        m.remove("endKey");
        if (!withPoints) {
            m.remove("path");
        }
        return m;
    }

    static Map<String, Object> trajectory(TrajectoryRow t, boolean withPoints) {
        Map<String, Object> m = Json.fields(t);
        if (!withPoints) {
            m.remove("path");
        }
        return m;
    }

    static Map<String, Object> waypoint(WaypointRow w) {
        return Json.fields(w);
    }

    static Map<String, Object> tps(TpsPathRow t) {
        Map<String, Object> m = Json.fields(t);
        m.remove("metadata");
        return m;
    }
}
