package dev.basin.session.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyFixtures;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The healing rule: quiet barriers heal after the window, barriers with evidence stay, and the decision is stored. */
class BarrierHealingTest {
    private static Store store;
    private static SafetyService safety;
    private static String kernel;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        safety = new SafetyService(store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        kernel = SafetyFixtures.kernel(store, "c3c3c3c3c3c3c3c3c3c3");
    }

    @AfterAll
    static void tearDown() {
        safety.close();
    }

    private static BarrierRow barrier(double phase, double radius, BarrierType type) {
        return safety.createBarrier(new NewBarrier(kernel, SafetyFixtures.wave(0.5, 0.3, phase), radius, type, 0.3,
                "test", null));
    }

    private static BarrierRow reread(BarrierRow b) {
        return safety.queries().barrier(b.barrierId()).orElseThrow();
    }

    @Test
    void aQuietBarrierHealsAfterTheWindowAndTheDecisionIsStored() {
        BarrierRow b = barrier(0.0, 0.05, BarrierType.INSTABILITY);
        BarrierHealing rule = new BarrierHealing();
        rule.raised(List.of(b), List.of(b), 2);
        assertThat(rule.review(List.of(reread(b)), 2 + BarrierHealing.WINDOW - 1)).isEmpty();
        List<BarrierHealing.Healing> heal = rule.review(List.of(reread(b)), 2 + BarrierHealing.WINDOW);
        assertThat(heal).singleElement().satisfies(h -> {
            assertThat(h.barrierId()).isEqualTo(b.barrierId());
            assertThat(h.quietCycles()).isEqualTo(BarrierHealing.WINDOW);
            assertThat(h.lastEvidenceCycle()).isEqualTo(2);
        });
        safety.deactivateBarrier(b.barrierId(), heal.get(0).json(store.json()));
        BarrierRow stored = reread(b);
        assertThat(stored.active()).isFalse();
        JsonNode why = stored.metadata().get("deactivation");
        assertThat(why.get("quiet_cycles").asInt()).isEqualTo(BarrierHealing.WINDOW);
        assertThat(why.get("window_cycles").asInt()).isEqualTo(BarrierHealing.WINDOW);
        assertThat(why.get("crossings_prevented").asInt()).isZero();
        assertThat(why.get("last_evidence").asText()).isEqualTo("raised");
    }

    @Test
    void aPreventedCrossingRestartsTheWindow() {
        BarrierRow b = barrier(1.0, 0.05, BarrierType.DECOHERENCE);
        BarrierHealing rule = new BarrierHealing();
        assertThat(rule.review(List.of(reread(b)), 1)).isEmpty();
        safety.recordPrevention(b.barrierId());
        assertThat(rule.review(List.of(reread(b)), 4)).isEmpty();
        assertThat(rule.review(List.of(reread(b)), 4 + BarrierHealing.WINDOW - 1)).isEmpty();
        List<BarrierHealing.Healing> heal = rule.review(List.of(reread(b)), 4 + BarrierHealing.WINDOW);
        assertThat(heal).singleElement().satisfies(h -> {
            assertThat(h.lastEvidenceCycle()).isEqualTo(4);
            assertThat(h.crossingsPrevented()).isEqualTo(1);
            assertThat(h.lastEvidence()).contains("crossings prevented reached 1");
        });
    }

    @Test
    void aFindingNearTheBarrierRestartsTheWindowAndOneFarAwayDoesNot() {
        BarrierRow near = barrier(2.0, 0.05, BarrierType.SUFFERING);
        BarrierRow far = barrier(4.0, 0.05, BarrierType.SUFFERING);
        Basin c = near.center();
        Basin away = SafetyFixtures.wave(0.5, 0.3, 3.0);
        Basin beside = FisherRao.pointAt(c, away, 0.015 / FisherRao.distance(c, away));
        BarrierRow finding = safety.createBarrier(new NewBarrier(kernel, beside, 0.04, BarrierType.INSTABILITY, 0.2,
                "finding", null));
        assertThat(FisherRao.distance(far.center(), finding.center())).isGreaterThan(0.09);
        BarrierHealing rule = new BarrierHealing();
        rule.review(List.of(reread(near), reread(far)), 1);
        rule.raised(List.of(finding), List.of(reread(near), reread(far), finding), 3);
        List<BarrierHealing.Healing> heal = rule.review(List.of(reread(near), reread(far), finding),
                1 + BarrierHealing.WINDOW);
        assertThat(heal).extracting(BarrierHealing.Healing::barrierId).containsExactly(far.barrierId());
        assertThat(rule.review(List.of(reread(near), finding), 3 + BarrierHealing.WINDOW))
                .extracting(BarrierHealing.Healing::barrierId)
                .containsExactlyInAnyOrder(near.barrierId(), finding.barrierId());
    }
}
