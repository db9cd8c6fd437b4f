package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BasinTest {
    private static double[] uniform() {
        double[] p = new double[Basin.DIM];
        Arrays.fill(p, 1.0 / Basin.DIM);
        return p;
    }

    @Test
    void ofCopiesAndKeepsSquareRoots() {
        double[] p = uniform();
        Basin b = Basin.of(p);
        p[0] = 5;
        assertThat(b.get(0)).isEqualTo(1.0 / 64);
        assertThat(b.sqrt(0)).isEqualTo(0.125);
        assertThat(b.toSqrtArray()[63]).isEqualTo(0.125);
        assertThat(b).isEqualTo(Basin.uniform()).hasSameHashCodeAs(Basin.uniform());
    }

    @Test
    void rejectionsNameTheFieldTheIndexAndTheRule() {
        assertThatThrownBy(() -> Basin.of(new double[3])).hasMessage("basin must have 64 entries, has 3");
        assertThatThrownBy(() -> Basin.of("p", null)).hasMessage("p is missing");
        double[] nan = uniform();
        nan[12] = Double.NaN;
        assertThatThrownBy(() -> Basin.of(nan)).hasMessage("basin[12] is not finite: NaN");
        double[] inf = uniform();
        inf[1] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Basin.of("q", inf)).hasMessage("q[1] is not finite: Infinity");
        double[] neg = uniform();
        neg[12] = -1e-9;
        assertThatThrownBy(() -> Basin.of(neg)).hasMessage("basin[12] is negative: -1.0E-9");
        double[] off = uniform();
        off[0] += 1e-8;
        assertThatThrownBy(() -> Basin.of(off))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("basin must sum to 1 within 1.0E-9, sums to 1.00000001");
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> Basin.of(neg));
        assertThat(e.field()).isEqualTo("basin[12]");
        assertThat(e.problem()).isEqualTo("is negative: -1.0E-9");
    }

    @Test
    void sumWithinToleranceIsAccepted() {
        double[] p = uniform();
        p[0] += 5e-10;
        assertThat(Basin.of(p).get(0)).isEqualTo(1.0 / 64 + 5e-10);
    }

    @Test
    void normalizeDividesBySumButNeverClips() {
        double[] w = new double[Basin.DIM];
        Arrays.fill(w, 2.0);
        assertThat(Basin.normalize(w)).isEqualTo(Basin.uniform());
        w[3] = -1;
        assertThatThrownBy(() -> Basin.normalize(w)).hasMessage("weights[3] is negative: -1.0");
        assertThatThrownBy(() -> Basin.normalize(new double[Basin.DIM]))
                .hasMessage("weights must have a positive finite sum, sums to 0.0");
    }

    @Test
    void pointMassAndUniform() {
        assertThat(Basin.pointMass(5).get(5)).isEqualTo(1.0);
        assertThat(Basin.pointMass(5).get(4)).isEqualTo(0.0);
        assertThatThrownBy(() -> Basin.pointMass(64)).hasMessage("index must be in [0, 63], is 64");
        assertThat(Arrays.stream(Basin.uniform().toArray()).sum()).isEqualTo(1.0);
    }
}
