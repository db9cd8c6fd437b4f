package dev.basin.kernel;

import dev.basin.runs.SessionRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.attractors.AttractorFinder;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.FinderConfig;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.knowledge.ConsolidationStatus;
import dev.basin.knowledge.FragmentType;
import dev.basin.knowledge.MemoryService;
import dev.basin.store.FaultInjector;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SleepCycleTest {
    static Store store;
    static Kernels kernels;
    static MemoryService memory;
    static SleepCycle sleep;
    static SessionRecord session;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        TickingClock clock = TickingClock.seconds();
        AttractorService attractors = new AttractorService(store, clock,
                new AttractorFinder(FinderConfig.defaults().withVolumeSamples(20).withRandomStarts(4)), 1e-3);
        kernels = new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE, attractors,
                KernelConfig.defaults(), SpawnConfig.defaults(), null);
        memory = new MemoryService(store, clock);
        sleep = kernels.sleepCycle(memory);
        session = kernels.sessions().start(9L, store.json().createObjectNode().put("sleep", true));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Three tight clusters of three fragments around well-separated centres. */
    static KernelRow kernelWithMemories(String name) {
        KernelRow k = kernels.kernels().createRoot(session.sessionId(), name, Trajectories.START, 64.21,
                Neurotransmitters.resting(), 21L);
        int[] centres = {5, 25, 45};
        for (int c : centres) {
            Basin centre = Trajectories.peak(c, 0.5);
            for (int j = 0; j < 3; j++) {
                Basin b = FisherRao.stepToward(centre, Trajectories.peak((c + 7 * j + 1) % 64, 0.5), 0.01 * j);
                memory.remember(k.kernelId(), FragmentType.EPISODIC,
                        store.json().createObjectNode().put("visit", c * 10 + j), b, 1.0);
            }
        }
        return k;
    }

    static int count(String sql, String id) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Integer.class).one());
    }

    @Test
    void sleepConsolidatesRefindsAttractorsAndCheckpointsBeforeAndAfter() {
        KernelRow k = kernelWithMemories("sleeper");
        SleepCycle.Slept s = sleep.sleep(k.kernelId());
        assertThat(s.plan().clusters()).hasSize(3);
        assertThat(s.preSleep().type()).isEqualTo(CheckpointType.PRE_SLEEP);
        assertThat(s.postSleep().type()).isEqualTo(CheckpointType.POST_SLEEP);
        assertThat(s.postSleep().parentCheckpointId()).isEqualTo(s.preSleep().checkpointId());
        // sleep takes time: 250 ms per pending fragment replayed (9 here), so the space-time path between the two
        // checkpoints (same place, later time) has length, not 0
        assertThat(s.postSleep().createdAt()).isEqualTo(s.preSleep().createdAt().plus(SleepCycle.REPLAY.multipliedBy(9)));
        assertThat(s.postSleep().basin()).isEqualTo(s.preSleep().basin());
        assertThat(s.attractors()).hasSize(3)
                .allMatch(r -> r.row().discoveryMethod() == DiscoveryMethod.SLEEP);
        assertThat(memory.fragments(k.kernelId(), ConsolidationStatus.MERGED)).hasSize(9);
        assertThat(count("SELECT count(*) FROM kernel_thoughts WHERE kernel_id = :id AND event IN "
                + "('sleep_start', 'sleep_end')", k.kernelId())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM kernel_emotions WHERE kernel_id = :id AND trigger = 'sleep'",
                k.kernelId())).isEqualTo(1);
        assertThat(kernels.kernels().get(k.kernelId()).state().status()).isEqualTo(KernelStatus.ASLEEP);
        assertThatThrownBy(() -> kernels.kernels().advance(k.kernelId(), Trajectories.TARGET, "t"))
                .hasMessageContaining("is asleep, not awake");
        assertThat(sleep.wake(k.kernelId()).state().status()).isEqualTo(KernelStatus.AWAKE);
        assertThat(kernels.kernels().get(k.kernelId()).state().status()).isEqualTo(KernelStatus.AWAKE);
    }

    @Test
    void aFailureAtEveryStepOfSleepLeavesNothing() {
        KernelRow k = kernelWithMemories("fault-sleeper");
        int failures = 0;
        for (int n = 1; ; n++) {
            store.faults().failStatement(n);
            try {
                sleep.sleep(k.kernelId());
            } catch (FaultInjector.InjectedFault e) {
                failures++;
                assertThat(count("SELECT count(*) FROM kernel_checkpoints WHERE kernel_id = :id", k.kernelId()))
                        .as("checkpoints after failure at %d", n).isZero();
                assertThat(count("SELECT count(*) FROM learned_manifold_attractors WHERE kernel_id = :id",
                        k.kernelId())).isZero();
                assertThat(count("SELECT count(*) FROM memory_fragments WHERE kernel_id = :id AND "
                        + "consolidation_status <> 'pending'", k.kernelId())).isZero();
                assertThat(count("SELECT count(*) FROM kernel_thoughts WHERE kernel_id = :id", k.kernelId()))
                        .isZero();
                assertThat(kernels.kernels().get(k.kernelId()).state().status()).isEqualTo(KernelStatus.AWAKE);
                continue;
            } finally {
                store.faults().disarm();
            }
            break;
        }
        assertThat(failures).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) FROM kernel_checkpoints WHERE kernel_id = :id", k.kernelId())).isEqualTo(2);
    }
}
