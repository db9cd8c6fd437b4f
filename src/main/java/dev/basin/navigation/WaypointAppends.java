package dev.basin.navigation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.store.SharedWork;
import dev.basin.store.Tx;
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
 * all step counts and departures of stored stops in one statement and all new rows in one batch: four round trips
 * per transaction however many appends it holds (with the planner setting; five when a lock had to wait). An append that cannot be done (the
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
    /** Step counts and the departures of the stored last stops, in one statement; both look rows up by key. */
    static final String COUNT_AND_DEPART_SQL = """
            WITH counts AS (
                UPDATE ocean_trajectories t SET step_count = (SELECT v.n FROM unnest(:ids, :ns) AS v(tid, n) WHERE v.tid = t.trajectory_id)
                WHERE t.trajectory_id = ANY(:ids))
            UPDATE ocean_waypoints w SET (departed_at, dwell_time_ms) = (
                SELECT v.at, v.dwell FROM unnest(:wids, CAST(:ats AS timestamptz[]), :dwells) AS v(wid, at, dwell)
                WHERE v.wid = w.waypoint_id)
            WHERE w.waypoint_id = ANY(:wids)""";

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

    /**
     * The statements below look rows up by key, and must keep doing so: a plan cached while the table was small (a
     * fresh database) would otherwise scan it whole for every batch after it grew, until the next ANALYZE.
     */
    static final String KEYED_PLANS_SQL = "SET LOCAL enable_seqscan = off";

    @Override
    public List<Outcome> run(Tx tx, List<Request> requests) {
        tx.handle().execute(KEYED_PLANS_SQL);
        TreeSet<String> ids = new TreeSet<>();
        requests.forEach(r -> ids.add(r.row().trajectoryId()));
        Map<String, Track> tracks = new HashMap<>();
        List<String> staleIds = new ArrayList<>();
        List<Integer> staleSeqs = new ArrayList<>();
        tx.handle().createQuery(LOCK_SQL).bindArray("ids", String.class, List.copyOf(ids)).map((rs, ctx) -> {
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
            tx.handle().createQuery(LAST_STOPS_SQL).bindArray("ids", String.class, staleIds).bindArray("seqs", Integer.class, staleSeqs)
                    .map((rs, ctx) -> {
                        Track t = tracks.get(rs.getString(1));
                        t.lastArrival = rs.getObject(2, OffsetDateTime.class).toInstant();
                        t.lastId = rs.getString(3);
                        return t;
                    }).list();
        }

        List<Outcome> out = new ArrayList<>(requests.size());
        List<WaypointRow> rows = new ArrayList<>();
        List<String> depIds = new ArrayList<>();
        List<String> depAts = new ArrayList<>();
        List<Long> depDwells = new ArrayList<>();
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
                depIds.add(t.lastId);
                depAts.add(at.toString());
                depDwells.add(dwell);
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
        List<String> countIds = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        tracks.forEach((id, t) -> {
            if (t.pendingIndex >= 0) {
                countIds.add(id);
                counts.add(t.last - 1);
            }
        });
        tx.handle().createUpdate(COUNT_AND_DEPART_SQL).bindArray("ids", String.class, countIds).bindArray("ns", Integer.class, counts)
                .bindArray("wids", String.class, depIds).bindArray("ats", String.class, depAts).bindArray("dwells", Long.class, depDwells)
                .execute();
        tx.insertBatch(NavigationTables.WAYPOINTS, rows);
        return out;
    }
}
