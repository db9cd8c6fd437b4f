package dev.basin.navigation;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;
import dev.basin.safety.SafetyService;
import dev.basin.safety.SafetyVerdict;
import dev.basin.safety.Violation;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trajectories moved by their caller rather than by the {@link OceanAgent}: a service that steers a kernel itself
 * {@linkplain #open opens} a trajectory at its start, {@linkplain #append appends} each stop as it happens, and
 * {@linkplain #finish finishes} it. Each appended stop is checked against the safety index first (a stop inside a
 * forbidden ball is refused and counts a prevention, as for the agent's own steps), is numbered after the last stop
 * under the trajectory row's lock, and is acknowledged only after commit. Appends only insert: the previous stop's
 * departure (this stop's arrival) and the step count are derived by the reads while the trajectory is active and
 * written when it finishes. Concurrent appends share a transaction and are written together ({@link WaypointAppends}), which is what
 * lets many callers append at once without each waiting for its own statements and flush.
 */
public final class TrajectoryRecorder {
    /** Trajectories whose fixed facts are kept in memory (agent, reason, κ, target never change once opened). */
    static final int FACTS_CACHE = 4096;

    /** The metadata key and value marking a trajectory opened here (the agent's own take no appended waypoints). */
    static final String STEERED_BY = "steered_by";
    static final String STEERED_BY_CALLER = "caller";

    /** What an open trajectory is, fixed at open. */
    private record Facts(String agentId, MovementReason reason, double kappaEff, Basin target) {}

    private final Store store;
    private final Clock clock;
    private final SafetyService safety;
    private final NavigationQueries queries;
    private final Exhaustion exhaustion;
    private final ObjectMapper json;
    private final WaypointAppends appends = new WaypointAppends();
    private final Map<String, Facts> facts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Facts> eldest) {
            return size() > FACTS_CACHE;
        }
    };

    TrajectoryRecorder(Store store, Clock clock, SafetyService safety, NavigationQueries queries, Exhaustion exhaustion) {
        this.store = store;
        this.clock = clock;
        this.safety = safety;
        this.queries = queries;
        this.exhaustion = exhaustion;
        this.json = store.json();
    }

    /**
     * Opens an {@code active} trajectory of {@code agentId} at {@code start} (its first stop, sequence 1) heading
     * for {@code target}; stops appended later take {@code reason} as their type and {@code kappaEff} unless they
     * give their own.
     */
    public TrajectoryRow open(String agentId, Basin start, Basin target, MovementReason reason, double kappaEff) {
        require(start, "start");
        require(target, "target");
        require(reason, "reason");
        NavigationRequest.requireKappaEff(kappaEff);
        if (agentId == null || !queries.kernelExists(agentId)) {
            throw UnknownIdException.worded("agentId", "is an unknown kernel: " + agentId);
        }
        Instant t0 = clock.instant();
        String id = Ids.next("traj_");
        ObjectNode meta = json.createObjectNode().put("kappa_eff", kappaEff).put(STEERED_BY, STEERED_BY_CALLER);
        TrajectoryRow row = new TrajectoryRow(id, agentId, null, start, target, null, null, 0, null, reason,
                TrajectoryStatus.ACTIVE, null, t0, null, meta);
        WaypointRow first = new WaypointRow(Ids.next("wp_"), id, agentId, 1, start, reason, Integration.phi(start), kappaEff,
                Regime.of(kappaEff).sqlName(), t0, null, null, stopMeta(0, start, target));
        store.useTransaction(tx -> {
            tx.insert(NavigationTables.TRAJECTORIES, row);
            tx.insert(NavigationTables.WAYPOINTS, first);
        });
        remember(id, new Facts(agentId, reason, kappaEff, target));
        return row;
    }

    /**
     * Appends the stop {@code basin} to active trajectory {@code trajectoryId}, arrived at {@code arrivedAt} (null:
     * now, or the previous stop's arrival if the clock is behind it), with {@code kappaEff} (null: the trajectory's).
     * Returns the stored row (not yet departed) after commit.
     *
     * @throws TrajectoryNotFoundException if there is no such trajectory
     * @throws TrajectoryConflictException if it is not active, {@code arrivedAt} is before the previous stop's
     *     arrival, or {@code basin} lies inside a forbidden ball (a prevention is then counted on each barrier)
     */
    public WaypointRow append(String trajectoryId, Basin basin, Double kappaEff, Instant arrivedAt) {
        require(basin, "basin");
        if (kappaEff != null) {
            NavigationRequest.requireKappaEff(kappaEff);
        }
        Facts f = facts(trajectoryId);
        Instant at = (arrivedAt == null ? clock.instant() : arrivedAt).truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision
        SafetyVerdict verdict = safety.check(basin, at, f.agentId());
        if (!verdict.safe()) {
            safety.recordPreventions(verdict.violations());
            throw new TrajectoryConflictException("basin", "lies inside "
                    + String.join("; ", verdict.violations().stream().map(Violation::describe).toList()));
        }
        double kappa = kappaEff == null ? f.kappaEff() : kappaEff;
        WaypointRow draft = new WaypointRow(Ids.next("wp_"), trajectoryId, f.agentId(), 0, basin, f.reason(),
                Integration.phi(basin), kappa, Regime.of(kappa).sqlName(), at, null, null, stopMeta(0, basin, f.target()));
        WaypointAppends.Outcome r = store.inSharedTransaction(appends, new WaypointAppends.Request(draft, arrivedAt != null));
        if (r.refusal() != null) {
            throw r.refusal();
        }
        return r.row();
    }

    /**
     * Ends active trajectory {@code trajectoryId} as {@code completed} or {@code abandoned}: its path is its stops in
     * order, its end the last stop, and its metadata the path summary (length, geodesic ratio, mean velocity, maximum
     * curvature); every stop but the last gets its departure (the next stop's arrival) and dwell time stored, and the
     * trajectory its step count. Appends racing with it are ordered by the trajectory row's lock: each lands before it
     * or is refused.
     */
    public TrajectoryRow finish(String trajectoryId, TrajectoryStatus status) {
        if (status != TrajectoryStatus.COMPLETED && status != TrajectoryStatus.ABANDONED) {
            throw new InvalidInputException("status", "must be completed or abandoned, is " + status);
        }
        Facts f = facts(trajectoryId);
        TrajectoryRow done = store.inTransaction(tx -> {
            TrajectoryRow t = tx.handle().createQuery("SELECT * FROM ocean_trajectories WHERE trajectory_id = :id FOR UPDATE")
                    .bind("id", trajectoryId).map((rs, ctx) -> queries.trajectory(rs)).one();
            if (t.status() != TrajectoryStatus.ACTIVE) {
                throw new TrajectoryConflictException("trajectoryId", "is already " + t.status().sqlName());
            }
            List<Basin> points = new ArrayList<>();
            List<Update> departures = new ArrayList<>();
            Instant last = t.startedAt();
            List<WaypointRow> stops = queries.allWaypoints(tx.handle(), trajectoryId);
            for (int i = 0; i < stops.size(); i++) {
                WaypointRow w = stops.get(i);
                points.add(w.basin());
                last = w.arrivedAt();
                if (w.departedAt() == null && i + 1 < stops.size()) {
                    WaypointRow d = w.departing(stops.get(i + 1).arrivedAt());
                    departures.add(Update.of(NavigationTables.WAYPOINTS).set("departed_at", d.departedAt())
                            .set("dwell_time_ms", d.dwellTimeMs()).where("waypoint_id", d.waypointId()));
                }
            }
            tx.updateBatch(departures);
            Instant now = clock.instant();
            Instant end = now.isAfter(last) ? now : last;
            long durationMs = Duration.between(t.startedAt(), last).toMillis();
            ObjectNode meta = (ObjectNode) t.metadata().deepCopy();
            PathSummary.put(meta, points, durationMs / 1000.0, f.target());
            Basin here = points.get(points.size() - 1);
            tx.update(Update.of(NavigationTables.TRAJECTORIES).set("status", status.sqlName()).set("end_basin", here)
                    .set("path_coordinates", points).set("step_count", points.size() - 1).set("duration_ms", durationMs)
                    .set("completed_at", end).set("metadata", meta).where("trajectory_id", trajectoryId));
            return new TrajectoryRow(t.trajectoryId(), t.agentId(), t.pathId(), t.start(), t.target(), here, points,
                    points.size() - 1, durationMs, t.reason(), status, null,
                    t.startedAt(), end, meta);
        });
        exhaustion.afterTrajectory(done.agentId(), done.start(), done.target(), done.end(), status, done.completedAt());
        return done;
    }

    private Facts facts(String trajectoryId) {
        if (trajectoryId == null || trajectoryId.isBlank()) {
            throw new InvalidInputException("trajectoryId", "must not be blank");
        }
        Facts f;
        synchronized (facts) {
            f = facts.get(trajectoryId);
        }
        if (f != null) {
            return f;
        }
        TrajectoryRow t = queries.trajectory(trajectoryId)
                .orElseThrow(() -> new TrajectoryNotFoundException("trajectoryId", "is an unknown trajectory: " + trajectoryId));
        if (t.metadata() == null || !STEERED_BY_CALLER.equals(t.metadata().path(STEERED_BY).asText())) {
            throw new TrajectoryConflictException("trajectoryId", "is moved by the ocean agent, which writes its waypoints"
                    + " itself; only trajectories opened for a caller take appended waypoints: " + trajectoryId);
        }
        f = new Facts(t.agentId(), t.reason(), kappaOf(t), t.target());
        remember(trajectoryId, f);
        return f;
    }

    private void remember(String trajectoryId, Facts f) {
        synchronized (facts) {
            facts.put(trajectoryId, f);
        }
    }

    private ObjectNode stopMeta(int step, Basin basin, Basin target) {
        return json.createObjectNode().put("step", step).put("distance_to_target", FisherRao.distance(basin, target))
                .put(STEERED_BY, STEERED_BY_CALLER);
    }

    private static void require(Object value, String field) {
        requirePresent(field, value);
    }

    /** κ_eff the trajectory was opened with (its metadata). */
    private static double kappaOf(TrajectoryRow t) {
        var k = t.metadata() == null ? null : t.metadata().get("kappa_eff");
        if (k == null || !k.isNumber() || !(k.asDouble() > 0.0)) {
            throw new TrajectoryConflictException("trajectoryId", "has no kappa_eff in its metadata: " + t.trajectoryId());
        }
        return k.asDouble();
    }
}
