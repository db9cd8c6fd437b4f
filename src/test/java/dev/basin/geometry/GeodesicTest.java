package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeodesicTest {
    static final double ACCURACY = 1e-12;

    @Test
    void pathHasStepsPlusOnePointsWithExactEndpoints() {
        SplittableRandom rng = new SplittableRandom(10);
        Basin p = TestBasins.dirichlet(rng, 1.0);
        Basin q = TestBasins.nearBoundary(rng);
        List<Basin> path = FisherRao.geodesic(p, q, 7);
        assertThat(path).hasSize(8);
        assertThat(path.get(0)).isSameAs(p);
        assertThat(path.get(7)).isSameAs(q);
        assertThat(FisherRao.geodesic(p, q, 1)).containsExactly(p, q);
    }

    @Test
    void stepsAreEquallySpacedAtDOverN() {
        SplittableRandom rng = new SplittableRandom(11);
        int[] steps = {1, 2, 3, 10, 64};
        for (int n = 0; n < 150; n++) {
            Basin p = n % 3 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.5 + rng.nextDouble());
            Basin q = switch (n % 4) {
                case 0 -> TestBasins.nearBoundary(rng);
                case 1 -> TestBasins.perturb(rng, p, 1e-10);
                case 2 -> TestBasins.perturb(rng, p, 1e-4);
                default -> TestBasins.dirichlet(rng, 0.1);
            };
            int k = steps[n % steps.length];
            double d = FisherRao.distance(p, q);
            List<Basin> path = FisherRao.geodesic(p, q, k);
            for (int i = 0; i < k; i++) {
                assertThat(FisherRao.distance(path.get(i), path.get(i + 1)))
                        .as("step %d of %d, d=%s", i, k, d)
                        .isCloseTo(d / k, within(ACCURACY));
            }
        }
    }

    @Test
    void disjointEndpointsGiveAnEquallySpacedPathOfLengthPi() {
        List<Basin> path = FisherRao.geodesic(Basin.pointMass(0), Basin.pointMass(1), 4);
        for (int i = 0; i < 4; i++) {
            assertThat(FisherRao.distance(path.get(i), path.get(i + 1))).isCloseTo(Math.PI / 4, within(ACCURACY));
        }
        assertThat(path.get(2).get(0)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void everyPointStaysInTheSimplex() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n = 0; n < 100; n++) {
            Basin p = TestBasins.nearBoundary(rng);
            Basin q = TestBasins.nearBoundary(rng);
            for (Basin b : FisherRao.geodesic(p, q, 9)) {
                Basin.of(b.toArray()); // re-validates: finite, non-negative, sums to 1
            }
        }
    }

    @Test
    void pointAtMatchesTheSlerpFormulaAndItsEnds() {
        SplittableRandom rng = new SplittableRandom(13);
        Basin p = TestBasins.dirichlet(rng, 1.0);
        Basin q = TestBasins.dirichlet(rng, 1.0);
        assertThat(FisherRao.pointAt(p, q, 0.0)).isSameAs(p);
        assertThat(FisherRao.pointAt(p, q, 1.0)).isSameAs(q);
        double d = FisherRao.distance(p, q);
        Basin m = FisherRao.pointAt(p, q, 0.3);
        assertThat(FisherRao.distance(p, m)).isCloseTo(0.3 * d, within(ACCURACY));
        assertThat(FisherRao.distance(m, q)).isCloseTo(0.7 * d, within(ACCURACY));
        assertThatThrownBy(() -> FisherRao.pointAt(p, q, 1.5)).hasMessage("tau must be in [0, 1], is 1.5");
        assertThatThrownBy(() -> FisherRao.pointAt(p, q, Double.NaN)).hasMessage("tau must be in [0, 1], is NaN");
    }

    @Test
    void tinyAnglesUseNormalisedLinearInterpolation() {
        SplittableRandom rng = new SplittableRandom(14);
        Basin p = TestBasins.dirichlet(rng, 1.0);
        Basin q = TestBasins.perturb(rng, p, 1e-12);
        assertThat(FisherRao.angle(p, q)).isLessThan(FisherRao.SMALL_ANGLE);
        Basin mid = FisherRao.pointAt(p, q, 0.5);
        double d = FisherRao.distance(p, q);
        assertThat(FisherRao.distance(p, mid)).isCloseTo(d / 2, within(ACCURACY));
    }

    @Test
    void stepTowardMovesTheGivenLengthButNeverPastTheTarget() {
        SplittableRandom rng = new SplittableRandom(15);
        Basin p = TestBasins.dirichlet(rng, 1.0);
        Basin q = TestBasins.dirichlet(rng, 1.0);
        double d = FisherRao.distance(p, q);
        Basin step = FisherRao.stepToward(p, q, d / 3);
        assertThat(FisherRao.distance(p, step)).isCloseTo(d / 3, within(ACCURACY));
        assertThat(FisherRao.stepToward(p, q, 2 * d)).isSameAs(q);
        assertThat(FisherRao.stepToward(p, q, 0.0)).isSameAs(p);
        assertThatThrownBy(() -> FisherRao.stepToward(p, q, -1.0))
                .hasMessage("length must be finite and non-negative, is -1.0");
    }

    @Test
    void rejectsFewerThanOneStep() {
        assertThatThrownBy(() -> FisherRao.geodesic(Basin.uniform(), Basin.pointMass(0), 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be at least 1, is 0");
    }
}
