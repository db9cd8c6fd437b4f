package dev.basin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.BrownCorpus;
import dev.basin.coordizer.FitParams;
import dev.basin.coordizer.TopicModel;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.kernel.ThoughtRow;
import dev.basin.kernel.ThoughtService;
import dev.basin.knowledge.CrossPatternRow;
import dev.basin.knowledge.TestKernels;
import dev.basin.rag.IndexedChunk;
import dev.basin.runs.SessionRecord;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import dev.basin.tools.Detection;
import dev.basin.tools.DomainSignal;
import dev.basin.tools.InsightRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readable basins end to end on PostgreSQL (docs/coordizer.md, "Reading a basin back"): thoughts, lightning insights
 * and cross patterns name their basin's strongest topics in their stored text or metadata, by the model that made
 * the basin; a kernel without a recorded model is not named by another model's topics.
 */
class ReadableBasinsTest {
    Store store;
    BasinEngine engine;
    TopicModel model;

    @BeforeEach
    void open() {
        store = TestDatabases.freshStore();
        engine = BasinEngine.over(store);
        model = engine.coordizer().current();
        for (String file : List.of("cd06", "cd16", "ch17", "ca36")) {
            BrownCorpus.Document d = BrownCorpus.documents().stream().filter(x -> x.file().equals(file)).findFirst()
                    .orElseThrow();
            engine.documents().ingest(file + ".txt", d.genre(), d.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    Basin meanOf(String domain) {
        List<IndexedChunk> chunks = engine.documents().indexedChunks().stream().filter(c -> c.domain().equals(domain))
                .toList();
        return dev.basin.geometry.Means.karcher(chunks.stream().map(IndexedChunk::basin).toList(), null).basin();
    }

    static List<Integer> ids(JsonNode topics) {
        return IntStream.range(0, topics.get("topics").size()).mapToObj(i -> topics.get("topics").get(i).get("topic")
                .asInt()).toList();
    }

    @Test
    void thoughtsNameTheBasinTheyAreAboutByTheKernelsModel() {
        SessionRecord session = engine.sessions().start(1L, store.json().createObjectNode().put("corpus", "test"));
        Basin religion = meanOf("religion");
        Basin law = meanOf("government");
        KernelRow k = engine.kernels().createRoot(session.sessionId(), "reader", religion, 64.0,
                Neurotransmitters.resting(), 3L);
        assertThat(k.metadata().get(ThoughtService.MODEL_KEY).asText()).isEqualTo(model.id());

        ThoughtRow plan = engine.kernels().plan(k.kernelId(), law, "the statute");
        BasinTopics expected = BasinTopics.of(model, law);
        assertThat(expected.topics().get(0).words()).contains("court");
        assertThat(plan.content()).endsWith(" Basin: " + expected.text() + ".");
        ThoughtRow stored = engine.kernelFeature().history().latestThoughts(1).get(0);
        assertThat(stored.thoughtId()).isEqualTo(plan.thoughtId());
        assertThat(stored.content()).isEqualTo(plan.content());
        JsonNode topics = stored.metadata().get("topics");
        assertThat(topics.get("model").asText()).isEqualTo(model.id());
        assertThat(ids(topics)).isEqualTo(expected.ids());

        ThoughtRow nowhere = engine.kernels().plan(k.kernelId(), Basin.uniform(), "nowhere");
        assertThat(nowhere.content()).endsWith(" Basin: no dominant topic.");
        assertThat(nowhere.metadata().get("topics").get("topics")).isEmpty();

        // a new current model does not rename the kernel's basins: they are named by the kernel's own model
        List<String> texts = IntStream.range(0, 500).filter(i -> i % 10 == 7)
                .mapToObj(i -> BrownCorpus.documents().get(i).text()).toList();
        TopicModel other = engine.coordizer().fit(texts, new FitParams(64, 9L, 10, 2, 0.5, 2000, 0, 1e-3),
                JsonNodeFactory.instance.textNode("test texts")).model();
        assertThat(engine.coordizer().current().id()).isEqualTo(other.id());
        ThoughtRow later = engine.kernels().plan(k.kernelId(), law, "the statute");
        assertThat(later.content()).isEqualTo(plan.content());
        assertThat(later.metadata().get("topics").get("model").asText()).isEqualTo(model.id());

        // a kernel whose model is not recorded (a row from before models were recorded) is not named by whatever
        // model is current
        String bare = engine.kernels().createRoot(session.sessionId(), "old", religion, 64.0,
                Neurotransmitters.resting(), 4L).kernelId();
        store.jdbi().useHandle(h -> h.execute("UPDATE kernels SET metadata = metadata - ? WHERE kernel_id = ?",
                ThoughtService.MODEL_KEY, bare));
        ThoughtRow unnamed = engine.kernels().plan(bare, law, "the statute");
        assertThat(unnamed.content()).endsWith(" Basin: " + ThoughtService.UNRECORDED + ".");
        assertThat(unnamed.metadata().get("topics").get("model").isNull()).isTrue();
    }

    @Test
    void anInsightNamesItsBridgeAndACrossPatternItsSignature() {
        String kernel = TestKernels.kernel(store, meanOf("religion"));
        Basin news = meanOf("news");
        Basin law = meanOf("government");
        Detection d = engine.insights().detect(kernel, new DomainSignal("news", news, 0.6),
                new DomainSignal("government", law, 0.6), Math.PI);
        assertThat(d.status()).isEqualTo(Detection.Status.FIRED);
        InsightRow stored = engine.insights().insight(d.insight().orElseThrow().insightId());
        BasinTopics bridge = BasinTopics.of(model, FisherRao.pointAt(news, law, 0.5));
        assertThat(bridge.text()).contains("(court, federal, law)");
        assertThat(stored.content()).endsWith("; the bridge: " + bridge.text());
        assertThat(stored.metadata().get("topics").get("model").asText()).isEqualTo(model.id());
        assertThat(ids(stored.metadata().get("topics"))).isEqualTo(bridge.ids());

        engine.crossPatterns().discover(engine.documents(), List.of());
        List<CrossPatternRow> patterns = engine.crossPatterns().patterns(100, 0);
        assertThat(patterns).isNotEmpty();
        for (CrossPatternRow p : patterns) {
            JsonNode topics = p.metadata().get("topics");
            BasinTopics named = BasinTopics.of(model, p.signature());
            assertThat(topics.get("model").asText()).isEqualTo(model.id());
            assertThat(topics.get("text").asText()).isEqualTo(named.text());
            assertThat(ids(topics)).isEqualTo(named.ids());
        }
        assertThat(patterns).anySatisfy(p -> assertThat(p.involvedDomains()).contains("news", "government"));
        assertThat(patterns.stream().filter(p -> p.involvedDomains().contains("government")).findFirst().orElseThrow()
                .metadata().get("topics").get("text").asText()).contains("(court, federal, law)");
    }
}
