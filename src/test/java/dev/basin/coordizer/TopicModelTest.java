package dev.basin.coordizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fitting and coordizing without a database: determinism, the documented answers for degenerate text, limits. */
class TopicModelTest {
    static List<BrownCorpus.Document> docs;
    static List<String> texts;
    static FitParams quick;
    static TopicModel model;

    @BeforeAll
    static void fit() {
        docs = BrownCorpus.documents();
        // every 10th document: 50 texts in all 15 genres, a few iterations (fast; the default fit is tested elsewhere)
        texts = java.util.stream.IntStream.range(0, docs.size()).filter(i -> i % 10 == 0).mapToObj(i -> docs.get(i).text())
                .toList();
        FitParams d = FitParams.defaults();
        quick = new FitParams(64, 7L, 15, 2, 0.5, 3000, 0, d.smoothing());
        model = NmfFit.fit(texts, quick);
    }

    @Test
    void sameSeedAndTextsGiveTheSameModelAndBitIdenticalBasins() {
        TopicModel again = NmfFit.fit(texts, quick);
        assertThat(again.id()).isEqualTo(model.id()).matches("nmf64-[0-9a-f]{16}");
        assertThat(again.canonicalBytes()).isEqualTo(model.canonicalBytes());
        for (String t : List.of("The jury said the court would rule on the tax bill.", texts.get(3).substring(0, 2000))) {
            assertThat(again.coordize(t).toArray()).containsExactly(model.coordize(t).toArray());
        }
        TopicModel otherSeed = NmfFit.fit(texts, quick.withSeed(8L));
        assertThat(otherSeed.id()).isNotEqualTo(model.id());
    }

    @Test
    void storedBytesGiveBackTheSameModel() {
        TopicModel back = ModelCodec.decode(ModelCodec.encode(model), model.id());
        assertThat(back.id()).isEqualTo(model.id());
        String t = texts.get(7).substring(0, 1500);
        assertThat(back.coordize(t).toArray()).containsExactly(model.coordize(t).toArray());
        assertThatThrownBy(() -> ModelCodec.decode(ModelCodec.encode(model), "nmf64-0000000000000000"))
                .hasMessageContaining("hashes to " + model.id());
    }

    @Test
    void textWithoutAKnownWordIsTheUniformBasinAndNothingIsNaN() {
        assertThat(model.coordize("")).isEqualTo(Basin.uniform());
        assertThat(model.coordize("... !!! 123 ---")).isEqualTo(Basin.uniform());
        assertThat(model.coordize("the and of a")).isEqualTo(Basin.uniform()); // stop words only
        assertThat(model.coordize("zzqxj qqvvkk")).isEqualTo(Basin.uniform());
        assertThat(model.knownWords("zzqxj qqvvkk")).isZero();
        Basin b = model.coordize("The jury said the court would rule on the tax bill.");
        double min = 1.0;
        for (double v : b.toArray()) {
            assertThat(v).isFinite();
            min = Math.min(min, v);
        }
        assertThat(min).isGreaterThanOrEqualTo(quick.smoothing() / Basin.DIM * 0.999);
    }

    @Test
    void hugeTextAndMissingTextAreRefusedNamingTheField() {
        String huge = "word ".repeat(TopicModel.MAX_TEXT_CHARS / 5 + 1);
        assertThatThrownBy(() -> model.coordize(huge)).isInstanceOf(InvalidInputException.class)
                .hasMessage("text must be at most " + TopicModel.MAX_TEXT_CHARS + " characters, has " + huge.length());
        assertThatThrownBy(() -> model.coordize(null)).hasMessage("text is missing");
    }

    @Test
    void onlySixtyFourTopicsAndEmptyCorporaAreRefused() {
        assertThatThrownBy(() -> FitParams.defaults().withTopics(32)).hasMessageStartingWith("topics must be 64");
        assertThatThrownBy(() -> NmfFit.fit(List.of(), quick)).hasMessage("texts must hold at least one text");
        assertThatThrownBy(() -> NmfFit.fit(List.of("", "  "), quick)).hasMessage("texts hold no word");
        assertThatThrownBy(() -> NmfFit.fit(List.of("a tiny text", "another tiny text"), quick))
                .hasMessageStartingWith("texts give a vocabulary of");
    }

    @Test
    void textsOfOneGenreAreNearerThanTextsOfTwo() {
        // same-genre pairs among the fitted texts are nearer on average than different-genre pairs
        double within = 0;
        double across = 0;
        int nw = 0;
        int na = 0;
        List<BrownCorpus.Document> sample = java.util.stream.IntStream.range(0, docs.size()).filter(i -> i % 10 == 0)
                .mapToObj(docs::get).toList();
        for (int i = 0; i < sample.size(); i++) {
            for (int j = i + 1; j < sample.size(); j++) {
                double d = FisherRao.distance(model.coordize(sample.get(i).text()), model.coordize(sample.get(j).text()));
                if (sample.get(i).genre().equals(sample.get(j).genre())) {
                    within += d;
                    nw++;
                } else {
                    across += d;
                    na++;
                }
            }
        }
        assertThat(within / nw).isLessThan(across / na);
    }

    @Test
    void decodeAndDescribeNameWords() {
        Basin b = model.coordize("The church and the congregation worship; the pastor prays with the members.");
        List<TopicModel.WordDistance> words = model.decode(b, 5);
        assertThat(words).hasSize(5);
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).distance()).isGreaterThanOrEqualTo(words.get(i - 1).distance());
        }
        assertThat(BasinTopics.of(model, b).text()).matches("topics? \\d+ \\([^)]+\\)( and \\d+ \\([^)]+\\))?");
        assertThatThrownBy(() -> model.decode(b, 0)).hasMessageStartingWith("k must be in [1, ");
    }
}
