package dev.basin.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Coordizer;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentServiceTest {
    static final double ACCURACY = 1e-12;
    static final String DOC = """
            # Tides

            The moon pulls the ocean into two bulges, and the earth turns beneath them.

            # Stars

            Navigators read latitude from the height of the pole star above the horizon.
            """;

    static Store store;
    DocumentService docs;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(RagTables.all().toArray(new dev.basin.store.Table<?>[0]));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.jdbi().useHandle(h -> h.execute("TRUNCATE document_training_stats, rag_chunks, rag_uploads CASCADE"));
        docs = new DocumentService(store, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                new RagConfig(4096, 1000, 40, 10_000, 1000));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    long rows(String table) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void ingestStoresUploadChunksAndStatsTogether() {
        IngestResult r = docs.ingest("sea.md", "oceanography", utf8(DOC));
        assertThat(r.inserted()).isTrue();
        UploadRow u = docs.upload(r.upload().uploadId());
        assertThat(u.contentHash()).isEqualTo(dev.basin.store.Hashes.sha256Hex(utf8(DOC))).hasSize(64);
        assertThat(u.byteSize()).isEqualTo(utf8(DOC).length);
        assertThat(u.domain()).isEqualTo("oceanography");
        assertThat(u.embeddingModel()).isEqualTo(Coordizer.MODEL);
        List<ChunkRow> chunks = docs.chunks(u.uploadId());
        assertThat(chunks).hasSize(u.chunkCount()).isNotEmpty();
        for (ChunkRow c : chunks) {
            assertThat(c.basin()).isEqualTo(Coordizer.coordize(c.content()));
            assertThat(c.metadata().get("phi").asDouble()).isCloseTo(Integration.phi(c.basin()), within(ACCURACY));
        }
        TrainingStatsRow s = docs.stats(u.uploadId());
        assertThat(s.totalQueries()).isZero();
        assertThat(s.lastQueryAt()).isNull();
    }

    @Test
    void sameContentTwiceInsertsNothingAndSaysSo() {
        IngestResult first = docs.ingest("a.md", "one", utf8(DOC));
        IngestResult second = docs.ingest("b.md", "two", utf8(DOC));
        assertThat(second.inserted()).isFalse();
        assertThat(second.upload().uploadId()).isEqualTo(first.upload().uploadId());
        assertThat(second.upload().filename()).isEqualTo("a.md");
        assertThat(second.describe()).contains("nothing inserted").contains(first.upload().uploadId());
        assertThat(rows("rag_uploads")).isEqualTo(1);
        assertThat(rows("rag_chunks")).isEqualTo(first.upload().chunkCount());
        assertThat(rows("document_training_stats")).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalUploadsMakeOneRow() throws Exception {
        int n = 32;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<IngestResult>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "copy" + i + ".md";
                calls.add(() -> docs.ingest(name, "race", utf8(DOC)));
            }
            List<IngestResult> results = new ArrayList<>();
            for (Future<IngestResult> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results.stream().filter(IngestResult::inserted)).hasSize(1);
            assertThat(results.stream().map(r -> r.upload().uploadId()).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows("rag_uploads")).isEqualTo(1);
        assertThat(rows("document_training_stats")).isEqualTo(1);
    }

    @Test
    void failureAtAnyStepOfIngestLeavesNothing() {
        for (int step = 1; step <= 3; step++) {
            store.faults().failStatement(step);
            assertThatThrownBy(() -> docs.ingest("f.md", "faults", utf8(DOC))).hasMessageContaining("injected fault");
            assertThat(rows("rag_uploads")).as("uploads after fault at %d", step).isZero();
            assertThat(rows("rag_chunks")).as("chunks after fault at %d", step).isZero();
            assertThat(rows("document_training_stats")).as("stats after fault at %d", step).isZero();
        }
        assertThat(store.faults().armed()).isFalse();
        assertThat(docs.ingest("f.md", "faults", utf8(DOC)).inserted()).isTrue();
        assertThat(docs.query("moon ocean", 3).hits()).isNotEmpty();
    }

    @Test
    void queryReturnsNearestChunksAndCountsEveryTouchedDocument() {
        UploadRow a = docs.ingest("sea.md", "oceanography", utf8(DOC)).upload();
        UploadRow b = docs.ingest("pan.md", "cooking", utf8("Butter browns in a hot pan.\n\nSalt draws water out.")).upload();
        QueryResult r = docs.query("the moon and the ocean", 3);
        assertThat(r.phi()).isEqualTo(Integration.phi(Coordizer.coordize("the moon and the ocean")));
        assertThat(r.hits()).hasSize(3);
        for (int i = 0; i < r.hits().size(); i++) {
            ChunkHit h = r.hits().get(i);
            assertThat(h.distance()).isEqualTo(FisherRao.distance(r.queryBasin(), h.basin()));
            if (i > 0) {
                assertThat(h.distance()).isGreaterThanOrEqualTo(r.hits().get(i - 1).distance());
            }
        }
        // exact: no stored chunk is nearer than the last hit
        double worst = r.hits().get(2).distance();
        List<ChunkRow> all = new ArrayList<>(docs.chunks(a.uploadId()));
        all.addAll(docs.chunks(b.uploadId()));
        long nearer = all.stream().filter(c -> FisherRao.distance(r.queryBasin(), c.basin()) < worst).count();
        assertThat(nearer).isLessThanOrEqualTo(2);
        for (UploadRow u : List.of(a, b)) {
            long hits = r.hits().stream().filter(h -> h.uploadId().equals(u.uploadId())).count();
            TrainingStatsRow s = docs.stats(u.uploadId());
            assertThat(s.totalQueries()).isEqualTo(hits > 0 ? 1 : 0);
            assertThat(s.totalHits()).isEqualTo(hits);
            if (hits > 0) {
                assertThat(s.avgPhiScore()).isCloseTo(r.phi(), within(ACCURACY));
                assertThat(s.lastQueryAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            }
        }
    }

    @Test
    void concurrentQueriesCountExactlyAndKeepTheTrueMean() throws Exception {
        UploadRow u = docs.ingest("sea.md", "oceanography", utf8(DOC)).upload();
        docs.query("warm up the index", 1);
        TrainingStatsRow before = docs.stats(u.uploadId());
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Double> phis = new ArrayList<>();
        try {
            List<Callable<QueryResult>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = "query number " + i + " about tides " + "moon ".repeat(i % 7) + "stars ".repeat(i % 5);
                calls.add(() -> docs.query(text, 1));
            }
            for (Future<QueryResult> f : pool.invokeAll(calls)) {
                phis.add(f.get().phi());
            }
        } finally {
            pool.shutdownNow();
        }
        TrainingStatsRow after = docs.stats(u.uploadId());
        assertThat(after.totalQueries()).isEqualTo(before.totalQueries() + n);
        assertThat(after.totalHits()).isEqualTo(before.totalHits() + n);
        double sum = before.avgPhiScore() * before.totalQueries();
        for (double p : phis) {
            sum += p;
        }
        assertThat(after.avgPhiScore()).isCloseTo(sum / (before.totalQueries() + n), within(ACCURACY));
        assertThat(phis.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void badDocumentsAreRejectedClearlyAndWriteNothing() {
        assertRejected(() -> docs.ingest("e.md", "d", new byte[0]), "content is empty");
        assertRejected(() -> docs.ingest("e.md", "d", new byte[] {'a', 0, 'b'}), "content is binary: NUL byte at offset 1");
        assertRejected(() -> docs.ingest("e.md", "d", new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28}),
                "content is not valid UTF-8 text: malformed byte sequence at offset 2");
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (1 + (i * 37) % 31);
        }
        assertRejected(() -> docs.ingest("e.md", "d", garbage), "content is binary");
        assertRejected(() -> docs.ingest("e.md", "d", utf8("  \n\t ")), "content has no text (only whitespace)");
        assertRejected(() -> docs.ingest("e.md", "d", new byte[4097]), "content is 4097 bytes, over the limit of 4096");
        assertRejected(() -> docs.ingest("../etc/passwd", "d", utf8(DOC)), "filename must not contain '..'");
        assertRejected(() -> docs.ingest("..", "d", utf8(DOC)), "filename must not contain '..'");
        assertRejected(() -> docs.ingest("a/b.md", "d", utf8(DOC)), "filename must not contain a path separator");
        assertRejected(() -> docs.ingest("a\\b.md", "d", utf8(DOC)), "filename must not contain a path separator");
        assertRejected(() -> docs.ingest(" ", "d", utf8(DOC)), "filename must not be blank");
        assertRejected(() -> docs.ingest("x".repeat(256), "d", utf8(DOC)), "filename must be at most 255 characters");
        assertRejected(() -> docs.ingest("a\u0000.md", "d", utf8(DOC)), "filename must not contain control characters");
        assertRejected(() -> docs.ingest("a.md", "", utf8(DOC)), "domain must not be blank");
        assertRejected(() -> docs.ingest("a.md", null, utf8(DOC)), "domain must not be blank");
        assertRejected(() -> docs.ingest("a.md", "d".repeat(201), utf8(DOC)), "domain must be at most 200 characters");
        assertRejected(() -> docs.query(" ", 3), "text must not be blank");
        assertRejected(() -> docs.query("x", 0), "k must be in [1, 1000], is 0");
        assertRejected(() -> docs.upload("rag_00000000000000000000"), "uploadId is unknown: rag_00000000000000000000");
        assertRejected(() -> docs.chunks("rag_nope"), "uploadId is unknown: rag_nope");
        assertRejected(() -> docs.stats("rag_nope"), "documentId is unknown: rag_nope");
        assertRejected(() -> docs.upload(""), "uploadId must not be blank");
        assertThat(rows("rag_uploads") + rows("rag_chunks") + rows("document_training_stats")).isZero();
    }

    @Test
    void pathsAreCheckedBeforeReading(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("tides.md");
        Files.writeString(ok, DOC);
        IngestResult r = docs.ingest(ok, null);
        assertThat(r.upload().filename()).isEqualTo("tides.md");
        assertThat(r.upload().domain()).isEqualTo("tides");
        assertThat(docs.ingest(ok, "other").inserted()).isFalse();

        Files.createDirectories(dir.resolve("sub"));
        assertRejected(() -> docs.ingest(dir.resolve("sub").resolve("..").resolve("tides.md"), null),
                "path must not contain '..'");
        assertRejected(() -> docs.ingest(dir.resolve("missing.md"), null), "path is not a readable regular file");
        assertRejected(() -> docs.ingest(dir.resolve("sub"), null), "path is not a readable regular file");
        Path big = dir.resolve("big.md");
        Files.write(big, new byte[5000]);
        assertRejected(() -> docs.ingest(big, null), "content is 5000 bytes, over the limit of 4096");
        Path bin = dir.resolve("bin.dat");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertRejected(() -> docs.ingest(bin, null), "content is binary");
        assertThat(rows("rag_uploads")).isEqualTo(1);
    }

    static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }
}
