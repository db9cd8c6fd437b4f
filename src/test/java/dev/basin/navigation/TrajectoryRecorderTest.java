package dev.basin.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.safety.BarrierType;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyFixtures;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrajectoryRecorderTest {
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static Store store;
    private static SafetyService safety;
    private static NavigationQueries queries;
    private static TrajectoryRecorder recorder;
    private static int kernels;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        safety = new SafetyService(store, clock);
        recorder = new OceanAgent(store, clock, safety, new GeodesicPlanner(store, clock), AgentSettings.DEFAULTS).recorder();
        queries = new NavigationQueries(store.jdbi());
    }

    @AfterAll
    static void tearDown() {
        safety.close();
    }

    private static String newKernel() {
        return SafetyFixtures.kernel(store, String.format("%020x", 0xdef000L + ++kernels));
    }

    private static Basin a(double phase) {
        return SafetyFixtures.wave(0.6, 0.13, phase);
    }

    private static List<WaypointRow> waypoints(String trajectoryId) {
        return queries.waypoints(trajectoryId, 10_000, 0);
    }

    /** The stored dwell times in sequence order (−1: not stored), read from the table itself. */
    private static List<Long> storedDwells(String trajectoryId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT coalesce(dwell_time_ms, -1) FROM ocean_waypoints"
                + " WHERE trajectory_id = :t AND (departed_at IS NULL) = (dwell_time_ms IS NULL) ORDER BY sequence")
                .bind("t", trajectoryId).mapTo(Long.class).list());
    }

    private static int storedStepCount(String trajectoryId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT step_count FROM ocean_trajectories WHERE trajectory_id = :t")
                .bind("t", trajectoryId).mapTo(Integer.class).one());
    }

    private static TrajectoryRow stored(String trajectoryId) {
        return queries.trajectory(trajectoryId).orElseThrow();
    }

    @Test
    void appendedStopsAreNumberedDepartedAndSummarisedOnFinish() {
        String k = newKernel();
        TrajectoryRow open = recorder.open(k, a(0.0), a(1.0), MovementReason.INVESTIGATION, 50.0);
        assertThat(open.status()).isEqualTo(TrajectoryStatus.ACTIVE);
        assertThat(waypoints(open.trajectoryId())).singleElement().satisfies(w -> {
            assertThat(w.sequence()).isEqualTo(1);
            assertThat(w.basin()).isEqualTo(a(0.0));
            assertThat(w.arrivedAt()).isEqualTo(T0);
            assertThat(w.departedAt()).isNull();
        });

        List<Basin> stops = List.of(a(0.25), a(0.5), a(0.75));
        for (int i = 0; i < stops.size(); i++) {
            WaypointRow w = recorder.append(open.trajectoryId(), stops.get(i), i == 2 ? 70.0 : null, T0.plusMillis(1500L * (i + 1)));
            assertThat(w.sequence()).isEqualTo(i + 2);
            assertThat(w.arrivedAt()).isEqualTo(T0.plusMillis(1500L * (i + 1)));
            assertThat(w.phi()).isEqualTo(Integration.phi(stops.get(i)));
            assertThat(w.type()).isEqualTo(MovementReason.INVESTIGATION);
        }
        List<WaypointRow> ws = waypoints(open.trajectoryId());
        assertThat(ws).extracting(WaypointRow::sequence).containsExactly(1, 2, 3, 4);
        for (int i = 0; i < 3; i++) {
            assertThat(ws.get(i).departedAt()).isEqualTo(ws.get(i + 1).arrivedAt());
            assertThat(ws.get(i).dwellTimeMs()).isEqualTo(1500L);
        }
        assertThat(ws.get(3).departedAt()).isNull();
        assertThat(ws.get(3).dwellTimeMs()).isNull();
        assertThat(ws.get(2).kappaEff()).isEqualTo(50.0);
        assertThat(ws.get(3).kappaEff()).isEqualTo(70.0);
        assertThat(ws.get(3).regime()).isEqualTo(dev.basin.geometry.Regime.of(70.0).sqlName());
        assertThat(ws.get(3).metadata().get("step").asInt()).isEqualTo(3);
        assertThat(stored(open.trajectoryId()).stepCount()).isEqualTo(3);
        // appends only insert: while active the departures and the count are derived, not stored
        assertThat(storedDwells(open.trajectoryId())).containsExactly(-1L, -1L, -1L, -1L);
        assertThat(storedStepCount(open.trajectoryId())).isZero();

        TrajectoryRow done = recorder.finish(open.trajectoryId(), TrajectoryStatus.COMPLETED);
        // finishing writes them: every stop but the last departed at the next one's arrival
        assertThat(storedDwells(open.trajectoryId())).containsExactly(1500L, 1500L, 1500L, -1L);
        assertThat(storedStepCount(open.trajectoryId())).isEqualTo(3);
        assertThat(waypoints(open.trajectoryId())).isEqualTo(ws);
        TrajectoryRow t = stored(open.trajectoryId());
        assertThat(t.status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(t.path()).containsExactly(a(0.0), a(0.25), a(0.5), a(0.75));
        assertThat(t.end()).isEqualTo(a(0.75));
        assertThat(t.stepCount()).isEqualTo(3);
        assertThat(t.durationMs()).isEqualTo(4500L);
        double length = 0;
        for (int i = 1; i < t.path().size(); i++) {
            length += FisherRao.distance(t.path().get(i - 1), t.path().get(i));
        }
        assertThat(t.metadata().get("path_length").asDouble()).isCloseTo(length, within(1e-12));
        assertThat(t.metadata().get("geodesic_ratio").asDouble())
                .isCloseTo(length / FisherRao.distance(a(0.0), a(0.75)), within(1e-12));
        assertThat(t.metadata().get("mean_velocity").asDouble()).isCloseTo(length / 4.5, within(1e-12));
        assertThat(t.metadata().get("remaining_distance").asDouble()).isCloseTo(FisherRao.distance(a(0.75), a(1.0)), within(1e-12));
        assertThat(done.metadata()).isEqualTo(t.metadata());
    }

    @Test
    void refusedAppendsWriteNothing() {
        String k = newKernel();
        TrajectoryRow open = recorder.open(k, a(0.0), a(1.0), MovementReason.EXPLORATION, Coupling.KAPPA_STAR);
        String id = open.trajectoryId();
        recorder.append(id, a(0.1), null, T0.plusSeconds(10));

        assertThatThrownBy(() -> recorder.append(id, a(0.2), null, T0.plusSeconds(9)))
                .isInstanceOf(TrajectoryConflictException.class).hasMessageContaining("arrivedAt");
        assertThatThrownBy(() -> recorder.append("traj_00000000000000000000", a(0.2), null, null))
                .isInstanceOf(TrajectoryNotFoundException.class).hasMessageContaining("trajectoryId");
        assertThatThrownBy(() -> recorder.append(id, a(0.2), -1.0, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kappaEff");
        assertThatThrownBy(() -> recorder.append(id, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("basin");

        var barrier = safety.createBarrier(new NewBarrier(null, a(0.3), 0.05, BarrierType.SUFFERING, 0.9, "pit", null));
        assertThatThrownBy(() -> recorder.append(id, a(0.3), null, T0.plusSeconds(11)))
                .isInstanceOf(TrajectoryConflictException.class).hasMessageContaining(barrier.barrierId());
        assertThat(safety.queries().barrier(barrier.barrierId()).orElseThrow().crossingsPrevented()).isEqualTo(1);
        safety.deactivateBarrier(barrier.barrierId());

        assertThat(waypoints(id)).hasSize(2);
        assertThat(waypoints(id).get(1).departedAt()).isNull();
        assertThat(stored(id).stepCount()).isEqualTo(1);

        recorder.finish(id, TrajectoryStatus.ABANDONED);
        assertThatThrownBy(() -> recorder.append(id, a(0.2), null, null))
                .isInstanceOf(TrajectoryConflictException.class).hasMessageContaining("abandoned");
        assertThatThrownBy(() -> recorder.finish(id, TrajectoryStatus.COMPLETED))
                .isInstanceOf(TrajectoryConflictException.class).hasMessageContaining("already abandoned");
        assertThatThrownBy(() -> recorder.finish(id, TrajectoryStatus.BLOCKED)).isInstanceOf(InvalidInputException.class);
        assertThat(waypoints(id)).hasSize(2);
        assertThat(stored(id).status()).isEqualTo(TrajectoryStatus.ABANDONED);
        assertThatThrownBy(() -> recorder.open("krn_00000000000000000000", a(0.0), a(1.0), MovementReason.REST, 1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown kernel");
    }

    @Test
    void theOceanAgentsOwnTrajectoriesTakeNoAppendedWaypoints() {
        String k = newKernel();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        OceanAgent agent = new OceanAgent(store, clock, safety, new GeodesicPlanner(store, clock), AgentSettings.DEFAULTS);
        NavigationResult r = agent.navigate(new NavigationRequest(k, a(0.0), a(0.2), MovementReason.EXPLORATION,
                Coupling.KAPPA_STAR, 0.05, 1, java.time.Duration.ofSeconds(1)), null);
        int before = waypoints(r.trajectoryId()).size();
        assertThatThrownBy(() -> agent.recorder().append(r.trajectoryId(), a(0.1), null, null))
                .isInstanceOf(TrajectoryConflictException.class).hasMessageContaining("ocean agent");
        assertThatThrownBy(() -> agent.recorder().finish(r.trajectoryId(), TrajectoryStatus.COMPLETED))
                .isInstanceOf(TrajectoryConflictException.class).hasMessageContaining("ocean agent");
        assertThat(waypoints(r.trajectoryId())).hasSize(before);
    }

    /** Concurrent appends share commits and still number every trajectory's stops 1..n without gaps or repeats. */
    @Test
    void concurrentAppendsShareCommitsAndKeepSequencesContiguous() throws Exception {
        Clock clock = Clock.systemUTC();
        TrajectoryRecorder live = new OceanAgent(store, clock, safety, new GeodesicPlanner(store, clock), AgentSettings.DEFAULTS)
                .recorder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(live.open(newKernel(), a(i), a(i + 0.5), MovementReason.EXPLORATION, Coupling.KAPPA_STAR).trajectoryId());
        }
        int threads = 16;
        int each = 25;
        long commitsBefore = store.writeStats().commits();
        long opsBefore = store.writeStats().operations();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < threads; c++) {
                int client = c;
                fs.add(pool.submit(() -> {
                    for (int n = 0; n < each; n++) {
                        live.append(ids.get((client + n) % ids.size()), a(client + n / 100.0), null, null);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long commits = store.writeStats().commits() - commitsBefore;
        long ops = store.writeStats().operations() - opsBefore;
        assertThat(ops).isEqualTo((long) threads * each);
        assertThat(commits).as("appends share commits").isLessThan(ops);
        int total = 0;
        for (String id : ids) {
            List<WaypointRow> ws = waypoints(id);
            total += ws.size() - 1;
            for (int i = 0; i < ws.size(); i++) {
                WaypointRow w = ws.get(i);
                assertThat(w.sequence()).isEqualTo(i + 1);
                if (i + 1 < ws.size()) {
                    assertThat(w.departedAt()).isEqualTo(ws.get(i + 1).arrivedAt());
                    assertThat(w.dwellTimeMs()).isNotNegative();
                } else {
                    assertThat(w.departedAt()).isNull();
                }
            }
            assertThat(stored(id).stepCount()).isEqualTo(ws.size() - 1);
        }
        assertThat(total).isEqualTo(threads * each);
    }
}
