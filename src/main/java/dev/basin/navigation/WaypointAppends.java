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
 * transactions cannot deadlock), read the last stop of each, number the new stops in arrival order, then write all
 * step counts, all departures of stored stops and all new rows in three statements. An append that cannot be done (the
 * trajectory is not active, or a caller's arrival time is before the previous stop's) gets a refusal and writes
 * nothing; the others go ahead.
 */
final class WaypointAppends implements SharedWork<WaypointAppends.Request, WaypointAppends.Outcome> {
    /** One caller's stop; {@code row} carries everything but sequence, arrival and departure. */
    record Request(WaypointRow row, boolean strictTime) {}

    /** The stored row (not departed), or the refusal. */
    record Outcome(WaypointRow row, RuntimeException refusal) {}

    /** Locks the trajectories; the statements after it see every append committed before the locks were granted. */
    static final String LOCK_SQL = "SELECT trajectory_id, status, step_count FROM ocean_trajectories"
            + " WHERE trajectory_id = ANY(:ids) ORDER BY trajectory_id FOR NO KEY UPDATE";
    static final String LAST_STOPS_SQL = "SELECT w.trajectory_id, w.arrived_at FROM ocean_waypoints w"
            + " JOIN unnest(:ids, :seqs) AS v(tid, seq) ON w.trajectory_id = v.tid AND w.sequence = v.seq";
    static final String STEP_COUNTS_SQL = "UPDATE ocean_trajectories t SET step_count = v.n"
            + " FROM unnest(:ids, :ns) AS v(tid, n) WHERE t.trajectory_id = v.tid";
    static final String DEPARTURES_SQL = "UPDATE ocean_waypoints w SET departed_at = v.at, dwell_time_ms = v.dwell"
            + " FROM unnest(:ids, :seqs, CAST(:ats AS timestamptz[]), :dwells) AS v(tid, seq, at, dwell)"
            + " WHERE w.trajectory_id = v.tid AND w.sequence = v.seq";

    /** A trajectory's state while this transaction's appends are numbered. */
    private static final class Track {
        final String status;
        int last;
        Instant lastArrival;
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
        tx.handle().createQuery(LOCK_SQL).bindArray("ids", String.class, List.copyOf(ids))
                .map((rs, ctx) -> tracks.put(rs.getString(1), new Track(rs.getString(2), rs.getInt(3) + 1))).list();
        List<String> activeIds = new ArrayList<>();
        List<Integer> lastSeqs = new ArrayList<>();
        tracks.forEach((id, t) -> {
            if (t.status.equals("active")) {
                activeIds.add(id);
                lastSeqs.add(t.last);
            }
        });
        if (!activeIds.isEmpty()) {
            tx.handle().createQuery(LAST_STOPS_SQL).bindArray("ids", String.class, activeIds).bindArray("seqs", Integer.class, lastSeqs)
                    .map((rs, ctx) -> tracks.get(rs.getString(1)).lastArrival = rs.getObject(2, OffsetDateTime.class).toInstant())
                    .list();
        }

        List<Outcome> out = new ArrayList<>(requests.size());
        List<WaypointRow> rows = new ArrayList<>();
        List<String> depIds = new ArrayList<>();
        List<Integer> depSeqs = new ArrayList<>();
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
                depIds.add(w.trajectoryId());
                depSeqs.add(t.last);
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
        tx.handle().createUpdate(STEP_COUNTS_SQL).bindArray("ids", String.class, countIds).bindArray("ns", Integer.class, counts).execute();
        tx.handle().createUpdate(DEPARTURES_SQL).bindArray("ids", String.class, depIds).bindArray("seqs", Integer.class, depSeqs)
                .bindArray("ats", String.class, depAts).bindArray("dwells", Long.class, depDwells).execute();
        tx.insertBatch(NavigationTables.WAYPOINTS, rows);
        return out;
    }
}
