package dev.basin.attractors;

import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.List;

/** Well-separated test wells: half the mass on one index, the rest uniform (pairwise distance ≈ 1.83). */
final class TestWells {
    private TestWells() {}

    static Basin peak(int index, double mass) {
        double[] p = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            p[i] = (1.0 - mass) / Basin.DIM;
        }
        p[index] += mass;
        return Basin.normalize(p);
    }

    static List<Well> wells(int k) {
        List<Well> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            out.add(new Well(peak(j * 7 % Basin.DIM, 0.5), 1.0 + 0.1 * j));
        }
        return out;
    }
}
