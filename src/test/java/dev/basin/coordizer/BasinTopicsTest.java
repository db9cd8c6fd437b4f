package dev.basin.coordizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.Basin;
import dev.basin.geometry.UnknownIdException;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Naming a basin by its strongest topics (docs/coordizer.md, "Reading a basin back"), on basins of Brown texts under
 * the shipped default model (a deterministic fit: its topic numbers are fixed), and by the model that made a basin.
 */
class BasinTopicsTest {
    static TopicModel model;
    Store store;
    CoordizerService coordizer;

    @BeforeAll
    static void load() {
        model = DefaultModel.shipped();
    }

    @BeforeEach
    void open() {
        store = TestDatabases.freshStore();
        store.register(CoordizerTables.all().toArray(new Table<?>[0]));
        coordizer = new CoordizerService(store, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String text(String file) {
        return BrownCorpus.documents().stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow().text();
    }

    /** The words of a topic as the model lists them (its top 10), for "is this topic about X" checks. */
    static List<String> topWords(BasinTopics named, int i) {
        return model.topWords(named.topics().get(i).topic(), 10);
    }

    @Test
    void aReligiousTextIsNamedByAReligiousTopicAndALawTextByALawTopic() {
        BasinTopics religion = BasinTopics.of(model, model.coordize(text("cd06"))); // religion: the Christian faith
        assertThat(religion.model()).isEqualTo(model.id());
        assertThat(topWords(religion, 0)).contains("god", "christ");
        assertThat(religion.text()).isEqualTo("topic 50 (jesus, god, christ)");

        BasinTopics law = BasinTopics.of(model, model.coordize(text("ch17"))); // government: a statute
        assertThat(topWords(law, 0)).contains("court", "law");
        assertThat(law.text()).isEqualTo("topic 62 (court, federal, law)");
    }

    @Test
    void namedTopicsFollowTheRuleStrongestFirstWithTheirTopWords() {
        for (String file : List.of("cd06", "ch17", "cb02", "cg02", "cr01", "ch01", "cl02")) {
            Basin b = model.coordize(text(file));
            double[] p = b.toArray();
            BasinTopics named = BasinTopics.of(model, b);
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            double top3 = sorted[63] + sorted[62] + sorted[61];
            assertThat(top3).as(file).isGreaterThan(BasinTopics.MAJORITY);
            assertThat(named.topics()).as(file).isNotEmpty().hasSizeLessThanOrEqualTo(BasinTopics.MAX_TOPICS);
            assertThat(named.topics().get(0).weight()).as(file).isEqualTo(sorted[63]);
            for (int i = 0; i < named.topics().size(); i++) {
                BasinTopics.Topic t = named.topics().get(i);
                assertThat(t.weight()).isEqualTo(p[t.topic()]).isGreaterThanOrEqualTo(BasinTopics.RATIO * sorted[63]);
                assertThat(t.words()).isEqualTo(model.topWords(t.topic(), BasinTopics.WORDS));
                if (i > 0) {
                    assertThat(t.weight()).isLessThanOrEqualTo(named.topics().get(i - 1).weight());
                }
            }
            // a topic among the three strongest that is left out is below a quarter of the strongest
            List<Integer> top = IntStream.range(0, 64).boxed().sorted((x, y) -> Double.compare(p[y], p[x])).limit(3)
                    .toList();
            top.stream().filter(j -> !named.ids().contains(j))
                    .forEach(j -> assertThat(p[j]).isLessThan(BasinTopics.RATIO * sorted[63]));
        }
        assertThat(BasinTopics.of(model, model.coordize(text("cg02"))).text())
                .isEqualTo("topics 15 (theory, philosophical, social), 1 (assistance, economic, policy) and 62 (court,"
                        + " federal, law)");
    }

    @Test
    void aNearUniformBasinHasNoDominantTopic() {
        BasinTopics uniform = BasinTopics.of(model, Basin.uniform());
        assertThat(uniform.text()).isEqualTo("no dominant topic");
        assertThat(uniform.ids()).isEmpty();
        assertThat(BasinTopics.of(model, model.coordize("!!! 42 the of and")).text()).isEqualTo(BasinTopics.NONE);
        // points drawn uniformly from the simplex (far from any text): their 3 strongest topics hold ~0.18
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            double[] w = new double[64];
            for (int j = 0; j < 64; j++) {
                w[j] = -Math.log(1.0 - r.nextDouble());
            }
            assertThat(BasinTopics.of(model, Basin.normalize(w)).text()).isEqualTo(BasinTopics.NONE);
        }
        // three topics holding less than half are not a majority; a little more than half is
        assertThat(BasinTopics.of(model, withTop(0.16, 0.16, 0.16)).ids()).isEmpty();
        assertThat(BasinTopics.of(model, withTop(0.18, 0.17, 0.16)).ids()).containsExactly(5, 9, 3);
        assertThat(BasinTopics.of(model, withTop(0.6, 0.2, 0.1)).ids()).containsExactly(5, 9);
    }

    /** The figures docs/coordizer.md gives for the rule, over consecutive 200-word pieces of the 500 Brown texts. */
    @Test
    void theDocumentedFiguresOfTheRuleOnBrownPieces() {
        int[] named = new int[BasinTopics.MAX_TOPICS + 1];
        for (BrownCorpus.Document d : BrownCorpus.documents()) {
            String[] w = d.text().split("\\s+");
            for (int s = 0; s + 200 <= w.length; s += 200) {
                named[BasinTopics.of(model, model.coordize(String.join(" ", Arrays.copyOfRange(w, s, s + 200))))
                        .topics().size()]++;
            }
        }
        assertThat(named).containsExactly(13, 3263, 1032, 697);
        SplittableRandom r = new SplittableRandom(1);
        double top3 = 0.0;
        for (int i = 0; i < 2000; i++) {
            double[] w = new double[64];
            for (int j = 0; j < 64; j++) {
                w[j] = -Math.log(1.0 - r.nextDouble());
            }
            double[] p = Basin.normalize(w).toArray();
            Arrays.sort(p);
            top3 += p[63] + p[62] + p[61];
            assertThat(BasinTopics.of(model, Basin.normalize(w)).ids()).isEmpty();
        }
        assertThat(top3 / 2000).isBetween(0.17, 0.19);
    }

    /** Topics 5, 9 and 3 with the given weights, the rest shared equally. */
    static Basin withTop(double a, double b, double c) {
        double[] p = new double[64];
        Arrays.fill(p, (1.0 - a - b - c) / 61);
        p[5] = a;
        p[9] = b;
        p[3] = c;
        return Basin.of("test", p);
    }

    @Test
    void aBasinIsNamedByTheModelThatMadeItNotByTheCurrentOne() {
        String defaultId = coordizer.current().id();
        Basin religious = model.coordize(text("cd06"));
        List<String> texts = IntStream.range(0, 500).filter(i -> i % 10 == 3)
                .mapToObj(i -> BrownCorpus.documents().get(i).text()).toList();
        FitParams quick = new FitParams(64, 5L, 10, 2, 0.5, 2000, 0, 1e-3);
        TopicModel other = coordizer.fit(texts, quick, JsonNodeFactory.instance.textNode("test texts")).model();
        assertThat(coordizer.current().id()).isEqualTo(other.id()).isNotEqualTo(defaultId);

        BasinTopics byItsModel = coordizer.name(religious, defaultId);
        assertThat(byItsModel.model()).isEqualTo(defaultId);
        assertThat(byItsModel.text()).isEqualTo("topic 50 (jesus, god, christ)");
        assertThat(coordizer.nameCurrent(religious).model()).isEqualTo(other.id());
        assertThatThrownBy(() -> coordizer.name(religious, "nmf64-0000000000000000"))
                .isInstanceOf(UnknownIdException.class);

        JsonNode json = byItsModel.json();
        assertThat(json.get("model").asText()).isEqualTo(defaultId);
        assertThat(json.get("text").asText()).isEqualTo(byItsModel.text());
        assertThat(json.get("topics").get(0).get("topic").asInt()).isEqualTo(50);
        assertThat(json.get("topics").get(0).get("words").toString()).isEqualTo("[\"jesus\",\"god\",\"christ\"]");
    }
}
