package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeansTest {
    static final double ACCURACY = 1e-12;

    @Test
    void meanOfIdenticalPointsIsThatPoint() {
        SplittableRandom rng = new SplittableRandom(40);
        Basin p = TestBasins.nearBoundary(rng);
        Means.Mean m = Means.karcher(List.of(p, p, p), new double[] {0.2, 0.3, 0.5});
        assertThat(m.basin()).isEqualTo(p);
        assertThat(m.iterations()).isZero();
        assertThat(Means.karcher(List.of(p), null).basin()).isEqualTo(p);
    }

    @Test
    void meanOfTwoPointsIsTheGeodesicMidpoint() {
        SplittableRandom rng = new SplittableRandom(41);
        for (int n = 0; n < 100; n++) {
            Basin p = n % 2 == 0 ? TestBasins.dirichlet(rng, 1.0) : TestBasins.nearBoundary(rng);
            Basin q = n % 3 == 0 ? TestBasins.perturb(rng, p, 1e-3) : TestBasins.dirichlet(rng, 0.5);
            Means.Mean m = Means.karcher(List.of(p, q), null);
            assertThat(TestBasins.maxAbsDiff(m.basin(), FisherRao.pointAt(p, q, 0.5))).isLessThanOrEqualTo(ACCURACY);
            // for two equally weighted points the extrinsic start already is the midpoint, so 0 iterations is fine
            assertThat(m.iterations()).isBetween(0, Means.MAX_ITERATIONS - 1);
        }
    }

    @Test
    void weightedMeanOfTwoPointsDividesTheGeodesicByTheWeights() {
        SplittableRandom rng = new SplittableRandom(42);
        Basin p = TestBasins.dirichlet(rng, 1.0);
        Basin q = TestBasins.dirichlet(rng, 1.0);
        Means.Mean m = Means.karcher(List.of(p, q), new double[] {0.25, 0.75});
        assertThat(TestBasins.maxAbsDiff(m.basin(), FisherRao.pointAt(p, q, 0.75))).isLessThanOrEqualTo(ACCURACY);
        Means.Mean all = Means.karcher(List.of(p, q), new double[] {0.0, 1.0});
        assertThat(TestBasins.maxAbsDiff(all.basin(), q)).isLessThanOrEqualTo(ACCURACY);
    }

    @Test
    void karcherMeanZeroesTheWeightedSumOfLogs() {
        SplittableRandom rng = new SplittableRandom(43);
        for (int n = 0; n < 20; n++) {
            List<Basin> pts = new ArrayList<>();
            for (int j = 0; j < 2 + rng.nextInt(20); j++) {
                pts.add(j % 3 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 1.0));
            }
            Means.Mean m = Means.karcher(pts, null);
            double[] g = new double[Basin.DIM];
            for (Basin b : pts) {
                Tangent l = FisherRao.log(m.basin(), b);
                for (int i = 0; i < Basin.DIM; i++) {
                    g[i] += l.get(i) / pts.size();
                }
            }
            assertThat(Math.sqrt(Tangent.dot(g, g))).isLessThan(1e-10);
            assertThat(m.iterations()).isLessThan(Means.MAX_ITERATIONS);
        }
    }

    @Test
    void extrinsicMeanIsTheNormalisedSumOfSquareRoots() {
        Basin e0 = Basin.pointMass(0);
        Basin e1 = Basin.pointMass(1);
        Basin m = Means.extrinsic(List.of(e0, e1), null);
        assertThat(m.get(0)).isEqualTo(0.5);
        assertThat(m.get(1)).isEqualTo(0.5);
        // for two points with equal weights the extrinsic mean is also the midpoint
        assertThat(TestBasins.maxAbsDiff(Means.karcher(List.of(e0, e1), null).basin(), m)).isLessThanOrEqualTo(ACCURACY);
    }

    @Test
    void rejectsEmptyListsAndBadWeightsNamingTheField() {
        List<Basin> two = List.of(Basin.uniform(), Basin.pointMass(0));
        assertThatThrownBy(() -> Means.karcher(List.of(), null)).hasMessage("points must not be empty");
        assertThatThrownBy(() -> Means.karcher(null, null)).hasMessage("points is missing");
        assertThatThrownBy(() -> Means.karcher(two, new double[] {1.0}))
                .hasMessage("weights must have one entry per point (2), has 1");
        assertThatThrownBy(() -> Means.karcher(two, new double[] {1.5, -0.5})).hasMessage("weights[1] is negative: -0.5");
        assertThatThrownBy(() -> Means.karcher(two, new double[] {Double.NaN, 1})).hasMessage("weights[0] is not finite: NaN");
        assertThatThrownBy(() -> Means.extrinsic(two, new double[] {0.5, 0.6}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("weights must sum to 1 within 1.0E-9, sums to 1.1");
    }
}
