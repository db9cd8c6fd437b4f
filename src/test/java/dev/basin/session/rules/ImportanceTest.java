package dev.basin.session.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportanceTest {

    private static Basin peaked(int i) {
        double[] w = new double[64];
        java.util.Arrays.fill(w, 1.0);
        w[i] = 40.0;
        return Basin.normalize(w);
    }

    @Test
    void noveltyIsTheDistanceToTheNearestStoredFragmentOverHalfPi() {
        Basin a = peaked(0);
        Basin b = peaked(1);
        Basin c = peaked(2);
        assertEquals(1.0, Importance.novelty(a, List.of()), 0.0);
        assertEquals(0.0, Importance.novelty(a, List.of(b, a)), 1e-12);
        double expected = Math.min(FisherRao.distance(a, b), FisherRao.distance(a, c)) / (Math.PI / 2);
        assertEquals(expected, Importance.novelty(a, List.of(b, c)), 1e-12);
        assertTrue(expected > 0.0 && expected < 1.0);
    }

    @Test
    void importanceIsTheMeanOfItsMeasuredTermsAndDeterministic() {
        Basin a = peaked(3);
        List<Basin> stored = List.of(peaked(4));
        Importance i = Importance.ofChange(a, stored, -0.05);
        assertEquals(0.5, i.change(), 1e-12);
        assertEquals((i.novelty() + 0.5) / 2.0, i.value(), 1e-12);
        assertEquals(i, Importance.ofChange(a, stored, -0.05));
        assertEquals(0.0, Importance.ofChange(a, List.of(a), 0.0).value(), 1e-12);
        Importance q = Importance.ofQuery(a, stored, Math.PI / 4);
        assertEquals(0.5, q.relevance(), 1e-12);
        assertTrue(Double.isNaN(q.change()));
        assertEquals((q.novelty() + 0.5) / 2.0, q.value(), 1e-12);
    }

    @Test
    void nonFiniteChangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Importance.ofChange(peaked(0), List.of(), Double.NaN));
    }
}
