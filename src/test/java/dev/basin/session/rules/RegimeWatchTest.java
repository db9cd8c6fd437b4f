package dev.basin.session.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Regime;
import dev.basin.knowledge.KappaState;
import org.junit.jupiter.api.Test;

/** The scale-mapping rule: a crossing exactly when two consecutive measurements lie in different regimes. */
class RegimeWatchTest {
    private static KappaState at(double kappaEff) {
        return new KappaState(kappaEff, Basin.uniform(), 0.2);
    }

    @Test
    void firesOnEveryMeasuredCrossingAndStaysSilentWithinARegime() {
        RegimeWatch w = new RegimeWatch();
        assertThat(w.measure(at(97.0), "start")).isEmpty();
        assertThat(w.measure(at(99.9), "step")).isEmpty();
        RegimeWatch.Crossing up = w.measure(at(100.6), "blocked").orElseThrow();
        assertThat(up.from()).isEqualTo(Regime.HIERARCHICAL);
        assertThat(up.to()).isEqualTo(Regime.BREAKDOWN);
        assertThat(up.before().kappaEff()).isEqualTo(99.9);
        assertThat(up.after().kappaEff()).isEqualTo(100.6);
        assertThat(up.cause()).isEqualTo("blocked");
        assertThat(w.measure(at(101.0), "step")).isEmpty();
        RegimeWatch.Crossing down = w.measure(at(95.3), "restore").orElseThrow();
        assertThat(down.from()).isEqualTo(Regime.BREAKDOWN);
        assertThat(down.to()).isEqualTo(Regime.HIERARCHICAL);
        assertThat(down.before().kappaEff()).isEqualTo(101.0);
    }

    @Test
    void crossesSeveralRegimesAtOnceAndNeverBeforeItsFirstMeasurement() {
        RegimeWatch w = new RegimeWatch();
        assertThat(w.measure(at(35.0), "start")).isEmpty();
        RegimeWatch.Crossing c = w.measure(at(75.0), "step").orElseThrow();
        assertThat(c.from()).isEqualTo(Regime.LINEAR);
        assertThat(c.to()).isEqualTo(Regime.HIERARCHICAL);
        assertThat(w.measure(at(70.0), "step").orElseThrow().to()).isEqualTo(Regime.GEOMETRIC);
    }
}
