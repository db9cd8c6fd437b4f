package dev.basin.knowledge;

import static dev.basin.knowledge.TestKernels.around;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Means;
import dev.basin.rag.DocumentService;
import dev.basin.rag.RagTables;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrossPatternServiceTest {
    static final double ACCURACY = 1e-12;
    static Store store;
    CrossPatternService patterns;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(KnowledgeTables.all().toArray(new Table<?>[0]));
        store.register(RagTables.all().toArray(new Table<?>[0]));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.jdbi().useHandle(h -> h.execute("TRUNCATE knowledge_cross_patterns"));
        patterns = new CrossPatternService(store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 0.3);
    }

    static PatternMember m(String id, String domain, Basin b) {
        return new PatternMember(id, "chunk", domain, b, "snippet of " + id);
    }

    Map<String, Object> row() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT pattern_type, involved_domains::text AS d, radius_fr,"
                + " confidence_score, example_count, times_discovered, last_seen_at, jsonb_array_length(examples) AS ex"
                + " FROM knowledge_cross_patterns").mapToMap().one());
    }

    @Test
    void oneDomainIsNoPattern() {
        List<CrossPatternService.Discovery> found = patterns.discover(List.of(
                m("c1", "music", around(10, 30, 0)), m("c2", "music", around(10, 30, 0.02))));
        assertThat(found).isEmpty();
        assertThat(TestKernels.count(store, "knowledge_cross_patterns")).isZero();
    }

    @Test
    void twoDomainsMakeABridgeAndRediscoveryUpdatesInsteadOfDuplicating() {
        List<PatternMember> members = List.of(m("c1", "music", around(10, 30, 0)),
                m("c2", "astronomy", around(10, 30, 0.02)), m("c3", "astronomy", around(10, 30, 0.04)),
                m("far", "cooking", around(40, 30, 0)));
        List<CrossPatternService.Discovery> first = patterns.discover(members);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).inserted()).isTrue();
        assertThat(first.get(0).patternType()).isEqualTo("bridge");
        assertThat(first.get(0).domains()).containsExactly("astronomy", "music");
        Map<String, Object> r = row();
        List<Basin> pts = members.subList(0, 3).stream().map(PatternMember::basin).toList();
        Basin sig = Means.karcher(pts, null).basin();
        double radius = pts.stream().mapToDouble(p -> FisherRao.distance(sig, p)).max().orElseThrow();
        assertThat((Double) r.get("radius_fr")).isCloseTo(radius, within(1e-9));
        assertThat((Double) r.get("confidence_score"))
                .isCloseTo((1 - radius / 0.3) * (1 - Math.exp(-1.0)), within(1e-9));
        assertThat(r.get("example_count")).isEqualTo(3);
        assertThat(r.get("ex")).isEqualTo(3);

        List<CrossPatternService.Discovery> again = patterns.discover(members);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).inserted()).isFalse();
        assertThat(again.get(0).patternKey()).isEqualTo(first.get(0).patternKey());
        assertThat(TestKernels.count(store, "knowledge_cross_patterns")).isEqualTo(1);
        assertThat(row().get("times_discovered")).isEqualTo(2);
    }

    @Test
    void threeDomainsMakeACluster() {
        List<CrossPatternService.Discovery> found = patterns.discover(List.of(m("a", "music", around(20, 30, 0)),
                m("b", "astronomy", around(20, 30, 0.02)), m("c", "cooking", around(20, 30, 0.01))));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.patternType()).isEqualTo("cluster");
            assertThat(d.members()).isEqualTo(3);
        });
    }

    @Test
    void chunksOfIngestedDocumentsAndMemoriesAreMembers() {
        DocumentService docs = new DocumentService(store, Clock.systemUTC());
        docs.ingest("a.md", "tides", "The moon pulls the sea and the sea pulls back".getBytes(StandardCharsets.UTF_8));
        docs.ingest("b.md", "orbits", "The moon pulls the sea and the sea pulls back again".getBytes(StandardCharsets.UTF_8));
        List<CrossPatternService.Discovery> found = new CrossPatternService(store, Clock.systemUTC())
                .discover(docs, List.of());
        assertThat(found).singleElement().satisfies(d -> assertThat(d.domains()).containsExactly("orbits", "tides"));
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> patterns.discover((List<PatternMember>) null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("members is missing");
        assertThatThrownBy(() -> patterns.discover(List.of(m("x", "a", Basin.uniform()), m("x", "b", Basin.uniform()))))
                .isInstanceOf(InvalidInputException.class).hasMessage("members contains id x twice");
        assertThatThrownBy(() -> m("x", " ", Basin.uniform())).isInstanceOf(InvalidInputException.class)
                .hasMessage("domain must not be blank");
        assertThatThrownBy(() -> new CrossPatternService(store, Clock.systemUTC(), 4.0))
                .isInstanceOf(InvalidInputException.class).hasMessage("radius must be in (0, π], is 4.0");
        assertThat(TestKernels.count(store, "knowledge_cross_patterns")).isZero();
    }
}
