package dev.basin.knowledge;

import static dev.basin.knowledge.TestKernels.around;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScaleMappingServiceTest {
    static final double ACCURACY = 1e-12;
    static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(KnowledgeTables.all().toArray(new Table<?>[0]));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void writesExactlyOnRegimeCrossings() {
        String k = TestKernels.kernel(store);
        ScaleMappingService s = new ScaleMappingService(store, Clock.systemUTC());
        double[] kappas = {30, 39.999, 40, 55, 70, 70.0001, 99.9, 100, 150, 20};
        // linear linear | geometric geometric geometric | hierarchical hierarchical | breakdown breakdown | linear
        List<String> expected = List.of("linear>geometric", "geometric>hierarchical", "hierarchical>breakdown",
                "breakdown>linear");
        List<KappaState> states = new ArrayList<>();
        for (int i = 0; i < kappas.length; i++) {
            states.add(new KappaState(kappas[i], around(i * 6, 20, 0), 0.1 + 0.05 * i));
        }
        int written = 0;
        for (int i = 1; i < states.size(); i++) {
            written += s.onKappaChange(k, states.get(i - 1), states.get(i)).isPresent() ? 1 : 0;
        }
        assertThat(written).isEqualTo(4);
        List<ScaleMappingRow> rows = s.mappings(k);
        assertThat(rows).extracting(r -> r.sourceRegime() + ">" + r.targetRegime()).containsExactlyElementsOf(expected);
        ScaleMappingRow first = rows.get(0);
        assertThat(first.sourceKappa()).isEqualTo(39.999);
        assertThat(first.targetKappa()).isEqualTo(40.0);
        KappaState b = states.get(1);
        KappaState a = states.get(2);
        double stepRatio = (40 + ScaleMappingService.EPSILON) / (39.999 + ScaleMappingService.EPSILON);
        double phiRatio = (a.phi() + ScaleMappingService.EPSILON) / (b.phi() + ScaleMappingService.EPSILON);
        assertThat(first.transformationMatrix()).containsExactly(stepRatio, 0.0, 0.0, phiRatio);
        assertThat(first.informationPreserved())
                .isCloseTo(1 - FisherRao.distance(b.basin(), a.basin()) / Math.PI, within(ACCURACY));
        assertThat(first.mappingType()).isEqualTo("nonlinear"); // Φ 0.15 → 0.20 (×1.33) vs step ×1.00003
    }

    @Test
    void mappingTypeFollowsTheProportionalityRule() {
        ScaleMappingService s = new ScaleMappingService(store, Clock.systemUTC());
        Basin p = around(5, 10, 0);
        assertThat(s.mapping("krn_x", new KappaState(35, p, 0.2), new KappaState(45, p, 0.2 * 45 / 35)).orElseThrow()
                .mappingType()).isEqualTo("linear");
        assertThat(s.mapping("krn_x", new KappaState(35, p, 0.2), new KappaState(45, p, 0.9)).orElseThrow()
                .mappingType()).isEqualTo("nonlinear");
        assertThat(s.mapping("krn_x", new KappaState(35, p, 0.2), new KappaState(36, p, 0.9))).isEmpty();
    }

    @Test
    void badInputIsRejectedAndWritesNothing() {
        ScaleMappingService s = new ScaleMappingService(store, Clock.systemUTC());
        Basin p = around(5, 10, 0);
        long before = TestKernels.count(store, "knowledge_scale_mappings");
        assertThatThrownBy(() -> s.onKappaChange("krn_nope", new KappaState(10, p, 0.1), new KappaState(50, p, 0.1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("kernelId is unknown: krn_nope");
        assertThatThrownBy(() -> new KappaState(-1, p, 0.1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("kappaEff must be finite and ≥ 0, is -1.0");
        assertThatThrownBy(() -> new KappaState(Double.POSITIVE_INFINITY, p, 0.1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new KappaState(10, p, 1.5)).isInstanceOf(InvalidInputException.class)
                .hasMessage("phi must be in [0, 1], is 1.5");
        assertThatThrownBy(() -> s.onKappaChange("k", null, new KappaState(50, p, 0.1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("before is missing");
        assertThat(TestKernels.count(store, "knowledge_scale_mappings")).isEqualTo(before);
    }
}
