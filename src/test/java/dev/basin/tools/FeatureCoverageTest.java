package dev.basin.tools;

import static dev.basin.knowledge.TestKernels.around;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.Basin;
import dev.basin.coordizer.DefaultModel;
import dev.basin.geometry.Integration;
import dev.basin.knowledge.ConsolidationPlan;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.FragmentType;
import dev.basin.knowledge.KappaState;
import dev.basin.knowledge.KnowledgeTables;
import dev.basin.knowledge.MemoryService;
import dev.basin.knowledge.PatternMember;
import dev.basin.knowledge.ScaleMappingService;
import dev.basin.knowledge.TestKernels;
import dev.basin.rag.DocumentService;
import dev.basin.rag.IndexedChunk;
import dev.basin.rag.RagTables;
import dev.basin.store.Column;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small life of two kernels over the default corpus, driving every service of rag, knowledge and tools; then every
 * column of their ten tables must be filled (no column entirely NULL) and vary (at least two distinct values), except
 * the columns a table declares constant and the enumerations this scenario does not exercise in full.
 */
class FeatureCoverageTest {
    /** A clock that advances one second per reading, so timestamps vary like a real run's. */
    static final class Ticking extends Clock {
        private Instant now = Instant.parse("2026-02-01T00:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static byte[] corpus(String name) throws IOException {
        try (InputStream in = FeatureCoverageTest.class.getResourceAsStream("/corpus/" + name + ".md")) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyColumnIsFilledAndVaries() throws Exception {
        Clock clock = new Ticking();
        DocumentService docs = new DocumentService(store, clock);
        for (String d : List.of("astronomy", "cooking", "music", "oceanography")) {
            docs.ingest(d + ".md", d, corpus(d));
        }
        for (String q : List.of("stars and planets", "heat and water", "rhythm of waves", "salt in the sea")) {
            docs.query(q, 4);
        }
        docs.query("stars", 1);
        String k1 = TestKernels.kernel(store, around(10, 20, 0));
        String k2 = TestKernels.kernel(store, around(30, 20, 0));

        MemoryService memory = new MemoryService(store, clock);
        List<IndexedChunk> chunks = docs.indexedChunks();
        for (int i = 0; i < 10; i++) {
            IndexedChunk c = chunks.get(i * 2);
            Basin b = i < 4 ? around(10, 30, 0.01 * i) : i < 7 ? around(40, 30, 0.01 * i) : c.basin();
            memory.remember(k1, FragmentType.values()[i % 3], JsonNodeFactory.instance.objectNode().put("chunk", c.chunkId()),
                    b, 0.05 + 0.1 * i);
        }
        memory.recall(memory.fragments(k1, dev.basin.knowledge.ConsolidationStatus.PENDING).get(0).fragmentId());
        Instant later = clock.instant().plus(Duration.ofHours(2));
        ConsolidationPlan plan = memory.planConsolidation(k1, later);
        store.useTransaction(tx -> memory.applyConsolidation(tx, plan));
        memory.remember(k2, FragmentType.EPISODIC, JsonNodeFactory.instance.objectNode().put("event", "woke"),
                around(30, 20, 0), 0.7);
        memory.remember(k2, FragmentType.SEMANTIC, JsonNodeFactory.instance.objectNode().put("event", "read"),
                around(30, 20, 0.01), 0.4);
        memory.consolidate(k2);
        memory.remember(k2, FragmentType.EPISODIC, JsonNodeFactory.instance.objectNode().put("event", "swam"),
                around(50, 20, 0), 0.3);

        // four short test documents give few chunks: a wide grouping radius still finds cross-domain groups
        CrossPatternService patterns = new CrossPatternService(store, clock, 2.0);
        List<PatternMember> memories = memory.fragments(k2, dev.basin.knowledge.ConsolidationStatus.PENDING).stream()
                .map(PatternMember::of).toList();
        patterns.discover(docs, memories);
        docs.ingest("extra.md", "astronomy", "Stars, planets and the tides of the sea.".getBytes());
        patterns.discover(docs, memories);

        ScaleMappingService scales = new ScaleMappingService(store, clock);
        double[] kappas = {30, 45, 80, 120, 60};
        for (int i = 1; i < kappas.length; i++) {
            scales.onKappaChange(i % 2 == 0 ? k1 : k2, new KappaState(kappas[i - 1], around(5 * i, 20, 0), 0.1 + 0.02 * i),
                    new KappaState(kappas[i], around(5 * i + 1, 20, 0.01), i % 2 == 0 ? 0.12 + 0.02 * i : 0.3));
        }

        FalsePatternService falsePatterns = new FalsePatternService(store, clock);
        InsightService insights = new InsightService(store, clock, falsePatterns);
        List<InsightRow> fired = new ArrayList<>();
        Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i + 1 < chunks.size() && fired.size() < 4; i++) {
            IndexedChunk a = chunks.get(i);
            for (IndexedChunk b : chunks) {
                if (!b.domain().equals(a.domain()) && fired.size() < 4 && !pairs.contains(a.domain() + b.domain())) {
                    Detection d = insights.detect(i % 2 == 0 ? k1 : k2,
                            new DomainSignal(a.domain(), a.basin(), Integration.phi(a.basin())),
                            new DomainSignal(b.domain(), b.basin(), Integration.phi(b.basin())), Math.PI);
                    d.insight().ifPresent(fired::add);
                    d.insight().ifPresent(x -> pairs.add(a.domain() + b.domain()));
                    if (d.insight().isPresent()) {
                        break;
                    }
                }
            }
        }
        assertThat(fired).hasSizeGreaterThanOrEqualTo(3);
        insights.recordOutcome(fired.get(0).insightId(), 0.10, 0.20, 60, 64);
        insights.recordOutcome(fired.get(1).insightId(), 0.30, 0.10, 70, 66);
        insights.recordOutcome(fired.get(2).insightId(), 0.20, 0.205, 50, 50.5);
        falsePatterns.register(new dev.basin.knowledge.FalsePatternDraft("manual class", "known dead end",
                dev.basin.knowledge.DetectionMethod.MANUAL, around(60, 20, 0), 0.2,
                JsonNodeFactory.instance.arrayNode().add("case")));
        falsePatterns.isAvoided(fired.get(1).basin());
        falsePatterns.isAvoided(fired.get(1).basin());
        falsePatterns.isAvoided(around(60, 20, 0));

        ToolService tools = new ToolService(store, clock, docs);
        ToolRow t = tools.register(new ToolDraft("text_phi", "Φ of a text", ToolServiceTest.json(ToolServiceTest.IN_TEXT),
                ToolServiceTest.json(ToolServiceTest.OUT_PHI), ToolServiceTest.json(ToolServiceTest.PHI_PIPELINE), k1,
                "hybrid", 0.5));
        tools.run(t.toolId(), ToolServiceTest.json("{\"text\": \"tides\"}"));
        tools.recordUse(t.toolId(), false);
        tools.recordUse(t.toolId(), false);
        ToolMiner miner = new ToolMiner(tools, 2);
        Procedure nearest = Procedure.begin().step("b", Operation.COORDIZE, "text", "q")
                .step("hit", Operation.NEAREST_CHUNK, "basin", "b").build();
        for (int i = 0; i < 2; i++) {
            WorkTrace work = new WorkTrace(k2, "query");
            work.bind("q", JsonNodeFactory.instance.textNode("moon"));
            tools.workbench().carryOut(work, nearest, new Repertoire(), null);
            miner.observe(work, 0.2 + 0.1 * i, true).forEach(mined -> {
                tools.run(mined.tool().toolId(), ToolServiceTest.json("{\"q\": \"sea\"}"));
                tools.run(mined.tool().toolId(), ToolServiceTest.json("{\"q\": \"stars\"}"));
            });
        }
        assertThat(DefaultModel.shipped().id()).isNotBlank();

        // enumerations a short scenario need not cover in full, and columns constant by declaration
        Set<String> allowedConstant = Set.of("knowledge_cross_patterns.pattern_type",
                "lightning_insight_outcomes.kappa_change");
        List<String> problems = new ArrayList<>();
        List<Table<?>> tables = new ArrayList<>(RagTables.all());
        tables.addAll(KnowledgeTables.all());
        tables.addAll(ToolsTables.all());
        for (Table<?> table : tables) {
            for (Column<?> c : table.columns()) {
                String col = c.name();
                Map<String, Object> s = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) AS n, count(" + col
                        + ") AS nonnull, count(DISTINCT " + col + "::text) AS distinct_values FROM " + table.name())
                        .mapToMap().one());
                long n = (Long) s.get("n");
                long nonNull = (Long) s.get("nonnull");
                long distinct = (Long) s.get("distinct_values");
                String name = table.name() + "." + col;
                if (n == 0) {
                    problems.add(name + " EMPTY_TABLE");
                } else if (nonNull == 0) {
                    problems.add(name + " ALL_NULL");
                } else if (n > 1 && distinct < 2 && !table.constantReasons().containsKey(col)
                        && !allowedConstant.contains(name)) {
                    problems.add(name + " CONSTANT");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
