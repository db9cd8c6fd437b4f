package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CurvatureTest {
    static final double GEODESIC_CURVATURE = 1e-9;

    @Test
    void geodesicPathsHaveZeroCurvature() {
        SplittableRandom rng = new SplittableRandom(30);
        for (int n = 0; n < 100; n++) {
            Basin p = n % 2 == 0 ? TestBasins.dirichlet(rng, 1.0) : TestBasins.nearBoundary(rng);
            Basin q = n % 3 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.5);
            List<Basin> path = FisherRao.geodesic(p, q, 2 + rng.nextInt(12));
            double[] k = Curvature.of(path);
            assertThat(k).hasSize(path.size() - 2);
            assertThat(Curvature.max(path)).isLessThanOrEqualTo(GEODESIC_CURVATURE);
        }
    }

    @Test
    void turningBackIsPiOverTheSegmentLength() {
        SplittableRandom rng = new SplittableRandom(31);
        Basin p = TestBasins.dirichlet(rng, 1.0);
        Basin q = TestBasins.dirichlet(rng, 1.0);
        double d = FisherRao.distance(p, q);
        assertThat(Curvature.of(List.of(p, q, p))[0]).isCloseTo(Math.PI / d, within(1e-9));
    }

    @Test
    void aRightAngleTurnBetweenDisjointCornersIsHalfPiOverTheMeanLength() {
        // e₀ → e₁ → e₂: arriving at e₁ along its √-coordinate axis pair (0,1), leaving along (1,2); the directions are
        // orthogonal in the tangent space at e₁ and both segments have length π.
        List<Basin> t = List.of(Basin.pointMass(0), Basin.pointMass(1), Basin.pointMass(2));
        assertThat(Curvature.of(t)[0]).isCloseTo((Math.PI / 2) / Math.PI, within(1e-12));
    }

    @Test
    void fewerThanThreePointsHaveNoCurvatureAndPausesCountAsZero() {
        assertThat(Curvature.of(List.of(Basin.uniform()))).isEmpty();
        assertThat(Curvature.max(List.of(Basin.uniform(), Basin.pointMass(0)))).isEqualTo(0.0);
        assertThat(Curvature.of(List.of(Basin.uniform(), Basin.uniform(), Basin.pointMass(0)))).containsExactly(0.0);
        assertThatThrownBy(() -> Curvature.of(null)).hasMessage("trajectory is missing");
    }
}
