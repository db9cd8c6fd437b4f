package dev.basin.api;

import dev.basin.geometry.Basin;
import java.util.SplittableRandom;

/** Seeded basins for tests. */
final class TestBasins {
    private TestBasins() {}

    static Basin random(SplittableRandom rnd) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1 - rnd.nextDouble());
        }
        return Basin.normalize(w);
    }

    static String json(Basin b) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Basin.DIM; i++) {
            s.append(i == 0 ? "" : ",").append(b.get(i));
        }
        return s.append(']').toString();
    }
}
