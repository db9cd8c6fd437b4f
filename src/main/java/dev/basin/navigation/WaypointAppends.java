package dev.basin.navigation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.store.Plans;
import dev.basin.store.SharedWork;
import dev.basin.store.Tx;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The appends of one shared transaction, done together in two round trips however many appends it holds: one locks
 * every trajectory involved (in id order, so concurrent transactions cannot deadlock) and then reads the last stop of
 * each on a snapshot taken after the locks were granted (two statements sent together); one inserts the new rows,
 * numbered in arrival order. Nothing stored is rewritten: a stop's departure is the next stop's arrival, derived by the
 * reads ({@link NavigationQueries}) while the trajectory is active and written once, with its step count, when it
 * {@linkplain TrajectoryRecorder#finish finishes}. The reads are planned for their actual ids each time
 * ({@link Plans#EACH_TIME}), so they keep looking rows up by key however the tables grew. An append that cannot be done
 * (the trajectory is unknown or not active, or a caller's arrival time is before the previous stop's) gets a refusal
 * and writes nothing; the others go ahead.
 */
final class WaypointAppends implements SharedWork<WaypointAppends.Request, WaypointAppends.Outcome> {
    /** One caller's stop; {@code row} carries everything but sequence and arrival. */
    record Request(WaypointRow row, boolean strictTime) {}

    /** The stored row (not departed), or the refusal. */
    record Outcome(WaypointRow row, RuntimeException refusal) {}

    /**
     * Locks the trajectories (in id order), then reads each one's last stop. The second statement is sent with the
     * first but runs after it, on a snapshot of its own: it sees a stop committed by a transaction whose lock the first
     * one waited for (a join in the locking statement would read the stops as they were before the wait).
     */
    static final String LOCK_SQL = """
            SELECT trajectory_id, status FROM ocean_trajectories WHERE trajectory_id = ANY(:ids)
            ORDER BY trajectory_id FOR NO KEY UPDATE;
            SELECT v.tid, w.sequence, w.arrived_at FROM unnest(:ids) AS v(tid)
            JOIN LATERAL (SELECT sequence, arrived_at FROM ocean_waypoints w WHERE w.trajectory_id = v.tid
                          ORDER BY sequence DESC LIMIT 1) w ON true""";

    /** A trajectory's state while this transaction's appends are numbered. */
    private static final class Track {
        final String status;
        int last;
        Instant lastArrival;

        Track(String status) {
            this.status = status;
        }
    }

    @Override
    public List<Outcome> run(Tx tx, List<Request> requests) {
        TreeSet<String> ids = new TreeSet<>();
        requests.forEach(r -> ids.add(r.row().trajectoryId()));
        Map<String, Track> tracks = tx.handle().createQuery(LOCK_SQL).addCustomizer(Plans.EACH_TIME)
                .bindArray("ids", String.class, List.copyOf(ids))
                .scanResultSet((first, ctx) -> {
                    Map<String, Track> found = new HashMap<>();
                    try (ResultSet locked = first.get()) {
                        while (locked.next()) {
                            found.put(locked.getString(1), new Track(locked.getString(2)));
                        }
                    }
                    Statement st = ctx.getStatement();
                    if (!st.getMoreResults()) {
                        throw new IllegalStateException("no result for the last stops of " + ids);
                    }
                    try (ResultSet stops = st.getResultSet()) {
                        while (stops.next()) {
                            Track t = found.get(stops.getString(1));
                            if (t != null) {
                                t.last = stops.getInt(2);
                                t.lastArrival = stops.getObject(3, OffsetDateTime.class).toInstant();
                            }
                        }
                    }
                    return found;
                });

        List<Outcome> out = new ArrayList<>(requests.size());
        List<WaypointRow> rows = new ArrayList<>();
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
                throw new IllegalStateException("active trajectory " + w.trajectoryId() + " has no waypoint, although it"
                        + " was opened with its first stop");
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
            t.last++;
            t.lastArrival = at;
            ((ObjectNode) w.metadata()).put("step", t.last - 1);
            WaypointRow stored = new WaypointRow(w.waypointId(), w.trajectoryId(), w.agentId(), t.last, w.basin(), w.type(), w.phi(),
                    w.kappaEff(), w.regime(), at, null, null, w.metadata());
            rows.add(stored);
            out.add(new Outcome(stored, null));
        }
        tx.insertBatch(NavigationTables.WAYPOINTS, rows);
        return out;
    }
}
