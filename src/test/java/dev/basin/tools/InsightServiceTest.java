package dev.basin.tools;

import static dev.basin.knowledge.TestKernels.around;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.knowledge.FalsePatternRow;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.KnowledgeTables;
import dev.basin.knowledge.TestKernels;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsightServiceTest {
    static final double ACCURACY = 1e-12;
    static Store store;
    static FalsePatternService falsePatterns;
    static InsightService insights;
    static String kernel;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(ToolsTables.all().toArray(new Table<?>[0]));
        store.register(KnowledgeTables.all().toArray(new Table<?>[0]));
        Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
        falsePatterns = new FalsePatternService(store, clock);
        insights = new InsightService(store, clock, falsePatterns);
        kernel = TestKernels.kernel(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static DomainSignal signal(String domain, Basin b, double phi) {
        return new DomainSignal(domain, b, phi);
    }

    @Test
    void resonanceFiresAnInsightAtTheGeodesicMidpoint() {
        Basin a = around(20, 30, 0);
        Basin b = around(20, 30, 0.2);
        Detection d = insights.detect(kernel, signal("music", a, 0.3), signal("astronomy", b, 0.2));
        assertThat(d.status()).isEqualTo(Detection.Status.FIRED);
        InsightRow row = insights.insight(d.insight().orElseThrow().insightId());
        double dist = FisherRao.distance(a, b);
        assertThat(row.domains()).containsExactly("music", "astronomy");
        assertThat(FisherRao.distance(row.basin(), FisherRao.pointAt(a, b, 0.5))).isLessThan(1e-12);
        assertThat(row.confidence()).isCloseTo((1 - dist / 0.9) * Math.sqrt(0.3 * 0.2), within(ACCURACY));
        assertThat(row.metadata().get("distance").asDouble()).isEqualTo(dist);
    }

    /** The session avoids a known false bridge before working it out; it must ask exactly detect's question. */
    @Test
    void resonatesAndBridgeAreDetectsRuleAndPoint() {
        DomainSignal[][] pairs = {
                {signal("music", around(20, 30, 0), 0.3), signal("astronomy", around(20, 30, 0.2), 0.2)},
                {signal("music", around(5, 30, 0), 0.3), signal("cooking", around(45, 30, 0), 0.3)},
                {signal("music", around(5, 30, 0), 0.01), signal("cooking", around(5, 30, 0.01), 0.3)},
                {signal("music", around(5, 30, 0), 0.05), signal("cooking", around(6, 30, 0.01), 0.05)}};
        for (DomainSignal[] p : pairs) {
            Detection d = insights.detect(kernel, p[0], p[1]);
            assertThat(insights.resonates(p[0], p[1], insights.config().maxDistance()))
                    .isEqualTo(d.status() != Detection.Status.QUIET);
            d.insight().ifPresent(row -> assertThat(row.basin()).isEqualTo(InsightService.bridge(p[0], p[1])));
        }
    }

    @Test
    void farApartOrLowPhiIsQuietAndWritesNothing() {
        long before = TestKernels.count(store, "lightning_insights");
        Detection far = insights.detect(kernel, signal("music", around(5, 30, 0), 0.3),
                signal("cooking", around(45, 30, 0), 0.3));
        assertThat(far.status()).isEqualTo(Detection.Status.QUIET);
        assertThat(far.reason()).startsWith("distance ");
        Detection dim = insights.detect(kernel, signal("music", around(5, 30, 0), 0.01),
                signal("cooking", around(5, 30, 0.01), 0.3));
        assertThat(dim.status()).isEqualTo(Detection.Status.QUIET);
        assertThat(dim.reason()).isEqualTo("min Φ 0.0100 < 0.0500");
        assertThat(TestKernels.count(store, "lightning_insights")).isEqualTo(before);
    }

    @Test
    void outcomesAreClassifiedByThePhiChange() {
        InsightRow i1 = fire(around(8, 30, 0), around(8, 30, 0.1));
        OutcomeResult v = insights.recordOutcome(i1.insightId(), 0.20, 0.30, 50, 55);
        assertThat(v.outcome().outcomeType()).isEqualTo("validated");
        assertThat(v.outcome().success()).isTrue();
        assertThat(v.outcome().phiChange()).isCloseTo(0.10, within(ACCURACY));
        assertThat(v.outcome().kappaChange()).isEqualTo(5.0);
        assertThat(v.outcome().learningValue()).isCloseTo(1 - Math.exp(-0.10 / 0.05), within(ACCURACY));
        assertThat(v.falsePattern()).isEmpty();
        assertThat(insights.outcome(i1.insightId())).isPresent();

        InsightRow i2 = fire(around(16, 30, 0), around(16, 30, 0.1));
        OutcomeResult n = insights.recordOutcome(i2.insightId(), 0.20, 0.205, 50, 49);
        assertThat(n.outcome().outcomeType()).isEqualTo("inconclusive");
        assertThat(n.outcome().success()).isFalse();
        assertThat(n.outcome().learningValue()).isCloseTo(0.5 * (1 - Math.exp(-0.005 / 0.05)), within(1e-9));

        assertThatThrownBy(() -> insights.recordOutcome(i1.insightId(), 0.2, 0.1, 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessage("insightId already has an outcome: " + i1.insightId());
    }

    @Test
    void invalidatedInsightRegistersAFalseClassThatLaterCandidatesAvoid() {
        Basin a = around(30, 30, 0);
        Basin b = around(30, 30, 0.3);
        InsightRow bad = fire(a, b);
        OutcomeResult r = insights.recordOutcome(bad.insightId(), 0.40, 0.25, 60, 62);
        assertThat(r.outcome().outcomeType()).isEqualTo("invalidated");
        FalsePatternRow cls = r.falsePattern().orElseThrow();
        assertThat(cls.detectionMethod()).isEqualTo("outcome_invalidated");
        assertThat(cls.signature()).isEqualTo(bad.basin());
        assertThat(cls.radiusFr()).isEqualTo(Math.max(0.1, FisherRao.distance(a, b) / 2));
        assertThat(cls.exampleCases().get(0).get("insight_id").asText()).isEqualTo(bad.insightId());
        assertThat(cls.falseReason()).isEqualTo("acting on it lowered Φ by 0.1500 (0.4000 → 0.2500)");

        long insightsBefore = TestKernels.count(store, "lightning_insights");
        Detection again = insights.detect(kernel, signal("music", a, 0.3), signal("astronomy", b, 0.3));
        assertThat(again.status()).isEqualTo(Detection.Status.AVOIDED);
        assertThat(again.avoidance().orElseThrow().pattern().patternId()).isEqualTo(cls.patternId());
        assertThat(TestKernels.count(store, "lightning_insights")).isEqualTo(insightsBefore);
        assertThat(falsePatterns.falsePattern(cls.patternId()).timesAvoided()).isEqualTo(1);
    }

    @Test
    void failureAtAnyStepOfOutcomeLeavesNeitherOutcomeNorFalseClass() {
        InsightRow bad = fire(around(50, 30, 0), around(50, 30, 0.2));
        long classes = TestKernels.count(store, "false_pattern_classes");
        for (int step = 1; step <= 2; step++) {
            store.faults().failStatement(step);
            assertThatThrownBy(() -> insights.recordOutcome(bad.insightId(), 0.4, 0.2, 60, 60))
                    .hasMessageContaining("injected fault");
            assertThat(insights.outcome(bad.insightId())).isEmpty();
            assertThat(TestKernels.count(store, "false_pattern_classes")).isEqualTo(classes);
        }
        assertThat(insights.recordOutcome(bad.insightId(), 0.4, 0.2, 60, 60).falsePattern()).isPresent();
    }

    @Test
    void badInputIsRejectedAndWritesNothing() {
        long before = TestKernels.count(store, "lightning_insights") + TestKernels.count(store, "lightning_insight_outcomes");
        Basin p = around(3, 30, 0);
        assertBad(() -> insights.detect(kernel, signal("music", p, 0.3), signal("music", p, 0.3)),
                "b.domain must differ from a.domain, both are music");
        assertBad(() -> insights.detect("krn_nope", signal("a", p, 0.3), signal("b", p, 0.3)), "kernelId is unknown: krn_nope");
        assertBad(() -> insights.detect(kernel, null, signal("b", p, 0.3)), "a is missing");
        assertBad(() -> signal(" ", p, 0.3), "domain must not be blank");
        assertBad(() -> signal("a", p, Double.NaN), "phi must be in [0, 1], is NaN");
        assertBad(() -> insights.recordOutcome("ins_nope", 0.1, 0.2, 1, 1), "insightId is unknown: ins_nope");
        assertBad(() -> insights.recordOutcome("ins_nope", -0.1, 0.2, 1, 1), "phiBefore must be in [0, 1], is -0.1");
        assertBad(() -> insights.recordOutcome("ins_nope", 0.1, 0.2, -1, 1), "kappaBefore must be finite and ≥ 0, is -1.0");
        assertBad(() -> insights.recordOutcome("", 0.1, 0.2, 1, 1), "insightId must not be blank");
        assertThat(TestKernels.count(store, "lightning_insights") + TestKernels.count(store, "lightning_insight_outcomes"))
                .isEqualTo(before);
    }

    private InsightRow fire(Basin a, Basin b) {
        Detection d = insights.detect(kernel, signal("music", a, 0.3), signal("astronomy", b, 0.3));
        assertThat(d.status()).as(d.reason()).isEqualTo(Detection.Status.FIRED);
        return d.insight().orElseThrow();
    }

    static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }
}
