package dev.basin.kernel;

import dev.basin.geometry.UnknownIdException;
import dev.basin.runs.SessionRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.attractors.AttractorService;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckpointServiceTest {
    /** In-memory JSON round trips (the codec, Jackson text, parse back). */
    static final int IN_MEMORY_STATES = 10_000;
    /** Round trips through PostgreSQL jsonb (save, restore, read back). */
    static final int DATABASE_STATES = 100;

    static Store store;
    static Kernels kernels;
    static final List<dev.basin.navigation.Landmark[]> LINKS = new ArrayList<>();

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        TickingClock clock = TickingClock.seconds();
        SpaceTimeLinker recording = (kernelId, from, to, between) -> {
            synchronized (LINKS) {
                LINKS.add(new dev.basin.navigation.Landmark[] {from, to});
            }
        };
        kernels = new Kernels(store, clock, new GeodesicNavigator(), recording, new AttractorService(store, clock),
                KernelConfig.defaults(), SpawnConfig.defaults(), null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static KernelRow newKernel(String name) {
        SessionRecord s = kernels.sessions().start(7L, store.json().createObjectNode().put("test", name));
        return kernels.kernels().createRoot(s.sessionId(), name, Trajectories.START, 64.21,
                Neurotransmitters.resting(), 99L);
    }

    @Test
    void tenThousandRandomStatesRoundTripThroughJsonBitForBit() throws Exception {
        SplittableRandom r = new SplittableRandom(2026);
        for (int i = 0; i < IN_MEMORY_STATES; i++) {
            KernelState s = RandomStates.state(r);
            String text = store.json().writeValueAsString(CheckpointCodec.encode(s));
            KernelState back = CheckpointCodec.decode(store.json().readTree(text));
            assertThat(RandomStates.bits(back)).isEqualTo(RandomStates.bits(s));
        }
    }

    @Test
    void randomStatesSaveAndRestoreThroughPostgresBitForBit() {
        KernelRow k = newKernel("fidelity");
        SplittableRandom r = new SplittableRandom(77);
        List<KernelState> states = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DATABASE_STATES; i++) {
            KernelState s = RandomStates.state(r);
            KernelRow row = new KernelRow(k.kernelId(), k.sessionId(), null, k.name(), 0, s, k.createdAt(),
                    k.createdAt(), KernelService.metadata(store.json(), s, java.util.Map.of()));
            store.update(KernelService.stateUpdate(row));
            states.add(s);
            ids.add(kernels.checkpoints().save(k.kernelId(), CheckpointType.REGULAR).checkpointId());
        }
        for (int i = DATABASE_STATES - 1; i >= 0; i--) {
            KernelRow restored = kernels.checkpoints().restore(ids.get(i));
            assertThat(RandomStates.bits(restored.state())).isEqualTo(RandomStates.bits(states.get(i)));
            assertThat(RandomStates.bits(kernels.kernels().get(k.kernelId()).state()))
                    .isEqualTo(RandomStates.bits(states.get(i)));
        }
    }

    @Test
    void checkpointsChainToTheirPredecessorAndAreLinkedInSpaceTime() {
        KernelRow k = newKernel("chain");
        LINKS.clear();
        CheckpointRow a = kernels.checkpoints().save(k.kernelId(), CheckpointType.MANUAL);
        kernels.kernels().advance(k.kernelId(), Trajectories.TARGET, "target");
        CheckpointRow b = kernels.checkpoints().save(k.kernelId(), CheckpointType.REGULAR);
        assertThat(a.parentCheckpointId()).isNull();
        assertThat(a.sequence()).isEqualTo(1);
        assertThat(b.parentCheckpointId()).isEqualTo(a.checkpointId());
        assertThat(b.sequence()).isEqualTo(2);
        assertThat(b.sizeBytes()).isGreaterThan(64);
        assertThat(b.stateBlob().get("schema_version").asInt()).isEqualTo(CheckpointCodec.SCHEMA_VERSION);
        assertThat(LINKS).hasSize(1);
        assertThat(LINKS.get(0)[0].checkpointId()).isEqualTo(a.checkpointId());
        assertThat(LINKS.get(0)[1].checkpointId()).isEqualTo(b.checkpointId());
        assertThat(LINKS.get(0)[1].time()).isAfter(LINKS.get(0)[0].time());
    }

    @Test
    void concurrentSavesOfOneKernelFormOneChainWithoutGapsOrForks() throws Exception {
        KernelRow k = newKernel("concurrent");
        int threads = 8;
        int each = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<List<CheckpointRow>>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                List<CheckpointRow> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(kernels.checkpoints().save(k.kernelId(), CheckpointType.REGULAR));
                }
                return mine;
            }));
        }
        List<CheckpointRow> saved = new ArrayList<>();
        for (var f : done) {
            saved.addAll(f.get());
        }
        pool.shutdown();
        List<CheckpointRow> chain = kernels.checkpoints().history(k.kernelId());
        assertThat(chain).hasSize(threads * each);
        for (int i = 0; i < chain.size(); i++) {
            CheckpointRow c = chain.get(i);
            assertThat(c.sequence()).isEqualTo(chain.size() - i);
            assertThat(c.parentCheckpointId()).isEqualTo(i + 1 < chain.size() ? chain.get(i + 1).checkpointId() : null);
        }
        assertThat(saved).extracting(CheckpointRow::checkpointId)
                .containsExactlyInAnyOrderElementsOf(chain.stream().map(CheckpointRow::checkpointId).toList());
    }

    @Test
    void restoringAnUnknownIdFailsClearlyAndChangesNothing() {
        assertThatThrownBy(() -> kernels.checkpoints().restore("ckpt_00000000000000000000"))
                .isInstanceOf(UnknownIdException.class)
                .hasMessage("checkpoint_id is unknown: ckpt_00000000000000000000");
        assertThatThrownBy(() -> kernels.checkpoints().restore(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessage("checkpoint_id must not be blank");
    }

    @Test
    void blobsWithUnknownFieldsOrNewerSchemaAreRejected() {
        JsonNode good = CheckpointCodec.encode(RandomStates.state(new SplittableRandom(1)));
        JsonNode extra = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).put("@class", "x.Y");
        assertThatThrownBy(() -> CheckpointCodec.decode(extra)).hasMessage("state_blob.@class is not a known field");
        JsonNode newer = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).put("schema_version", 2);
        assertThatThrownBy(() -> CheckpointCodec.decode(newer))
                .hasMessage("state_blob.schema_version must be 1 (this program's), is 2");
    }

    @Test
    void pruneKeepsTheNewestNAndEveryCheckpointOfTheChosenTypes() {
        KernelRow k = newKernel("prune");
        CheckpointType[] types = {CheckpointType.REGULAR, CheckpointType.PRE_SLEEP, CheckpointType.REGULAR,
            CheckpointType.REGULAR, CheckpointType.PRE_SLEEP, CheckpointType.MANUAL, CheckpointType.REGULAR,
            CheckpointType.REGULAR, CheckpointType.REGULAR, CheckpointType.REGULAR};
        List<CheckpointRow> saved = new ArrayList<>();
        for (CheckpointType t : types) {
            saved.add(kernels.checkpoints().save(k.kernelId(), t));
        }
        LINKS.clear();
        CheckpointService.Pruned p = kernels.checkpoints().prune(k.kernelId(), 3, Set.of(CheckpointType.PRE_SLEEP));

        List<String> expectedKept = List.of(saved.get(9).checkpointId(), saved.get(8).checkpointId(),
                saved.get(7).checkpointId(), saved.get(4).checkpointId(), saved.get(1).checkpointId());
        assertThat(p.kept()).containsExactlyElementsOf(expectedKept);
        assertThat(p.deleted()).hasSize(5);
        List<CheckpointRow> left = kernels.checkpoints().history(k.kernelId());
        assertThat(left).extracting(CheckpointRow::checkpointId).containsExactlyElementsOf(expectedKept);
        for (int i = 0; i + 1 < left.size(); i++) {
            assertThat(left.get(i).parentCheckpointId()).isEqualTo(left.get(i + 1).checkpointId());
        }
        assertThat(left.get(left.size() - 1).parentCheckpointId()).isNull();
        assertThat(LINKS).hasSize(2);
        assertThatThrownBy(() -> kernels.checkpoints().prune(k.kernelId(), 0, Set.of()))
                .hasMessage("keep_newest must be ≥ 1, is 0");
    }

    @Test
    void restoreAlsoBringsBackTheRngSoTheFutureRepeats() {
        KernelRow k = newKernel("replay");
        CheckpointRow c = kernels.checkpoints().save(k.kernelId(), CheckpointType.PRE_NAVIGATION);
        Basin first = run(k.kernelId(), 5);
        kernels.checkpoints().restore(c.checkpointId());
        Basin second = run(k.kernelId(), 5);
        assertThat(second.toArray()).isEqualTo(first.toArray());
        assertThat(kernels.kernels().get(k.kernelId()).state().rngState())
                .isNotEqualTo(k.state().rngState());
    }

    private static Basin run(String kernelId, int steps) {
        KernelService.Advance a = null;
        for (int i = 0; i < steps; i++) {
            a = kernels.kernels().advance(kernelId, Trajectories.TARGET, "target");
        }
        return a.kernel().state().basin();
    }
}
