package dev.basin.kernel;

import dev.basin.runs.SessionRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.attractors.AttractorService;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.navigation.AgentSettings;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.TpsPathService;
import dev.basin.navigation.TrajectoryStatus;
import dev.basin.safety.BarrierType;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel moving through the real ocean agent, and space-time links through the real TPS service. */
class VoyageTest {
    static final double STEP_RATIO_TOLERANCE = 0.10;
    static final double SMOOTHNESS_FACTOR = 3.0;
    static final double TPS_TOLERANCE = 1e-12;

    static Store store;
    static SafetyService safety;
    static Kernels kernels;
    static SessionRecord session;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        TickingClock clock = TickingClock.seconds();
        safety = new SafetyService(store, clock);
        OceanAgent ocean = new OceanAgent(store, clock, safety, new GeodesicPlanner(store, clock),
                AgentSettings.DEFAULTS);
        kernels = Kernels.wired(store, clock, ocean, new TpsPathService(store, clock),
                new AttractorService(store, clock), new dev.basin.knowledge.CrossPatternService(store, clock),
                new dev.basin.tools.ToolService(store, clock, new dev.basin.rag.DocumentService(store, clock)),
                KernelConfig.defaults(), SpawnConfig.defaults());
        session = kernels.sessions().start(8L, store.json().createObjectNode().put("voyage", true));
    }

    @AfterAll
    static void close() {
        safety.close();
        store.close();
    }

    static KernelRow kernel(String name, double kappa, Basin start) {
        return kernels.kernels().createRoot(session.sessionId(), name, start, kappa, Neurotransmitters.resting(), 4L);
    }

    @Test
    void voyagesConvergeScaleWithKappaAndAreSmooth() {
        KernelRow slow = kernel("slow", 32.0, Trajectories.START);
        KernelRow fast = kernel("fast", 64.0, Trajectories.START);
        double initial = FisherRao.distance(Trajectories.START, Trajectories.TARGET);
        Voyages.Voyage a = kernels.voyages().navigate(slow.kernelId(), Trajectories.TARGET, "t", MovementReason
                .EXPLORATION, 200);
        Voyages.Voyage b = kernels.voyages().navigate(fast.kernelId(), Trajectories.TARGET, "t", MovementReason
                .EXPLORATION, 200);
        assertThat(a.result().status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(FisherRao.distance(a.kernel().state().basin(), Trajectories.TARGET)).isLessThan(initial / 2);
        List<Double> slowSteps = Voyages.stepLengths(Trajectories.START, a.result().samples());
        List<Double> fastSteps = Voyages.stepLengths(Trajectories.START, b.result().samples());
        assertThat(fastSteps.get(0) / slowSteps.get(0))
                .isBetween(2.0 * (1 - STEP_RATIO_TOLERANCE), 2.0 * (1 + STEP_RATIO_TOLERANCE));
        double mean = slowSteps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double max = slowSteps.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(max).isLessThan(SMOOTHNESS_FACTOR * mean);
        assertThat(a.kernel().state().stepCount()).isEqualTo(a.result().steps());
        int trajectories = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM ocean_trajectories WHERE agent_id = :k").bind("k", slow.kernelId())
                .mapTo(Integer.class).one());
        assertThat(trajectories).isOne();
    }

    @Test
    void aBarrierAroundTheTargetBlocksAndTheKernelFeelsAndThinksIt() {
        Basin target = Trajectories.peak(50, 0.6);
        safety.createBarrier(new NewBarrier(null, target, 0.3, BarrierType.INSTABILITY, 0.9, "test wall", null));
        KernelRow k = kernel("blocked", 64.21, Trajectories.START);
        Voyages.Voyage v = kernels.voyages().navigate(k.kernelId(), target, "walled", MovementReason.INVESTIGATION,
                200);
        assertThat(v.result().status()).isEqualTo(TrajectoryStatus.BLOCKED);
        assertThat(v.lastEmotions().emotions().dominant()).isIn(Emotion.ANGER, Emotion.FEAR);
        List<String> thoughts = store.jdbi().withHandle(h -> h.createQuery("SELECT thought_type FROM kernel_thoughts "
                + "WHERE kernel_id = :k AND event = 'barrier_hit'").bind("k", k.kernelId()).mapTo(String.class).list());
        assertThat(thoughts).containsExactly("question");
        assertThat(v.kernel().state().neurotransmitters().norepinephrine())
                .isGreaterThan(k.state().neurotransmitters().norepinephrine());
    }

    @Test
    void singleStepsGoThroughTheOceanAgent() {
        KernelRow k = kernel("stepper", 64.21, Trajectories.START);
        KernelService.Advance a = kernels.kernels().advance(k.kernelId(), Trajectories.TARGET, "t");
        assertThat(a.stepLength()).isCloseTo(dev.basin.geometry.Coupling.stepLength(0.05, k.state().kappaEff()),
                org.assertj.core.data.Offset.offset(1e-12));
        int waypoints = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM ocean_waypoints WHERE agent_id = :k").bind("k", k.kernelId())
                .mapTo(Integer.class).one());
        assertThat(waypoints).isEqualTo(2);
    }

    @Test
    void eachNewCheckpointIsLinkedToThePreviousWithConsistentSpaceTimeDistances() {
        KernelRow k = kernel("tps", 64.21, Trajectories.START);
        CheckpointRow c1 = kernels.checkpoints().save(k.kernelId(), CheckpointType.PRE_NAVIGATION);
        kernels.voyages().navigate(k.kernelId(), Trajectories.TARGET, "t", MovementReason.EXPLORATION, 5);
        CheckpointRow c2 = kernels.checkpoints().save(k.kernelId(), CheckpointType.REGULAR);
        List<Map<String, Object>> rows = store.jdbi().withHandle(h -> h.createQuery("SELECT from_checkpoint_id, "
                + "to_checkpoint_id, from_time, to_time, tau_seconds, spatial_distance, temporal_distance, "
                + "spacetime_distance FROM tps_geodesic_paths WHERE kernel_id = :k").bind("k", k.kernelId())
                .map((rs, ctx) -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    for (String c : List.of("from_checkpoint_id", "to_checkpoint_id")) {
                        m.put(c, rs.getString(c));
                    }
                    for (String c : List.of("from_time", "to_time")) {
                        m.put(c, rs.getObject(c, java.time.OffsetDateTime.class));
                    }
                    for (String c : List.of("tau_seconds", "spatial_distance", "temporal_distance",
                            "spacetime_distance")) {
                        m.put(c, rs.getDouble(c));
                    }
                    return m;
                }).list());
        assertThat(rows).hasSize(1);
        Map<String, Object> r = rows.get(0);
        assertThat(r.get("from_checkpoint_id")).isEqualTo(c1.checkpointId());
        assertThat(r.get("to_checkpoint_id")).isEqualTo(c2.checkpointId());
        double spatial = FisherRao.distance(c1.basin(), c2.basin());
        Instant t1 = ((java.time.OffsetDateTime) r.get("from_time")).toInstant();
        Instant t2 = ((java.time.OffsetDateTime) r.get("to_time")).toInstant();
        assertThat(t1).isEqualTo(c1.createdAt());
        assertThat(t2).isEqualTo(c2.createdAt());
        double temporal = java.time.Duration.between(t1, t2).toNanos() / 1e9 / (Double) r.get("tau_seconds");
        assertThat((Double) r.get("spatial_distance")).isCloseTo(spatial,
                org.assertj.core.data.Offset.offset(TPS_TOLERANCE));
        assertThat((Double) r.get("temporal_distance")).isCloseTo(temporal,
                org.assertj.core.data.Offset.offset(TPS_TOLERANCE));
        assertThat((Double) r.get("spacetime_distance")).isCloseTo(Math.sqrt(spatial * spatial + temporal * temporal),
                org.assertj.core.data.Offset.offset(TPS_TOLERANCE));
    }
}
