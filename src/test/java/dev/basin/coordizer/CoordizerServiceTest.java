package dev.basin.coordizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.rag.ChunkRow;
import dev.basin.rag.DocumentService;
import dev.basin.rag.RagConfig;
import dev.basin.rag.RagTables;
import dev.basin.rag.UploadRow;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Models in PostgreSQL: the default on a fresh database, fitting a new current model, model names on every basin. */
class CoordizerServiceTest {
    Store store;
    CoordizerService coordizer;
    DocumentService docs;

    @BeforeEach
    void open() {
        store = TestDatabases.freshStore();
        store.register(CoordizerTables.all().toArray(new Table<?>[0]));
        store.register(RagTables.all().toArray(new Table<?>[0]));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        coordizer = new CoordizerService(store, clock);
        docs = new DocumentService(store, clock, RagConfig.defaults(), coordizer);
    }

    @AfterEach
    void close() {
        store.close();
    }

    long count(String sql) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void aFreshDatabaseGetsTheShippedDefaultModelOnce() {
        assertThat(count("SELECT count(*) FROM coordizer_models")).isZero();
        TopicModel m = coordizer.current();
        assertThat(m.id()).isEqualTo(DefaultModel.shipped().id());
        assertThat(coordizer.current().id()).isEqualTo(m.id());
        assertThat(count("SELECT count(*) FROM coordizer_models")).isEqualTo(1);
        ModelRow row = coordizer.row(m.id());
        assertThat(row.documents()).isEqualTo(500);
        assertThat(row.vocabularySize()).isEqualTo(m.vocabularySize());
        assertThat(row.topWords()).hasSize(64);
        assertThat(row.topWords().get(0)).hasSize(CoordizerService.TOP_WORDS);
        // a second service (another process) reads the stored model back, bit for bit
        TopicModel read = new CoordizerService(store, Clock.systemUTC()).model(m.id());
        String text = "The senate passed the tax bill after the governor spoke.";
        assertThat(read.coordize(text).toArray()).containsExactly(m.coordize(text).toArray());
    }

    @Test
    void everyUploadAndChunkNamesItsModelAndAFitBecomesCurrent() {
        UploadRow first = docs.ingest("news.txt", "news", bytes(BrownCorpus.documents().get(0).text())).upload();
        String defaultId = DefaultModel.shipped().id();
        assertThat(first.embeddingModel()).isEqualTo(defaultId);
        assertThat(docs.chunks(first.uploadId())).allMatch(c -> c.embeddingModel().equals(defaultId));
        assertThat(docs.query("the jury and the election", 3).hits()).hasSize(3);

        List<String> texts = IntStream.range(0, 500).filter(i -> i % 10 == 5)
                .mapToObj(i -> BrownCorpus.documents().get(i).text()).toList();
        FitParams quick = new FitParams(64, 11L, 10, 2, 0.5, 2000, 0, 1e-3);
        CoordizerService.FitResult fit = coordizer.fit(texts, quick, JsonNodeFactory.instance.textNode("test texts"));
        String newId = fit.model().id();
        assertThat(newId).isNotEqualTo(defaultId);
        assertThat(coordizer.current().id()).isEqualTo(newId);
        assertThat(fit.row().documents()).isEqualTo(texts.size());
        assertThat(fit.row().metadata().get("fit_seconds").asDouble()).isPositive();

        // earlier basins keep their model's name; a query under the new model is refused, not compared across models
        assertThat(docs.upload(first.uploadId()).embeddingModel()).isEqualTo(defaultId);
        assertThatThrownBy(() -> docs.query("the jury and the election", 3)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("basins of different coordizer models are never compared");
        assertThat(docs.indexedChunks()).isEmpty();

        UploadRow second = docs.ingest("fiction.txt", "fiction", bytes(BrownCorpus.documents().get(400).text())).upload();
        assertThat(second.embeddingModel()).isEqualTo(newId);
        for (ChunkRow c : docs.chunks(second.uploadId())) {
            assertThat(c.embeddingModel()).isEqualTo(newId);
            assertThat(c.basin()).isEqualTo(fit.model().coordize(c.content()));
        }
        assertThat(docs.query("she looked out of the window", 2).hits())
                .allMatch(h -> h.uploadId().equals(second.uploadId()));
        assertThat(count("SELECT count(DISTINCT embedding_model) FROM rag_chunks")).isEqualTo(2);

        // selecting the default again makes its chunks searchable again
        coordizer.select(defaultId);
        assertThat(docs.query("the jury and the election", 2).hits()).allMatch(h -> h.uploadId().equals(first.uploadId()));
    }

    @Test
    void unknownModelIdsAndCrossModelComparisonsAreRefused() {
        assertThatThrownBy(() -> coordizer.model("nmf64-0123456789abcdef")).isInstanceOf(UnknownIdException.class)
                .hasMessage("modelId is unknown: nmf64-0123456789abcdef");
        assertThatThrownBy(() -> CoordizerService.requireSameModel("q", "nmf64-a", "nmf64-b"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("q was coordized by model nmf64-b, not by nmf64-a: basins of different coordizer models are"
                        + " never compared");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
