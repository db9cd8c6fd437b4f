package dev.basin.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Integration;
import dev.basin.safety.SafetyFixtures;
import dev.basin.safety.SafetyService;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Appends keep looking rows up by key after the tables grew under the same connections. The connections that append
 * while the tables are small would otherwise keep a plan made then (a sequential scan is the right plan for a table of
 * a few pages) and scan the grown tables whole for every batch. PostgreSQL's own counters tell: no sequential scan of
 * either table during the appends after growth.
 */
class AppendPlansTest {
    private static final int TRAJECTORIES = 16;
    private static Store store;
    private static SafetyService safety;
    private static TrajectoryRecorder recorder;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        safety = new SafetyService(store, Clock.systemUTC());
        recorder = new OceanAgent(store, Clock.systemUTC(), safety, new GeodesicPlanner(store, Clock.systemUTC()),
                AgentSettings.DEFAULTS).recorder();
    }

    @AfterAll
    static void tearDown() {
        safety.close();
        store.close();
    }

    @Test
    void appendsAfterTheTablesGrewScanNeitherTable() throws Exception {
        String kernel = SafetyFixtures.kernel(store, "00000000000000a99e4d");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TRAJECTORIES; i++) {
            ids.add(recorder.open(kernel, stop(i, 0), stop(i, 99), MovementReason.EXPLORATION, 64.0).trajectoryId());
        }
        append(ids, 1, 12); // concurrent: batches of several trajectories, often enough for the connections to cache plans
        long inserted = TRAJECTORIES * 12L + TRAJECTORIES;

        inserted += grow(kernel, 2_000, 5);
        Map<String, Object> before = stats(inserted);

        append(ids, 13, 4);
        inserted += TRAJECTORIES * 4L;
        Map<String, Object> after = stats(inserted);

        assertThat(after.get("waypoint_seq_scan")).as("sequential scans of ocean_waypoints").isEqualTo(before.get("waypoint_seq_scan"));
        assertThat(after.get("trajectory_seq_scan")).as("sequential scans of ocean_trajectories").isEqualTo(before.get("trajectory_seq_scan"));
        assertThat((Long) after.get("waypoint_idx_scan")).isGreaterThan((Long) before.get("waypoint_idx_scan"));
        assertThat((Long) after.get("trajectory_idx_scan")).isGreaterThan((Long) before.get("trajectory_idx_scan"));
        for (String id : ids) {
            assertThat(new NavigationQueries(store.jdbi()).waypoints(id, 100, 0)).hasSize(17);
        }
    }

    /** Each trajectory appended by a thread of its own, {@code rounds} stops each, all at once. */
    private static void append(List<String> ids, int firstStep, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                int t = i;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        recorder.append(ids.get(t), stop(t, firstStep + r), null, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Adds {@code trajectories} completed trajectories of {@code stops} stops each (binary COPY); returns the stops added. */
    private static long grow(String kernel, int trajectories, int stops) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<TrajectoryRow> ts = new ArrayList<>();
        List<WaypointRow> ws = new ArrayList<>();
        for (int i = 0; i < trajectories; i++) {
            String id = Ids.next("traj_");
            Basin from = stop(i, 0);
            ts.add(new TrajectoryRow(id, kernel, null, from, stop(i, 9), null, null, stops - 1, null, MovementReason.REST,
                    TrajectoryStatus.ABANDONED, null, t0, t0.plusSeconds(stops), (ObjectNode) store.json().createObjectNode()));
            for (int s = 1; s <= stops; s++) {
                Basin b = stop(i, s);
                ws.add(new WaypointRow(Ids.next("wp_"), id, kernel, s, b, MovementReason.REST, Integration.phi(b), 64.0,
                        "geometric", t0.plusSeconds(s), s < stops ? t0.plusSeconds(s + 1) : null, s < stops ? 1000L : null,
                        store.json().createObjectNode()));
            }
        }
        store.copy(NavigationTables.TRAJECTORIES, ts);
        store.copy(NavigationTables.WAYPOINTS, ws);
        return ws.size();
    }

    /**
     * The tables' scan counters once every backend reported the rows inserted so far (a backend reports its counters
     * when it goes idle, at most about once a second), so the counters cover every statement run before.
     */
    private static Map<String, Object> stats(long inserted) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Map<String, Object> m = store.jdbi().withHandle(h -> {
                h.execute("SELECT pg_stat_clear_snapshot()");
                return h.createQuery("""
                        SELECT w.n_tup_ins AS waypoint_inserts, w.seq_scan AS waypoint_seq_scan, w.idx_scan AS waypoint_idx_scan,
                               t.seq_scan AS trajectory_seq_scan, t.idx_scan AS trajectory_idx_scan
                        FROM pg_stat_user_tables w, pg_stat_user_tables t
                        WHERE w.relname = 'ocean_waypoints' AND t.relname = 'ocean_trajectories'""").mapToMap().one();
            });
            if ((Long) m.get("waypoint_inserts") >= inserted) {
                return m;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not report " + inserted + " inserted waypoints within 30 s: " + m);
            }
            Thread.sleep(200);
        }
    }

    private static Basin stop(int trajectory, int step) {
        return SafetyFixtures.wave(0.5, 0.1 + 0.001 * (trajectory % 50), step * 0.01 + trajectory * 0.1);
    }
}
