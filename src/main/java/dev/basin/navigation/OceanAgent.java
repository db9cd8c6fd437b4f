package dev.basin.navigation;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.Curvature;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;
import dev.basin.safety.SafetyService;
import dev.basin.safety.Violation;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The explorer that moves a kernel through basin space (docs/navigation.md). {@link #navigate} plans the geodesic
 * (stored or reused by the {@link GeodesicPlanner}), opens an {@code ocean_trajectories} row, then moves one step at a
 * time — length base_step·κ_eff/κ*, never past the goal — checking each step with the {@link SafetyService} before
 * taking it. A step that would enter a forbidden ball counts a prevention on each barrier involved and makes the agent
 * detour (see {@link DetourFinder}); with no detour the trajectory ends {@code blocked} naming the balls. Every stop is
 * an {@code ocean_waypoints} row (sequence 1 = start), written in bulk once departed; the trajectory row is completed
 * in the same transaction as the last waypoints.
 */
public final class OceanAgent {
    private final Store store;
    private final Clock clock;
    private final SafetyService safety;
    private final GeodesicPlanner planner;
    private final AgentSettings settings;
    private final NavigationQueries queries;
    private final DetourFinder detours;
    private final Exhaustion exhaustion;
    private final TrajectoryRecorder recorder;

    public OceanAgent(Store store, Clock clock, SafetyService safety, GeodesicPlanner planner, AgentSettings settings) {
        this.store = store;
        this.clock = clock;
        this.safety = safety;
        this.planner = planner;
        this.settings = settings;
        this.queries = new NavigationQueries(store.jdbi());
        this.detours = new DetourFinder(safety);
        this.exhaustion = new Exhaustion(safety, settings, store.json());
        this.recorder = new TrajectoryRecorder(store, clock, safety, queries, exhaustion);
    }

    /** Trajectories steered by the caller, one appended stop at a time, sharing this agent's safety and no-go memory. */
    public TrajectoryRecorder recorder() {
        return recorder;
    }

    /** Moves {@code request.agentId()} from start toward target; {@code observer} sees every step. */
    public NavigationResult navigate(NavigationRequest request, StepObserver observer) {
        validate(request);
        StepObserver obs = observer == null ? StepObserver.NONE : observer;
        String agent = request.agentId();
        double stepLength = Coupling.stepLength(request.baseStep(), request.kappaEff());
        Basin start = request.start();
        Basin target = request.target();
        double total = FisherRao.distance(start, target);
        int planned = (int) Math.min(GeodesicPlanner.MAX_STEPS, Math.max(1, Math.ceil(total / stepLength)));
        GeodesicPlanner.PlannedPath plan = planner.plan(agent, start, target, planned, request.reason().sqlName());

        Instant t0 = clock.instant();
        String trajectoryId = Ids.next("traj_");
        ObjectNode openMeta = store.json().createObjectNode().put("planned_steps", planned).put("step_length", stepLength)
                .put("kappa_eff", request.kappaEff()).put("plan_reused", plan.reused());
        store.insert(NavigationTables.TRAJECTORIES, new TrajectoryRow(trajectoryId, agent, plan.pathId(), start, target,
                null, null, 0, null, request.reason(), TrajectoryStatus.ACTIVE, null, t0, null, openMeta));

        Walk walk = new Walk(request, trajectoryId, stepLength, t0);
        Deque<Basin> goals = new ArrayDeque<>();
        goals.push(target);
        TrajectoryStatus status = null;
        List<String> blockedIds = List.of();
        String blockedReason = null;
        Set<String> prevented = new LinkedHashSet<>();
        int preventions = 0;
        int detourCount = 0;
        while (status == null) {
            Basin here = walk.here();
            if (here.equals(target)) {
                status = TrajectoryStatus.COMPLETED;
                break;
            }
            if (walk.steps() >= request.maxSteps()) {
                status = TrajectoryStatus.ABANDONED;
                break;
            }
            if (here.equals(goals.peek())) {
                goals.pop();
                continue;
            }
            Basin goal = goals.peek();
            Basin next = FisherRao.stepToward(here, goal, stepLength);
            Instant at = walk.arrivalAt(next, obs);
            List<Violation> entering = detours.entering(here, next, at, agent);
            if (entering.isEmpty()) {
                walk.take(next, at, goals.size() > 1, target, obs);
                flushIfFull(walk);
                List<String> stop = obs.stopBy();
                if (!stop.isEmpty()) {
                    status = TrajectoryStatus.BLOCKED;
                    blockedIds = List.copyOf(stop);
                    blockedReason = "stopped after step " + walk.steps() + ": " + String.join(", ", stop)
                            + " raised around the movement while it went on";
                    break;
                }
                continue;
            }
            preventions += safety.recordPreventions(entering);
            entering.forEach(v -> prevented.add(v.id()));
            Set<String> ids = new LinkedHashSet<>();
            entering.forEach(v -> ids.add(v.id()));
            Basin w = detourCount < settings.maxDetours()
                    ? detours.find(here, goal, safety.ball(entering.get(0).id()), ids, stepLength, at, agent)
                    : null;
            if (w == null) {
                status = TrajectoryStatus.BLOCKED;
                blockedIds = List.copyOf(ids);
                blockedReason = blockedReason(walk.steps() + 1, entering, detourCount);
                break;
            }
            goals.push(w);
            detourCount++;
        }
        Instant end = walk.timeOf(walk.steps());
        walk.arriveLast();
        ObjectNode meta = walk.summary(store.json().createObjectNode(), detourCount, preventions, prevented)
                .put("planned_steps", planned).put("step_length", stepLength).put("plan_reused", plan.reused())
                .put("kappa_eff", request.kappaEff());
        TrajectoryStatus fin = status;
        String reason = blockedReason;
        double travelled = meta.get("max_curvature").asDouble();
        store.useTransaction(tx -> {
            if (!walk.pending().isEmpty()) {
                tx.copy(NavigationTables.WAYPOINTS, walk.pending());
            }
            if (walk.steps() > 0) {
                planner.travelled(tx, plan.pathId(), travelled);
            }
            tx.update(dev.basin.store.Update.of(NavigationTables.TRAJECTORIES).set("status", fin.sqlName())
                    .set("end_basin", walk.here()).set("path_coordinates", walk.points()).set("step_count", walk.steps())
                    .set("duration_ms", java.time.Duration.between(t0, end).toMillis()).set("completed_at", end)
                    .set("blocked_reason", reason).set("metadata", meta).where("trajectory_id", trajectoryId));
        });
        walk.pending().clear();
        exhaustion.afterTrajectory(agent, start, target, walk.here(), fin, end);
        return new NavigationResult(fin, walk.here(), walk.steps(), trajectoryId, plan.pathId(), blockedIds, blockedReason,
                detourCount, preventions, walk.samples());
    }

    /** Reads of this agent's tables. */
    public NavigationQueries queries() {
        return queries;
    }

    private void flushIfFull(Walk walk) {
        if (walk.pending().size() >= settings.waypointFlush()) {
            store.copy(NavigationTables.WAYPOINTS, List.copyOf(walk.pending()));
            walk.pending().clear();
        }
    }

    private static String blockedReason(int step, List<Violation> entering, int detourCount) {
        StringBuilder b = new StringBuilder("step ").append(step).append(" would enter");
        for (Violation v : entering) {
            b.append(' ').append(v.describe()).append(';');
        }
        return b.append(" no detour found after ").append(detourCount).append(" detours").toString();
    }

    private void validate(NavigationRequest r) {
        requirePresent("request", r);
        if (r.agentId() == null || r.agentId().isBlank()) {
            throw new InvalidInputException("agentId", "must not be blank");
        }
        requirePresent("start", r.start());
        requirePresent("target", r.target());
        requirePresent("reason", r.reason());
        NavigationRequest.requireKappaEff(r.kappaEff());
        if (!(r.baseStep() > 0.0 && r.baseStep() <= Math.PI)) {
            throw new InvalidInputException("baseStep", "must be in (0, π], is " + r.baseStep());
        }
        if (r.maxSteps() < 1 || r.maxSteps() > GeodesicPlanner.MAX_STEPS) {
            throw new InvalidInputException("maxSteps", "must be in [1, " + GeodesicPlanner.MAX_STEPS + "], is " + r.maxSteps());
        }
        if (r.stepDuration() != null && r.stepDuration().isNegative()) {
            throw new InvalidInputException("stepDuration", "must not be negative, is " + r.stepDuration());
        }
        if (!queries.kernelExists(r.agentId())) {
            throw UnknownIdException.worded("agentId", "is an unknown kernel: " + r.agentId());
        }
    }

    /** The steps of one navigation: points, times, samples, and the departed waypoints not yet written. */
    private final class Walk {
        private final NavigationRequest req;
        private final String trajectoryId;
        private final double stepLength;
        private final Instant t0;
        private final List<Double> kappas = new ArrayList<>();
        private final List<Basin> points = new ArrayList<>();
        private final List<Instant> times = new ArrayList<>();
        private final List<Boolean> onDetour = new ArrayList<>();
        private final List<StepSample> samples = new ArrayList<>();
        private final List<WaypointRow> pending = new ArrayList<>();

        Walk(NavigationRequest req, String trajectoryId, double stepLength, Instant t0) {
            this.req = req;
            this.trajectoryId = trajectoryId;
            this.stepLength = stepLength;
            this.t0 = t0;
            kappas.add(req.kappaEff());
            points.add(req.start());
            times.add(t0);
            onDetour.add(false);
        }

        Basin here() {
            return points.get(points.size() - 1);
        }

        int steps() {
            return points.size() - 1;
        }

        List<Basin> points() {
            return points;
        }

        List<WaypointRow> pending() {
            return pending;
        }

        List<StepSample> samples() {
            return samples;
        }

        Instant timeOf(int step) {
            return times.get(step);
        }

        /**
         * When the kernel reaches {@code next} from here. A step of Fisher–Rao length ℓ takes
         * stepDuration · (ℓ / stepLength) · (κ_eff at the start / κ_eff now): the planned step length is covered in one
         * step duration at the starting coupling, a shorter step (the last) takes proportionally less, and the pace
         * follows the kernel's κ_eff as it evolves (the observer's; the request's when it reports none). Whole
         * milliseconds, at least one (a step, however short, takes time: its rows follow the plan's). Without a step
         * duration: the clock's time.
         */
        Instant arrivalAt(Basin next, StepObserver obs) {
            if (req.stepDuration() == null) {
                return clock.instant();
            }
            double ratio = FisherRao.distance(here(), next) / stepLength * (req.kappaEff() / kappaNow(obs));
            long ms = Math.max(1, Math.round(req.stepDuration().toMillis() * ratio));
            return times.get(times.size() - 1).plusMillis(ms);
        }

        private double kappaNow(StepObserver obs) {
            double k = obs.kappaEff();
            return Double.isFinite(k) && k > 0.0 ? k : kappas.get(kappas.size() - 1);
        }

        void take(Basin next, Instant at, boolean detour, Basin target, StepObserver obs) {
            points.add(next);
            times.add(at);
            onDetour.add(detour);
            int n = points.size();
            double turn = n >= 3 ? Curvature.of(points.subList(n - 3, n))[0] : 0.0;
            pending.add(waypoint(n - 2, at, turn, target));
            StepSample s = new StepSample(n, next, FisherRao.distance(next, target), turn, Integration.phi(next), at, detour);
            samples.add(s);
            obs.onStep(s);
            kappas.add(kappaNow(obs));
        }

        /** The last stop: arrived, not departed. */
        void arriveLast() {
            pending.add(waypoint(points.size() - 1, null, 0.0, req.target()));
        }

        /** The waypoint of point {@code k} (0-based), departed at {@code departed} (null: not departed). */
        private WaypointRow waypoint(int k, Instant departed, double turn, Basin target) {
            Basin b = points.get(k);
            Instant arrived = times.get(k);
            ObjectNode m = store.json().createObjectNode().put("step", k).put("distance_to_target",
                    FisherRao.distance(b, target)).put("turn_curvature", turn).put("detour", onDetour.get(k))
                    .put("step_length", stepLength);
            Long dwell = departed == null ? null : java.time.Duration.between(arrived, departed).toMillis();
            double kappa = kappas.get(k);
            return new WaypointRow(Ids.next("wp_"), trajectoryId, req.agentId(), k + 1, b, req.reason(),
                    Integration.phi(b), kappa, Regime.of(kappa).sqlName(), arrived, departed, dwell, m);
        }

        ObjectNode summary(ObjectNode m, int detourCount, int preventions, Set<String> prevented) {
            double seconds = java.time.Duration.between(t0, timeOf(steps())).toMillis() / 1000.0;
            PathSummary.put(m, points, seconds, req.target()).put("detours", detourCount).put("preventions", preventions);
            m.putArray("prevented_ids").addAll(prevented.stream().map(m::textNode).toList());
            return m;
        }
    }
}
