package dev.basin.navigation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.store.Plans;
import dev.basin.store.SharedWork;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The appends of one shared transaction, done together: lock every trajectory involved (in id order, so concurrent
 * transactions cannot deadlock) while reading the last stop of each, number the new stops in arrival order, then write
 * the step counts, the departures of stored stops and the new rows, each as one statement through the store's declared
 * writes: four round trips per transaction however many appends it holds (five when a lock had to wait). The reads
 * are planned for their actual ids each time ({@link Plans#EACH_TIME}), as are the set-based updates, so they keep
 * looking rows up by key however the tables grew. An append that cannot be done (the
 * trajectory is not active, or a caller's arrival time is before the previous stop's) gets a refusal and writes
 * nothing; the others go ahead.
 */
final class WaypointAppends implements SharedWork<WaypointAppends.Request, WaypointAppends.Outcome> {
    /** One caller's stop; {@code row} carries everything but sequence, arrival and departure. */
    record Request(WaypointRow row, boolean strictTime) {}

    /** The stored row (not departed), or the refusal. */
    record Outcome(WaypointRow row, RuntimeException refusal) {}

    /**
     * Locks the trajectories (in id order) and reads each one's last stop. When a lock had to wait for another
     * transaction, this statement's snapshot predates that transaction's stop: the stop read is then missing or not
     * the last one, which the returned sequence shows, and {@link #LAST_STOPS_SQL} reads it again.
     */
    static final String LOCK_SQL = """
            SELECT t.trajectory_id, t.status, t.step_count, w.sequence, w.arrived_at, w.waypoint_id
            FROM ocean_trajectories t
            LEFT JOIN LATERAL (SELECT sequence, arrived_at, waypoint_id FROM ocean_waypoints w
                               WHERE w.trajectory_id = t.trajectory_id AND w.sequence = t.step_count + 1) w ON true
            WHERE t.trajectory_id = ANY(:ids) ORDER BY t.trajectory_id FOR NO KEY UPDATE OF t""";
    /** The last stops, read after the locks were granted (a fresh snapshot). */
    static final String LAST_STOPS_SQL = """
            SELECT v.tid, w.arrived_at, w.waypoint_id FROM unnest(:ids, :seqs) AS v(tid, seq)
            JOIN LATERAL (SELECT arrived_at, waypoint_id FROM ocean_waypoints w WHERE w.trajectory_id = v.tid AND w.sequence = v.seq) w ON true""";

    /** A trajectory's state while this transaction's appends are numbered. */
    private static final class Track {
        final String status;
        int last;
        Instant lastArrival;
        String lastId;
        int pendingIndex = -1;

        Track(String status, int last) {
            this.status = status;
            this.last = last;
        }
    }

    @Override
    public List<Outcome> run(Tx tx, List<Request> requests) {
        TreeSet<String> ids = new TreeSet<>();
        requests.forEach(r -> ids.add(r.row().trajectoryId()));
        Map<String, Track> tracks = new HashMap<>();
        List<String> staleIds = new ArrayList<>();
        List<Integer> staleSeqs = new ArrayList<>();
        tx.handle().createQuery(LOCK_SQL).addCustomizer(Plans.EACH_TIME).bindArray("ids", String.class, List.copyOf(ids)).map((rs, ctx) -> {
            Track t = new Track(rs.getString(2), rs.getInt(3) + 1);
            tracks.put(rs.getString(1), t);
            int seen = rs.getInt(4);
            if (rs.wasNull() || seen != t.last) {
                staleIds.add(rs.getString(1));
                staleSeqs.add(t.last);
            } else {
                t.lastArrival = rs.getObject(5, OffsetDateTime.class).toInstant();
                t.lastId = rs.getString(6);
            }
            return t;
        }).list();
        if (!staleIds.isEmpty()) {
            tx.handle().createQuery(LAST_STOPS_SQL).addCustomizer(Plans.EACH_TIME).bindArray("ids", String.class, staleIds).bindArray("seqs", Integer.class, staleSeqs)
                    .map((rs, ctx) -> {
                        Track t = tracks.get(rs.getString(1));
                        t.lastArrival = rs.getObject(2, OffsetDateTime.class).toInstant();
                        t.lastId = rs.getString(3);
                        return t;
                    }).list();
        }

        List<Outcome> out = new ArrayList<>(requests.size());
        List<WaypointRow> rows = new ArrayList<>();
        List<Update> departures = new ArrayList<>();
        for (Request r : requests) {
            WaypointRow w = r.row();
            Track t = tracks.get(w.trajectoryId());
            if (t == null) {
                out.add(new Outcome(null, new TrajectoryNotFoundException("trajectoryId", "is an unknown trajectory: " + w.trajectoryId())));
                continue;
            }
            if (!t.status.equals("active")) {
                out.add(new Outcome(null, new TrajectoryConflictException("trajectoryId", "is " + t.status + ", not active")));
                continue;
            }
            if (t.lastArrival == null) {
                throw new IllegalStateException("active trajectory " + w.trajectoryId() + " has no waypoint " + t.last
                        + " although its step count says it is the last one");
            }
            Instant at = w.arrivedAt();
            if (at.isBefore(t.lastArrival)) {
                if (r.strictTime()) {
                    out.add(new Outcome(null, new TrajectoryConflictException("arrivedAt", "is " + at
                            + ", before the arrival at the trajectory's last stop (" + t.lastArrival + ")")));
                    continue;
                }
                at = t.lastArrival;
            }
            long dwell = Duration.between(t.lastArrival, at).toMillis();
            if (t.pendingIndex >= 0) {
                WaypointRow prev = rows.get(t.pendingIndex);
                rows.set(t.pendingIndex, new WaypointRow(prev.waypointId(), prev.trajectoryId(), prev.agentId(), prev.sequence(),
                        prev.basin(), prev.type(), prev.phi(), prev.kappaEff(), prev.regime(), prev.arrivedAt(), at, dwell, prev.metadata()));
            } else {
                departures.add(Update.of(NavigationTables.WAYPOINTS).set("departed_at", at).set("dwell_time_ms", dwell)
                        .where("waypoint_id", t.lastId));
            }
            t.last++;
            t.lastArrival = at;
            ((ObjectNode) w.metadata()).put("step", t.last - 1);
            WaypointRow stored = new WaypointRow(w.waypointId(), w.trajectoryId(), w.agentId(), t.last, w.basin(), w.type(), w.phi(),
                    w.kappaEff(), w.regime(), at, null, null, w.metadata());
            t.pendingIndex = rows.size();
            rows.add(stored);
            out.add(new Outcome(stored, null));
        }
        if (rows.isEmpty()) {
            return out;
        }
        List<Update> counts = new ArrayList<>();
        tracks.forEach((id, t) -> {
            if (t.pendingIndex >= 0) {
                counts.add(Update.of(NavigationTables.TRAJECTORIES).set("step_count", t.last - 1).where("trajectory_id", id));
            }
        });
        tx.updateBatch(counts);
        tx.updateBatch(departures);
        tx.insertBatch(NavigationTables.WAYPOINTS, rows);
        return out;
    }
}
