package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.attractors.AttractorFinder;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.FinderConfig;
import dev.basin.attractors.FoundAttractor;
import dev.basin.attractors.Potential;
import dev.basin.attractors.Well;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.Integration;
import dev.basin.geometry.Coordizer;
import dev.basin.knowledge.DetectionMethod;
import dev.basin.knowledge.FalsePatternDraft;
import dev.basin.knowledge.FalsePatternRow;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.TestKernels;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.rag.DocumentService;
import dev.basin.rag.IngestResult;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import dev.basin.tools.ToolDraft;
import dev.basin.tools.ToolRow;
import dev.basin.tools.ToolService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R4, concurrency: {@link #WRITERS} threads released together, each counting {@link #PER_WRITER} times through the
 * product's own service method, on every counter the product keeps; the totals must be exact. 64 identical uploads
 * at once must store one document. Every writer must finish within {@link #BOUND_SECONDS} (no deadlock; a deadlock
 * PostgreSQL broke would surface as a failed write).
 */
class ConcurrencyTest {
    static final int WRITERS = 64;
    static final int PER_WRITER = 10;
    static final int TOTAL = WRITERS * PER_WRITER;
    static final long BOUND_SECONDS = 120;
    static final double MEAN_TOLERANCE = 1e-12;
    static final Instant T0 = Instant.parse("2026-07-08T09:10:11Z");

    static Store store;
    static Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    static String kernel;
    static final List<String> FIGURES = new ArrayList<>();

    @BeforeAll
    static void open() {
        // a generous connection wait: 64 writers share 24 connections on a loaded machine
        store = TestDatabases.freshStore(b -> b.poolSize(24).groupCommitWriters(2).connectionTimeout(java.time.Duration.ofSeconds(BOUND_SECONDS)));
        kernel = TestKernels.kernel(store);
    }

    @AfterAll
    static void close() {
        Reliability.record("R4 concurrency: " + WRITERS + " writers x " + PER_WRITER + " on " + FIGURES
                + ", all exact, no deadlock within " + BOUND_SECONDS + " s");
        store.close();
    }

    interface Step {
        void run(int writer, int i) throws Exception;
    }

    /** Runs {@code step} PER_WRITER times on each of WRITERS threads started together; fails on error or timeout. */
    static void hammer(String what, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (int i = 0; i < PER_WRITER; i++) {
                        step.run(writer, i);
                    }
                    return null;
                }));
            }
            go.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            for (Future<Void> f : futures) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as(what + ": writers ended").isTrue();
        }
        FIGURES.add(what + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    static long longOf(String sql, String id) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
    }

    static byte[] corpus(String name) throws IOException {
        try (InputStream in = ConcurrencyTest.class.getResourceAsStream("/corpus/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void documentTrainingStatsCountEveryQuery() throws Exception {
        DocumentService docs = new DocumentService(store, clock);
        IngestResult doc = docs.ingest("astronomy.md", "astronomy", corpus("astronomy.md"));
        String text = "the moon and the tides";
        double phi = Integration.phi(Coordizer.coordize(text));
        AtomicInteger hits = new AtomicInteger();
        hammer("document_training_stats", (w, i) -> hits.addAndGet(docs.query(text, 3).hits().size()));
        String id = doc.upload().uploadId();
        assertThat(longOf("SELECT total_queries FROM document_training_stats WHERE document_id = :id", id))
                .isEqualTo(TOTAL);
        assertThat(longOf("SELECT total_hits FROM document_training_stats WHERE document_id = :id", id))
                .isEqualTo(hits.get());
        double avg = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT avg_phi_score FROM document_training_stats WHERE document_id = :id").bind("id", id)
                .mapTo(Double.class).one());
        assertThat(avg).isCloseTo(phi, within(MEAN_TOLERANCE));
    }

    @Test
    void generatedToolUsesAndSuccessesAreExact() throws Exception {
        ToolService tools = new ToolService(store, clock, new DocumentService(store, clock));
        var json = store.json();
        ToolRow tool = tools.register(new ToolDraft("counted_phi", "phi of a text, counted under load",
                json.readTree("{\"type\": \"object\", \"required\": [\"text\"], \"properties\": {\"text\": {\"type\": \"string\"}}}"),
                json.readTree("{\"type\": \"object\", \"required\": [\"phi\"], \"properties\": {\"phi\": {\"type\": \"number\"}}}"),
                json.readTree("{\"steps\": [{\"op\": \"coordize\", \"args\": {\"text\": \"$input.text\"}, \"as\": \"b\"},"
                        + " {\"op\": \"phi\", \"args\": {\"basin\": \"$b\"}, \"as\": \"phi\"}], \"result\": {\"phi\": \"$phi\"}}"),
                kernel, "pattern_based", 0.5));
        hammer("generated_tools.times_used", (w, i) -> tools.recordUse(tool.toolId(), (w + i) % 3 != 0));
        long succeeded = 0;
        for (int w = 0; w < WRITERS; w++) {
            for (int i = 0; i < PER_WRITER; i++) {
                succeeded += (w + i) % 3 != 0 ? 1 : 0;
            }
        }
        assertThat(longOf("SELECT times_used FROM generated_tools WHERE tool_id = :id", tool.toolId())).isEqualTo(TOTAL);
        assertThat(longOf("SELECT times_succeeded FROM generated_tools WHERE tool_id = :id", tool.toolId()))
                .isEqualTo(succeeded);
    }

    @Test
    void falsePatternAvoidancesAreExact() throws Exception {
        FalsePatternService fps = new FalsePatternService(store, clock);
        Basin sig = TestKernels.around(33, 30, 0);
        FalsePatternRow p = fps.register(new FalsePatternDraft("a resonance that never held", "invalidated twice",
                DetectionMethod.MANUAL, sig, 0.4, JsonNodeFactory.instance.arrayNode().add("case-1")));
        Basin inside = TestKernels.around(33, 30, 0.05);
        hammer("false_pattern_classes.times_avoided", (w, i) -> assertThat(fps.isAvoided(inside)).isPresent());
        assertThat(longOf("SELECT times_avoided FROM false_pattern_classes WHERE pattern_id = :id", p.patternId()))
                .isEqualTo(TOTAL);
    }

    @Test
    void attractorVisitsAreExact() throws Exception {
        AttractorService attractors = new AttractorService(store, clock,
                new AttractorFinder(FinderConfig.defaults().withVolumeSamples(100)), 1e-3);
        Potential u = new Potential(List.of(new Well(TestKernels.around(12, 30, 0), 1.0),
                new Well(TestKernels.around(44, 30, 0), 1.5)));
        List<FoundAttractor> found = attractors.find(u, 3L, false, DiscoveryMethod.GRADIENT_DESCENT);
        store.useTransaction(tx -> attractors.record(tx, kernel, found, u, 3L, 0.4, Coupling.KAPPA_STAR));
        hammer("learned_manifold_attractors.times_visited",
                (w, i) -> store.useTransaction(tx -> attractors.record(tx, kernel, found, u, 3L, 0.4, Coupling.KAPPA_STAR)));
        List<Long> visits = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT times_visited FROM learned_manifold_attractors WHERE kernel_id = :id").bind("id", kernel)
                .mapTo(Long.class).list());
        assertThat(visits).hasSize(found.size()).allSatisfy(v -> assertThat(v).isEqualTo(1L + TOTAL));
    }

    @Test
    void barrierCrossingsPreventedAreExact() throws Exception {
        try (SafetyService safety = new SafetyService(store, clock)) {
            BarrierRow b = safety.createBarrier(new NewBarrier(kernel, TestKernels.around(7, 30, 0), 0.3,
                    BarrierType.INSTABILITY, 0.6, "unstable under load", JsonNodeFactory.instance.objectNode()
                    .put("source", "concurrency test")));
            hammer("geometric_barriers.crossings_prevented", (w, i) -> safety.recordPrevention(b.barrierId()));
            assertThat(longOf("SELECT crossings_prevented FROM geometric_barriers WHERE barrier_id = :id", b.barrierId()))
                    .isEqualTo(TOTAL);
        }
    }

    @Test
    void geodesicPathReusesAreExact() throws Exception {
        GeodesicPlanner planner = new GeodesicPlanner(store, clock);
        Basin from = TestKernels.around(5, 30, 0);
        Basin to = TestKernels.around(25, 30, 0);
        String pathId = planner.plan(kernel, from, to, 8, "first").pathId();
        hammer("geodesic_paths.reuse_count", (w, i) -> assertThat(planner.plan(kernel, from, to, 8, "again").pathId())
                .isEqualTo(pathId));
        assertThat(longOf("SELECT reuse_count FROM geodesic_paths WHERE path_id = :id", pathId)).isEqualTo(TOTAL);
    }

    @Test
    void identicalConcurrentUploadsStoreOneDocument() throws Exception {
        DocumentService docs = new DocumentService(store, clock);
        byte[] bytes = corpus("cooking.md");
        AtomicInteger inserted = new AtomicInteger();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        hammer("identical uploads", (w, i) -> {
            if (i == 0) {
                IngestResult r = docs.ingest("cooking.md", "cooking", bytes);
                ids.add(r.upload().uploadId());
                if (r.inserted()) {
                    inserted.incrementAndGet();
                }
            }
        });
        String hash = dev.basin.store.Hashes.sha256Hex(bytes);
        assertThat(inserted.get()).as("uploads reported as new").isEqualTo(1);
        assertThat(ids).hasSize(WRITERS).containsOnly(ids.get(0));
        assertThat(longOf("SELECT count(*) FROM rag_uploads WHERE content_hash = :id", hash)).isEqualTo(1);
        assertThat(longOf("SELECT count(*) FROM rag_chunks WHERE upload_id = :id", ids.get(0)))
                .isEqualTo(longOf("SELECT chunk_count FROM rag_uploads WHERE upload_id = :id", ids.get(0)));
        assertThat(longOf("SELECT count(*) FROM document_training_stats WHERE document_id = :id", ids.get(0)))
                .isEqualTo(1);
    }
}
