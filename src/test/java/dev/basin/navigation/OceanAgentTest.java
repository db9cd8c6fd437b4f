package dev.basin.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.safety.BarrierType;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyFixtures;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.StoredName;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OceanAgentTest {
    private static final double ACCURACY = 1e-12;
    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    private static Store store;
    private static SafetyService safety;
    private static int kernels;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        safety = new SafetyService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void tearDown() {
        safety.close();
    }

    private static String newKernel() {
        return SafetyFixtures.kernel(store, String.format("%020x", 0xabc000L + ++kernels));
    }

    private static OceanAgent agentAt(Instant t) {
        Clock c = Clock.fixed(t, ZoneOffset.UTC);
        return new OceanAgent(store, c, safety, new GeodesicPlanner(store, c), AgentSettings.DEFAULTS);
    }

    private static Basin a(double phase) {
        return SafetyFixtures.wave(0.6, 0.13, phase);
    }

    private static NavigationRequest request(String agent, Basin from, Basin to) {
        return new NavigationRequest(agent, from, to, MovementReason.EXPLORATION, Coupling.KAPPA_STAR, 0.05, 200,
                Duration.ofSeconds(1));
    }

    private static List<Basin> storedPath(String trajectoryId) {
        return new NavigationQueries(store.jdbi()).trajectory(trajectoryId).orElseThrow().path();
    }

    private static List<WaypointRow> waypoints(String trajectoryId) {
        return new NavigationQueries(store.jdbi()).waypoints(trajectoryId, 10_000, 0);
    }

    @Test
    void aFreeMoveReachesTheTargetAndStoresEveryStop() {
        String k = newKernel();
        Basin from = a(0.0);
        Basin to = a(1.0);
        List<StepSample> seen = new ArrayList<>();
        NavigationResult r = agentAt(NOW).navigate(request(k, from, to), seen::add);
        assertThat(r.status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(r.finalBasin()).isEqualTo(to);
        assertThat(r.steps()).isEqualTo((int) Math.ceil(FisherRao.distance(from, to) / 0.05));
        assertThat(seen).isEqualTo(r.samples()).hasSize(r.steps());
        assertThat(seen.get(seen.size() - 1).distanceToTarget()).isZero();

        TrajectoryRow t = new NavigationQueries(store.jdbi()).trajectory(r.trajectoryId()).orElseThrow();
        assertThat(t.status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(t.stepCount()).isEqualTo(t.path().size() - 1).isEqualTo(r.steps());
        assertThat(t.end()).isEqualTo(to);
        // a step of length ℓ takes 1 s · ℓ / 0.05 (κ_eff unchanged): full steps 1 s, the shorter last one less
        long[] arrival = new long[t.path().size()];
        for (int i = 1; i < arrival.length; i++) {
            arrival[i] = arrival[i - 1] + Math.round(1000.0 * FisherRao.distance(t.path().get(i - 1), t.path().get(i))
                    / 0.05);
        }
        assertThat(arrival[arrival.length - 1] - arrival[arrival.length - 2]).isLessThan(1000L);
        assertThat(t.durationMs()).isEqualTo(arrival[arrival.length - 1]);
        assertThat(t.completedAt()).isEqualTo(NOW.plusMillis(arrival[arrival.length - 1]));
        assertThat(t.pathId()).isEqualTo(r.pathId());
        double length = 0;
        for (int i = 1; i < t.path().size(); i++) {
            length += FisherRao.distance(t.path().get(i - 1), t.path().get(i));
        }
        assertThat(t.metadata().path("geodesic_ratio").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(t.metadata().path("mean_velocity").asDouble()).isCloseTo(length / (t.durationMs() / 1000.0),
                within(ACCURACY));
        assertThat(t.metadata().path("max_curvature").asDouble()).isLessThan(1e-6);

        List<WaypointRow> w = waypoints(r.trajectoryId());
        assertThat(w).hasSize(r.steps() + 1);
        for (int i = 0; i < w.size(); i++) {
            WaypointRow x = w.get(i);
            assertThat(x.sequence()).isEqualTo(i + 1);
            assertThat(x.basin()).isEqualTo(t.path().get(i));
            assertThat(x.arrivedAt()).isEqualTo(NOW.plusMillis(arrival[i]));
            assertThat(x.kappaEff()).isEqualTo(Coupling.KAPPA_STAR);
            assertThat(x.phi()).isEqualTo(dev.basin.geometry.Integration.phi(x.basin()));
            assertThat(x.regime()).isEqualTo("geometric");
            if (i < w.size() - 1) {
                assertThat(x.departedAt()).isEqualTo(w.get(i + 1).arrivedAt());
                assertThat(x.dwellTimeMs()).isEqualTo(arrival[i + 1] - arrival[i]);
            } else {
                assertThat(x.departedAt()).isNull();
                assertThat(x.dwellTimeMs()).isNull();
            }
        }
    }

    @Test
    void aTargetStraightBehindABarrierIsReachedByADetourThatNeverEntersIt() {
        String k = newKernel();
        Basin from = a(2.0);
        Basin to = a(3.2);
        Basin mid = FisherRao.pointAt(from, to, 0.5);
        double radius = 0.1;
        var barrier = safety.createBarrier(new NewBarrier(null, mid, radius, BarrierType.INSTABILITY, 0.5, "wall", null));
        NavigationResult r = agentAt(NOW).navigate(request(k, from, to), StepObserver.NONE);
        assertThat(r.status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(r.finalBasin()).isEqualTo(to);
        assertThat(r.detours()).isPositive();
        assertThat(r.preventions()).isPositive();
        for (Basin p : storedPath(r.trajectoryId())) {
            assertThat(FisherRao.distance(p, mid)).isGreaterThanOrEqualTo(radius);
        }
        for (WaypointRow w : waypoints(r.trajectoryId())) {
            assertThat(FisherRao.distance(w.basin(), mid)).isGreaterThanOrEqualTo(radius);
        }
        assertThat(safety.queries().barrier(barrier.barrierId()).orElseThrow().crossingsPrevented()).isEqualTo(r.preventions());
        TrajectoryRow t = new NavigationQueries(store.jdbi()).trajectory(r.trajectoryId()).orElseThrow();
        assertThat(t.metadata().path("geodesic_ratio").asDouble()).isGreaterThan(1.0);
        assertThat(t.metadata().path("detours").asInt()).isEqualTo(r.detours());
        assertThat(waypoints(r.trajectoryId())).hasSize(t.stepCount() + 1);
        // the plan's curvature_max is that of the path actually travelled on it, detour included
        GeodesicPathRow plan = new NavigationQueries(store.jdbi()).path(r.pathId()).orElseThrow();
        assertThat(t.metadata().path("max_curvature").asDouble()).isGreaterThan(1e-3);
        assertThat(plan.curvatureMax()).isEqualTo(t.metadata().path("max_curvature").asDouble());
        safety.deactivateBarrier(barrier.barrierId());
    }

    @Test
    void eachStopCarriesTheKappaEffTheKernelReportsAndThePaceFollowsIt() {
        String k = newKernel();
        Basin from = a(7.0);
        Basin to = a(7.3);
        double[] kappa = {Coupling.KAPPA_STAR};
        NavigationResult r = agentAt(NOW).navigate(request(k, from, to), new StepObserver() {
            @Override
            public void onStep(StepSample sample) {
                kappa[0] *= 1.25; // the kernel's coupling rises step by step
            }

            @Override
            public double kappaEff() {
                return kappa[0];
            }
        });
        assertThat(r.status()).isEqualTo(TrajectoryStatus.COMPLETED);
        List<WaypointRow> w = waypoints(r.trajectoryId());
        List<Basin> path = storedPath(r.trajectoryId());
        for (int i = 0; i < w.size(); i++) {
            double expected = Coupling.KAPPA_STAR * Math.pow(1.25, i);
            assertThat(w.get(i).kappaEff()).isCloseTo(expected, within(1e-9));
            assertThat(w.get(i).regime()).isEqualTo(dev.basin.geometry.Regime.of(expected).sqlName());
            if (i < w.size() - 1) {
                double length = FisherRao.distance(path.get(i), path.get(i + 1));
                assertThat(w.get(i).dwellTimeMs()).isEqualTo(Math.round(1000.0 * length / 0.05
                        * (Coupling.KAPPA_STAR / expected)));
            }
        }
        assertThat(w.stream().map(WaypointRow::regime).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aTargetInsideABarrierEndsBlockedNamingIt() {
        String k = newKernel();
        Basin from = a(4.0);
        Basin to = a(4.8);
        var barrier = safety.createBarrier(new NewBarrier(null, to, 0.08, BarrierType.SUFFERING, 0.9, "pit", null));
        NavigationResult r = agentAt(NOW).navigate(request(k, from, to), StepObserver.NONE);
        assertThat(r.status()).isEqualTo(TrajectoryStatus.BLOCKED);
        assertThat(r.blockedIds()).containsExactly(barrier.barrierId());
        TrajectoryRow t = new NavigationQueries(store.jdbi()).trajectory(r.trajectoryId()).orElseThrow();
        assertThat(t.status()).isEqualTo(TrajectoryStatus.BLOCKED);
        assertThat(t.blockedReason()).contains(barrier.barrierId());
        for (Basin p : t.path()) {
            assertThat(FisherRao.distance(p, to)).isGreaterThanOrEqualTo(0.08);
        }
        assertThat(safety.queries().barrier(barrier.barrierId()).orElseThrow().crossingsPrevented()).isPositive();
        assertThat(safety.queries().listRegions(k, true, 10, 0)).extracting(x -> x.reason())
                .containsExactly(ExclusionReason.UNSAFE);
        safety.deactivateBarrier(barrier.barrierId());
    }

    @Test
    void anEraExclusionDivertsOnlyInsideItsWindow() {
        Basin from = a(5.0);
        Basin to = a(6.0);
        Basin mid = FisherRao.pointAt(from, to, 0.5);
        Instant start = NOW.plus(Duration.ofHours(1));
        safety.createEraExclusion(start, start.plus(Duration.ofMinutes(5)), mid, 0.1, "maintenance", null);
        NavigationResult before = agentAt(NOW).navigate(request(newKernel(), from, to), StepObserver.NONE);
        NavigationResult during = agentAt(start).navigate(request(newKernel(), from, to), StepObserver.NONE);
        NavigationResult after = agentAt(start.plus(Duration.ofMinutes(5))).navigate(request(newKernel(), from, to),
                StepObserver.NONE);
        assertThat(before.detours()).isZero();
        assertThat(during.detours()).isPositive();
        assertThat(during.status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(after.detours()).isZero();
    }

    @Test
    void anExcludedRegionDivertsOnlyItsAgentAndOnlyUntilExpiry() {
        Basin from = a(7.0);
        Basin to = a(8.1);
        Basin mid = FisherRao.pointAt(from, to, 0.5);
        String owner = newKernel();
        String stranger = newKernel();
        Instant expires = NOW.plus(Duration.ofMinutes(30));
        safety.createExcludedRegion(owner, mid, 0.1, ExclusionReason.ORDERED, 0, expires, null);
        assertThat(agentAt(NOW).navigate(request(stranger, from, to), StepObserver.NONE).detours()).isZero();
        assertThat(agentAt(NOW).navigate(request(owner, from, to), StepObserver.NONE).detours()).isPositive();
        assertThat(agentAt(expires).navigate(request(owner, from, to), StepObserver.NONE).detours()).isZero();
    }

    @Test
    void aStepBudgetShortOfTheTargetAbandonsTheTrajectory() {
        String k = newKernel();
        NavigationRequest req = new NavigationRequest(k, a(9.0), a(10.0), MovementReason.REST, 30.0, 0.05, 3,
                Duration.ofMillis(250));
        NavigationResult r = agentAt(NOW).navigate(req, StepObserver.NONE);
        assertThat(r.status()).isEqualTo(TrajectoryStatus.ABANDONED);
        assertThat(r.steps()).isEqualTo(3);
        assertThat(waypoints(r.trajectoryId())).extracting(WaypointRow::regime).containsOnly("linear");
        assertThat(waypoints(r.trajectoryId())).extracting(WaypointRow::dwellTimeMs).containsExactly(250L, 250L, 250L, null);
    }

    @Test
    void repeatedVisitsWithoutGainExcludeTheRegionForThatAgent() {
        String k = newKernel();
        Basin x = a(11.0);
        Basin y = a(11.7);
        Basin high = dev.basin.geometry.Integration.phi(x) >= dev.basin.geometry.Integration.phi(y) ? x : y;
        Basin low = high == x ? y : x;
        Clock c = Clock.fixed(NOW, ZoneOffset.UTC);
        OceanAgent agent = new OceanAgent(store, c, safety, new GeodesicPlanner(store, c),
                new AgentSettings(64, 8, 2, 0.05, Duration.ofMinutes(10)));
        agent.navigate(request(k, high, low), StepObserver.NONE);
        assertThat(safety.queries().listRegions(k, true, 10, 0)).isEmpty();
        NavigationResult second = agent.navigate(request(k, high, low), StepObserver.NONE);
        var regions = safety.queries().listRegions(k, true, 10, 0);
        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).reason()).isEqualTo(ExclusionReason.EXHAUSTED);
        assertThat(regions.get(0).visitsWithoutGain()).isEqualTo(2);
        assertThat(regions.get(0).center()).isEqualTo(low);
        Instant end = new NavigationQueries(store.jdbi()).trajectory(second.trajectoryId()).orElseThrow()
                .completedAt();
        assertThat(end).isBefore(NOW.plusSeconds(second.steps())).isAfter(NOW.plusSeconds(second.steps() - 1));
        assertThat(regions.get(0).expiresAt()).isEqualTo(end.plus(Duration.ofMinutes(10)));
    }

    @Test
    void badRequestsAreRejectedAndWriteNothing() {
        OceanAgent agent = agentAt(NOW);
        String k = newKernel();
        long before = store.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM ocean_trajectories)"
                + " + (SELECT count(*) FROM ocean_waypoints) + (SELECT count(*) FROM geodesic_paths)").mapTo(Long.class).one());
        Basin x = a(0.5);
        assertThatThrownBy(() -> agent.navigate(null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("request is missing");
        assertThatThrownBy(() -> agent.navigate(request(" ", x, x), null)).hasMessage("agentId must not be blank");
        assertThatThrownBy(() -> agent.navigate(request("krn_00000000000000000bad", x, x), null))
                .hasMessage("agentId is an unknown kernel: krn_00000000000000000bad");
        assertThatThrownBy(() -> agent.navigate(request(k, null, x), null)).hasMessage("start is missing");
        assertThatThrownBy(() -> agent.navigate(request(k, x, null), null)).hasMessage("target is missing");
        assertThatThrownBy(() -> agent.navigate(new NavigationRequest(k, x, x, null, 64, 0.05, 10, null), null))
                .hasMessage("reason is missing");
        assertThatThrownBy(() -> agent.navigate(new NavigationRequest(k, x, x, MovementReason.REST, 0, 0.05, 10, null), null))
                .hasMessage("kappaEff must be positive and finite, is 0.0");
        assertThatThrownBy(() -> agent.navigate(new NavigationRequest(k, x, x, MovementReason.REST, 64, -1, 10, null), null))
                .hasMessage("baseStep must be in (0, π], is -1.0");
        assertThatThrownBy(() -> agent.navigate(new NavigationRequest(k, x, x, MovementReason.REST, 64, 0.05, 0, null), null))
                .hasMessage("maxSteps must be in [1, 10000], is 0");
        assertThatThrownBy(() -> agent.navigate(new NavigationRequest(k, x, x, MovementReason.REST, 64, 0.05, 5,
                Duration.ofSeconds(-1)), null)).hasMessage("stepDuration must not be negative, is PT-1S");
        assertThatThrownBy(() -> StoredName.parse(MovementReason.class, "reason", "flight"))
                .hasMessage("reason must be one of exploration, investigation, consolidation, rest, is flight");
        long after = store.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM ocean_trajectories)"
                + " + (SELECT count(*) FROM ocean_waypoints) + (SELECT count(*) FROM geodesic_paths)").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }
}
