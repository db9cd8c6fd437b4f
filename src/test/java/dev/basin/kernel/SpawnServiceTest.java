package dev.basin.kernel;

import dev.basin.runs.SessionRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.attractors.AttractorFinder;
import dev.basin.attractors.AttractorRow;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.FinderConfig;
import dev.basin.attractors.Potential;
import dev.basin.attractors.Well;
import dev.basin.geometry.FisherRao;
import dev.basin.store.FaultInjector;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpawnServiceTest {
    static final double MIDPOINT_TOLERANCE = 1e-12;

    static Store store;
    static Kernels kernels;
    static SessionRecord session;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        TickingClock clock = TickingClock.seconds();
        AttractorService attractors = new AttractorService(store, clock,
                new AttractorFinder(FinderConfig.defaults().withVolumeSamples(100)), 1e-3);
        kernels = new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE, attractors,
                KernelConfig.defaults(), new SpawnConfig(2, 0.0, 8, 4), null);
        session = kernels.sessions().start(3L, store.json().createObjectNode().put("spawn", true));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static KernelRow parentWithAttractors(String name) {
        KernelRow k = kernels.kernels().createRoot(session.sessionId(), name, Trajectories.START, 64.21,
                Neurotransmitters.resting(), 11L);
        Potential u = new Potential(List.of(new Well(Trajectories.peak(20, 0.5), 1.0),
                new Well(Trajectories.peak(45, 0.5), 1.5)));
        kernels.discovery().discover(k.kernelId(), u.wells(), false, DiscoveryMethod.GRADIENT_DESCENT);
        return kernels.kernels().get(k.kernelId());
    }

    static int count(String sql, String id) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Integer.class).one());
    }

    @Test
    void aFailureAtEveryStepOfSpawningLeavesNoChildNoCheckpointNoTransfer() {
        KernelRow parent = parentWithAttractors("fault-parent");
        int failures = 0;
        for (int n = 1; ; n++) {
            store.faults().failStatement(n);
            try {
                kernels.spawner().spawn(parent.kernelId(), new SpawnRequest("child", List.of("geodesic", "basin"),
                        List.of(), List.of()));
            } catch (FaultInjector.InjectedFault e) {
                failures++;
                assertThat(count("SELECT count(*) FROM kernels WHERE parent_kernel_id = :id", parent.kernelId()))
                        .as("children after failure at statement %d", n).isZero();
                assertThat(count("SELECT count(*) FROM kernel_checkpoints WHERE kernel_id = :id", parent.kernelId()))
                        .as("checkpoints after failure at statement %d", n).isZero();
                assertThat(count("SELECT count(*) FROM kernel_knowledge_transfers WHERE source_kernel_id = :id",
                        parent.kernelId())).as("transfers after failure at statement %d", n).isZero();
                assertThat(count("SELECT count(*) FROM kernel_thoughts WHERE kernel_id = :id AND event = 'spawn'",
                        parent.kernelId())).isZero();
                assertThat(kernels.kernels().get(parent.kernelId()).state().rngState())
                        .isEqualTo(parent.state().rngState());
                continue;
            } finally {
                store.faults().disarm();
            }
            break;
        }
        assertThat(failures).isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT count(*) FROM kernels WHERE parent_kernel_id = :id", parent.kernelId())).isOne();
    }

    @Test
    void childStartsAtTheGeodesicMidpointAndTransfersNameRealItems() {
        KernelRow parent = parentWithAttractors("parent");
        SpawnService.Spawned s = kernels.spawner().spawn(parent.kernelId(),
                new SpawnRequest("child-1", List.of("fisher", "rao", "simplex"), List.of(), List.of()));
        AttractorRow strongest = kernels.attractors().strongest(parent.kernelId()).orElseThrow();
        assertThat(s.child().generation()).isEqualTo(1);
        assertThat(s.child().parentKernelId()).isEqualTo(parent.kernelId());
        double toParent = FisherRao.distance(s.child().state().basin(), parent.state().basin());
        double toAttractor = FisherRao.distance(s.child().state().basin(), strongest.basin());
        assertThat(toParent).isCloseTo(toAttractor, org.assertj.core.data.Offset.offset(MIDPOINT_TOLERANCE));
        assertThat(toParent + toAttractor).isCloseTo(FisherRao.distance(parent.state().basin(), strongest.basin()),
                org.assertj.core.data.Offset.offset(MIDPOINT_TOLERANCE));
        assertThat(s.preSpawn().type()).isEqualTo(CheckpointType.PRE_SPAWN);
        assertThat(s.transfers()).extracting(TransferRow::type)
                .containsExactly(KnowledgeType.ATTRACTORS, KnowledgeType.VOCABULARY);

        JsonNode data = store.jdbi().withHandle(h -> h.createQuery("SELECT knowledge_data FROM "
                        + "kernel_knowledge_transfers WHERE target_kernel_id = :id AND knowledge_type = 'attractors'")
                .bind("id", s.child().kernelId()).mapTo(JsonNode.class).one());
        assertThat(data.get("items")).hasSize(2);
        for (JsonNode item : data.get("items")) {
            AttractorRow a = kernels.attractors().get(item.get("attractor_id").asText());
            assertThat(a.kernelId()).isEqualTo(parent.kernelId());
            for (int i = 0; i < 64; i++) {
                assertThat(item.get("basin_coordinates").get(i).doubleValue()).isEqualTo(a.basin().get(i));
            }
        }
        int bytes = store.jdbi().withHandle(h -> h.createQuery("SELECT transfer_size_bytes FROM "
                        + "kernel_knowledge_transfers WHERE target_kernel_id = :id AND knowledge_type = 'vocabulary'")
                .bind("id", s.child().kernelId()).mapTo(Integer.class).one());
        assertThat(bytes).isEqualTo("{\"items\":[\"fisher\",\"rao\",\"simplex\"]}".length());
        assertThat(s.thought().content()).contains(s.child().kernelId()).contains("2 attractors");
    }

    @Test
    void newAttractorsAreThoughtAbout() {
        KernelRow k = parentWithAttractors("thinker");
        List<String> thoughts = store.jdbi().withHandle(h -> h.createQuery("SELECT thought_content FROM "
                + "kernel_thoughts WHERE kernel_id = :id AND event = 'attractor_found'").bind("id", k.kernelId())
                .mapTo(String.class).list());
        assertThat(thoughts).hasSize(2).allMatch(t -> t.startsWith("Found stable attractor attr_"));
    }

    @Test
    void spawnIsRefusedWhenCriteriaFailOrItemsAreUnknown() {
        KernelRow lonely = kernels.kernels().createRoot(session.sessionId(), "lonely", Trajectories.START, 64.21,
                Neurotransmitters.resting(), 2L);
        assertThat(kernels.spawner().evaluate(lonely.kernelId()).eligible()).isFalse();
        assertThatThrownBy(() -> kernels.spawner().spawn(lonely.kernelId(), SpawnRequest.named("c")))
                .hasMessageContaining("does not meet the spawn criteria: 0 stable attractors < 2");
        KernelRow parent = parentWithAttractors("picky");
        assertThatThrownBy(() -> kernels.spawner().spawn(parent.kernelId(),
                new SpawnRequest("c", List.of(), List.of("xpat_00000000000000000000"), List.of())))
                .hasMessage("pattern_ids names an unknown id: xpat_00000000000000000000");
        assertThat(count("SELECT count(*) FROM kernels WHERE parent_kernel_id = :id", parent.kernelId())).isZero();
    }
}
