package dev.basin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.attractors.AttractorService;
import dev.basin.navigation.AgentSettings;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.StepSample;
import dev.basin.navigation.TpsPathService;
import dev.basin.navigation.TrajectoryStatus;
import dev.basin.runs.SessionRecord;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A judge watching a voyage sees every step as it happens, and a ball it raises stops the voyage at once. */
class VoyageJudgeTest {
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
        session = kernels.sessions().start(9L, store.json().createObjectNode());
    }

    @AfterAll
    static void close() {
        safety.close();
        store.close();
    }

    @Test
    void aBallRaisedMidVoyageStopsItAtOnce() {
        KernelRow k = kernels.kernels().createRoot(session.sessionId(), "judged", Trajectories.START, 64.0,
                Neurotransmitters.resting(), 4L);
        List<Long> stepCounts = new ArrayList<>();
        List<Integer> sequences = new ArrayList<>();
        String[] raised = {null};
        Voyages.Voyage v = kernels.voyages().navigate(k.kernelId(), Trajectories.TARGET, "t", MovementReason.EXPLORATION,
                200, (KernelState lived, StepSample s) -> {
                    stepCounts.add(lived.stepCount());
                    sequences.add(s.sequence());
                    if (stepCounts.size() < 3) {
                        return List.of();
                    }
                    BarrierRow b = safety.createBarrier(new NewBarrier(k.kernelId(), s.basin(), 0.1,
                            BarrierType.INSTABILITY, 0.5, "raised around the kernel", null));
                    raised[0] = b.barrierId();
                    return List.of(b.barrierId());
                });
        assertThat(stepCounts).containsExactly(1L, 2L, 3L);
        assertThat(sequences).containsExactly(2, 3, 4);
        assertThat(v.result().status()).isEqualTo(TrajectoryStatus.BLOCKED);
        assertThat(v.result().steps()).isEqualTo(3);
        assertThat(v.result().blockedIds()).containsExactly(raised[0]);
        assertThat(v.result().blockedReason()).contains("stopped after step 3").contains(raised[0]);
        long waypoints = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ocean_waypoints WHERE "
                + "trajectory_id = :t").bind("t", v.result().trajectoryId()).mapTo(Long.class).one());
        assertThat(waypoints).isEqualTo(4);
    }

    @Test
    void aJudgeThatRaisesNothingLetsTheVoyageArrive() {
        KernelRow k = kernels.kernels().createRoot(session.sessionId(), "free", Trajectories.START, 64.0,
                Neurotransmitters.resting(), 5L);
        List<Long> seen = new ArrayList<>();
        Voyages.Voyage v = kernels.voyages().navigate(k.kernelId(), Trajectories.TARGET, "t", MovementReason.EXPLORATION,
                200, (lived, s) -> {
                    seen.add(lived.stepCount());
                    return List.of();
                });
        assertThat(v.result().status()).isEqualTo(TrajectoryStatus.COMPLETED);
        assertThat(seen).hasSize(v.result().steps());
    }
}
