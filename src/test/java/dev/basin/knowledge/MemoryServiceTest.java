package dev.basin.knowledge;

import static dev.basin.knowledge.TestKernels.around;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Means;
import dev.basin.store.Store;
import dev.basin.store.StoredName;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemoryServiceTest {
    static final double ACCURACY = 1e-12;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(KnowledgeTables.all().toArray(new Table<?>[0]));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static ObjectNode content(String what) {
        return JsonNodeFactory.instance.objectNode().put("event", what);
    }

    MemoryService at(Instant t) {
        return new MemoryService(store, Clock.fixed(t, ZoneOffset.UTC), SleepConfig.defaults());
    }

    /** Cluster A: 3 near bin 10; cluster B: 2 near bin 40; S1 important singleton; S2 old unimportant singleton. */
    record Crafted(String kernel, List<FragmentRow> a, List<FragmentRow> b, FragmentRow keep, FragmentRow prune) {}

    Crafted craft() {
        String k = TestKernels.kernel(store);
        MemoryService m = at(T0);
        List<FragmentRow> a = List.of(
                m.remember(k, FragmentType.EPISODIC, content("a1"), around(10, 30, 0.00), 0.5),
                m.remember(k, FragmentType.EPISODIC, content("a2"), around(10, 30, 0.02), 0.3),
                m.remember(k, FragmentType.SEMANTIC, content("a3"), around(10, 30, 0.05), 0.2));
        List<FragmentRow> b = List.of(
                m.remember(k, FragmentType.PROCEDURAL, content("b1"), around(40, 30, 0.00), 0.4),
                m.remember(k, FragmentType.PROCEDURAL, content("b2"), around(40, 30, 0.03), 0.6));
        FragmentRow keep = m.remember(k, FragmentType.SEMANTIC, content("keep"), around(25, 30, 0.0), 0.9);
        FragmentRow prune = m.remember(k, FragmentType.EPISODIC, content("prune"), around(55, 30, 0.0), 0.15);
        return new Crafted(k, a, b, keep, prune);
    }

    /**
     * Ids are random, so a tie in time must not be broken by id: the sleep clusters and the wells follow this order,
     * and a seeded session must give the same content on every run.
     */
    @Test
    void fragmentsOfOneInstantComeBackInBasinOrderWhateverTheirIds() {
        String k = TestKernels.kernel(store);
        MemoryService m = at(T0);
        for (int i = 0; i < 12; i++) {
            m.remember(k, FragmentType.EPISODIC, content("f" + i), around((i * 5) % 64, 30, 0.01 * i), 0.5);
        }
        List<FragmentRow> read = m.fragments(k, ConsolidationStatus.PENDING);
        assertThat(read).hasSize(12);
        for (int i = 1; i < read.size(); i++) {
            assertThat(lexicographic(read.get(i - 1).basin().toArray(), read.get(i).basin().toArray())).isNegative();
        }
    }

    static int lexicographic(double[] a, double[] b) {
        return java.util.Arrays.compare(a, b);
    }

    @Test
    void sleepConsolidatesClustersAndPrunesFadedSingletons() {
        Crafted c = craft();
        Instant now = T0.plus(Duration.ofMinutes(30)); // decay exp(−0.5): 0.9 → 0.546 kept, 0.15 → 0.091 pruned
        MemoryService m = at(now);
        ConsolidationPlan plan = m.planConsolidation(c.kernel(), now);
        assertThat(plan.clusters()).hasSize(2);
        assertThat(plan.mergedCount()).isEqualTo(5);
        assertThat(plan.prunedCount()).isEqualTo(1);
        List<MemoryWell> inside = store.inTransaction(tx -> {
            m.applyConsolidation(tx, plan);
            return m.wells(tx, c.kernel());
        });
        assertThat(inside).hasSize(3);

        for (List<FragmentRow> members : List.of(c.a(), c.b())) {
            ConsolidationPlan.Cluster cl = plan.clusters().stream()
                    .filter(x -> x.members().stream().anyMatch(mm -> mm.fragmentId().equals(members.get(0).fragmentId())))
                    .findFirst().orElseThrow();
            assertThat(cl.members()).extracting(ConsolidationPlan.Member::fragmentId)
                    .containsExactlyInAnyOrderElementsOf(members.stream().map(FragmentRow::fragmentId).toList());
            FragmentRow stored = m.fragment(cl.consolidated().fragmentId());
            double total = members.stream().mapToDouble(FragmentRow::importance).sum();
            assertThat(stored.status()).isEqualTo(ConsolidationStatus.CONSOLIDATED);
            assertThat(stored.importance()).isCloseTo(total, within(ACCURACY));
            double[] w = members.stream().mapToDouble(f -> f.importance() / total).toArray();
            Basin mean = Means.karcher(members.stream().map(FragmentRow::basin).toList(), w).basin();
            assertThat(FisherRao.distance(stored.basin(), mean)).isLessThan(1e-9);
            assertThat(stored.content().get("members")).hasSize(members.size());
            for (FragmentRow f : members) {
                FragmentRow after = m.fragment(f.fragmentId());
                assertThat(after.status()).isEqualTo(ConsolidationStatus.MERGED);
                assertThat(after.consolidatedInto()).isEqualTo(stored.fragmentId());
                assertThat(after.consolidatedAt()).isEqualTo(now);
            }
        }
        FragmentRow b = plan.clusters().stream().map(ConsolidationPlan.Cluster::consolidated)
                .filter(f -> f.type() == FragmentType.PROCEDURAL).findFirst().orElseThrow();
        assertThat(b.content().get("member_types").get("procedural").asInt()).isEqualTo(2);
        assertThat(m.fragment(c.keep().fragmentId()).status()).isEqualTo(ConsolidationStatus.CONSOLIDATED);
        FragmentRow pruned = m.fragment(c.prune().fragmentId());
        assertThat(pruned.status()).isEqualTo(ConsolidationStatus.PRUNED);
        assertThat(pruned.metadata().get("sleep").get("decayed_importance").asDouble())
                .isCloseTo(0.15 * Math.exp(-0.5), within(ACCURACY));
        assertThat(m.fragments(c.kernel(), ConsolidationStatus.PENDING)).isEmpty();

        List<MemoryWell> wells = m.wells(c.kernel());
        assertThat(wells).hasSize(3); // two consolidated clusters and the kept singleton
        Map<String, MemoryWell> byId = wells.stream().collect(Collectors.toMap(MemoryWell::fragmentId, Function.identity()));
        assertThat(byId.get(c.keep().fragmentId()).weight()).isEqualTo(0.9);

        assertThatThrownBy(() -> store.useTransaction(tx -> m.applyConsolidation(tx, plan)))
                .hasMessageContaining("are no longer pending");
    }

    @Test
    void failureAtAnyStepOfSleepLeavesThePreSleepState() {
        Crafted c = craft();
        Instant now = T0.plus(Duration.ofMinutes(30));
        MemoryService m = at(now);
        ConsolidationPlan plan = m.planConsolidation(c.kernel(), now);
        int statements = 2 + plan.mergedCount() + plan.singletons().size();
        List<FragmentRow> before = m.fragments(c.kernel(), ConsolidationStatus.PENDING);
        for (int step = 1; step <= statements; step++) {
            store.faults().failStatement(step);
            assertThatThrownBy(() -> store.useTransaction(tx -> m.applyConsolidation(tx, plan)))
                    .hasMessageContaining("injected fault");
            assertThat(m.fragments(c.kernel(), ConsolidationStatus.PENDING)).as("after fault at %d", step)
                    .usingRecursiveComparison().isEqualTo(before);
            assertThat(m.fragments(c.kernel(), ConsolidationStatus.CONSOLIDATED)).isEmpty();
        }
        store.useTransaction(tx -> m.applyConsolidation(tx, plan));
        assertThat(m.fragments(c.kernel(), ConsolidationStatus.MERGED)).hasSize(5);
    }

    @Test
    void recallCountsAccesses() {
        String k = TestKernels.kernel(store);
        MemoryService m = at(T0);
        FragmentRow f = m.remember(k, FragmentType.SEMANTIC, content("x"), around(3, 10, 0), 1.0);
        m.recall(f.fragmentId());
        m.recall(f.fragmentId());
        assertThat(m.fragment(f.fragmentId()).accessCount()).isEqualTo(2);
    }

    @Test
    void badInputIsRejectedAndWritesNothing() {
        String k = TestKernels.kernel(store);
        MemoryService m = at(T0);
        Basin b = around(3, 10, 0);
        long before = TestKernels.count(store, "memory_fragments");
        assertBad(() -> m.remember("krn_0000000000000000dead", FragmentType.EPISODIC, content("x"), b, 1),
                "kernelId is unknown: krn_0000000000000000dead");
        assertBad(() -> m.remember(" ", FragmentType.EPISODIC, content("x"), b, 1), "kernelId must not be blank");
        assertBad(() -> m.remember(k, null, content("x"), b, 1), "type is missing");
        assertBad(() -> m.remember(k, FragmentType.EPISODIC, JsonNodeFactory.instance.objectNode(), b, 1),
                "content must be a non-empty JSON object");
        assertBad(() -> m.remember(k, FragmentType.EPISODIC, content("x"), null, 1), "basin is missing");
        assertBad(() -> m.remember(k, FragmentType.EPISODIC, content("x"), b, -1), "importance must be finite and ≥ 0, is -1.0");
        assertBad(() -> m.remember(k, FragmentType.EPISODIC, content("x"), b, Double.NaN), "importance must be finite");
        assertBad(() -> m.recall("mfrag_nope"), "fragmentId is unknown: mfrag_nope");
        assertBad(() -> m.fragment("mfrag_nope"), "fragmentId is unknown: mfrag_nope");
        assertBad(() -> m.planConsolidation("krn_nope", T0), "kernelId is unknown: krn_nope");
        assertBad(() -> m.planConsolidation(k, null), "now is missing");
        assertBad(() -> m.wells("krn_nope"), "kernelId is unknown: krn_nope");
        assertBad(() -> StoredName.parse(FragmentType.class, "type", "dream"), "type must be one of episodic, semantic, procedural, is dream");
        assertBad(() -> new SleepConfig(0, Duration.ofHours(1), 0.1), "clusterRadius must be in (0, π], is 0.0");
        assertBad(() -> new SleepConfig(0.3, Duration.ZERO, 0.1), "decayTau must be positive");
        assertThat(TestKernels.count(store, "memory_fragments")).isEqualTo(before);
    }

    @Test
    void decayIsExponentialInAge() {
        assertThat(SleepPlanner.decayed(2.0, 3600, Duration.ofHours(1))).isCloseTo(2.0 / Math.E, within(ACCURACY));
        assertThat(SleepPlanner.decayed(2.0, -5, Duration.ofHours(1))).isEqualTo(2.0);
    }

    static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }
}
