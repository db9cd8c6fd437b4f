package dev.basin.session.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.SafetyFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unstable-period rule: agreeing findings of two kernels declare a period; anything less stays silent. */
class UnstablePeriodsTest {
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    static final Basin A = SafetyFixtures.wave(0.5, 0.3, 0.0);
    static final Basin FAR = SafetyFixtures.wave(0.5, 0.3, 3.0);
    static final Basin NEAR = FisherRao.pointAt(A, FAR, 0.05 / FisherRao.distance(A, FAR));

    private static BarrierRow row(String id, BarrierType type, Basin c, double r) {
        return new BarrierRow(id, "krn_x", c, r, type, 0.5, "finding", true, T, null, 0, new ObjectMapper()
                .createObjectNode());
    }

    /** One kernel's findings, declared (if they complete a period) at {@code at} + 1 s. */
    private static List<UnstablePeriods.Period> found(UnstablePeriods rule, String kernel, List<BarrierRow> raised,
            Instant at) {
        return rule.found(UnstablePeriods.findings(kernel, raised, at), at.plusSeconds(1));
    }

    @Test
    void twoKernelsWithOverlappingFindingsWithinTheWindowDeclareAPeriodWithTheMeasuredValues() {
        UnstablePeriods rule = new UnstablePeriods();
        assertThat(found(rule, "krn_a", List.of(row("barrier_1", BarrierType.INSTABILITY, A, 0.04)), T)).isEmpty();
        Instant later = T.plusSeconds(90);
        List<UnstablePeriods.Period> ps = found(rule, "krn_b", List.of(row("barrier_2", BarrierType.DECOHERENCE, NEAR,
                0.03)), later);
        assertThat(ps).hasSize(1);
        UnstablePeriods.Period p = ps.get(0);
        assertThat(FisherRao.distance(p.center(), A)).isCloseTo(0.025, within(1e-9));
        assertThat(p.radius()).isCloseTo(0.025 + 0.04, within(1e-9));
        assertThat(p.start()).isEqualTo(later.plusSeconds(1));
        assertThat(p.end()).isEqualTo(later.plusSeconds(1).plus(UnstablePeriods.WINDOW));
        assertThat(p.reason()).contains("2 instability/decoherence findings of 2 kernels");
        ObjectNode m = p.json(new ObjectMapper());
        assertThat(m.get("findings")).hasSize(2);
        assertThat(m.get("findings").get(0).get("barrier_id").asText()).isEqualTo("barrier_1");
        assertThat(m.get("findings").get(1).get("distance_to_centre").asDouble()).isCloseTo(0.025, within(1e-9));
        assertThat(m.get("window_seconds").asLong()).isEqualTo(UnstablePeriods.WINDOW.toSeconds());
        // each finding declares at most one period
        assertThat(found(rule, "krn_c", List.of(row("barrier_3", BarrierType.INSTABILITY, A, 0.04)), later)).isEmpty();
    }

    @Test
    void oneKernelAloneFindingsApartInSpaceOrTimeAndSufferingStaySilent() {
        UnstablePeriods rule = new UnstablePeriods();
        found(rule, "krn_a", List.of(row("barrier_1", BarrierType.INSTABILITY, A, 0.04)), T);
        assertThat(found(rule, "krn_a", List.of(row("barrier_2", BarrierType.INSTABILITY, NEAR, 0.04)), T))
                .as("the same kernel").isEmpty();
        assertThat(found(rule, "krn_b", List.of(row("barrier_3", BarrierType.INSTABILITY, FAR, 0.04)), T))
                .as("balls apart").isEmpty();
        assertThat(found(rule, "krn_c", List.of(row("barrier_4", BarrierType.SUFFERING, A, 0.04)), T))
                .as("suffering is not instability").isEmpty();
        assertThat(found(rule, "krn_d", List.of(row("barrier_5", BarrierType.DECOHERENCE, NEAR, 0.04)),
                T.plus(UnstablePeriods.WINDOW).plusSeconds(1))).as("outside the window").isEmpty();
    }
}
