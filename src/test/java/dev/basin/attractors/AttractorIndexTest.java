package dev.basin.attractors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AttractorIndexTest {
    static final int N = 10_000;
    static final int QUERIES = 20;

    static Basin dirichlet(SplittableRandom rnd) {
        double[] s = AttractorFinder.dirichletSqrt(rnd);
        return Sphere.toBasin(s);
    }

    /** Points scattered tightly around a few centres, the hard case for quantised pre-scans. */
    static Basin clustered(SplittableRandom rnd, Basin[] centres) {
        Basin c = centres[rnd.nextInt(centres.length)];
        double[] p = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            p[i] = c.get(i) * (1.0 + 0.01 * rnd.nextDouble());
        }
        return Basin.normalize(p);
    }

    @Test
    void kNearestEqualsTheLinearScanOnUniformAndClusteredData() {
        SplittableRandom rnd = new SplittableRandom(11);
        Basin[] centres = {dirichlet(rnd), dirichlet(rnd), dirichlet(rnd)};
        for (boolean clusteredData : new boolean[] {false, true}) {
            AttractorIndex index = new AttractorIndex();
            for (int i = 0; i < N; i++) {
                index.add("attr_" + i, clusteredData ? clustered(rnd, centres) : dirichlet(rnd));
            }
            for (int q = 0; q < QUERIES; q++) {
                Basin query = clusteredData ? clustered(rnd, centres) : dirichlet(rnd);
                List<AttractorIndex.Neighbour> fast = index.nearest(query, 10);
                List<AttractorIndex.Neighbour> slow = index.nearestByLinearScan(query, 10);
                assertThat(fast).hasSize(10);
                assertThat(fast.stream().map(AttractorIndex.Neighbour::id).toList())
                        .isEqualTo(slow.stream().map(AttractorIndex.Neighbour::id).toList());
            }
        }
    }

    @Test
    void withinRadiusReturnsExactlyThePointsInsideTheBall() {
        SplittableRandom rnd = new SplittableRandom(5);
        AttractorIndex index = new AttractorIndex();
        for (int i = 0; i < 5000; i++) {
            index.add("attr_" + i, dirichlet(rnd));
        }
        Basin query = dirichlet(rnd);
        double radius = 1.2;
        List<AttractorIndex.Neighbour> all = index.nearestByLinearScan(query, 5000);
        long inside = all.stream().filter(n -> n.distance() < radius).count();
        List<AttractorIndex.Neighbour> hits = index.within(query, radius);
        assertThat(hits).hasSize((int) inside);
        assertThat(hits).allSatisfy(n -> assertThat(n.distance()).isLessThan(radius));
    }

    @Test
    void emptyIndexAndBadInput() {
        AttractorIndex index = new AttractorIndex();
        assertThat(index.nearest(Basin.uniform(), 3)).isEmpty();
        assertThatThrownBy(() -> index.within(Basin.uniform(), -1.0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("radius must be in (0, π], is -1.0");
        assertThatThrownBy(() -> index.nearest(Basin.uniform(), 0)).hasMessageContaining("k must be ≥ 1");
    }
}
