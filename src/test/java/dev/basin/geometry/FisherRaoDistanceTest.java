package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FisherRaoDistanceTest {
    static final double ACCURACY = 1e-12;
    static final int PAIRS = 200;

    @Test
    void distanceMatchesA40DigitReferenceFromTinyToRightAngle() {
        SplittableRandom rng = new SplittableRandom(1);
        double minTheta = Double.MAX_VALUE;
        double maxTheta = 0.0;
        for (int n = 0; n < PAIRS; n++) {
            Basin p = n % 4 == 3 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.3 + rng.nextDouble());
            double eps = Math.pow(10.0, -10.5 + 11.0 * rng.nextDouble());
            Basin q = n % 5 == 4 ? TestBasins.dirichlet(rng, 0.05) : TestBasins.perturb(rng, p, eps);
            BigDecimal ref = TestBasins.referenceDistance(p, q);
            double theta = ref.doubleValue() / 2;
            if (theta == 0.0) {
                continue;
            }
            minTheta = Math.min(minTheta, theta);
            maxTheta = Math.max(maxTheta, theta);
            double d = FisherRao.distance(p, q);
            double rel = new BigDecimal(d).subtract(ref).abs().divide(ref, TestBasins.MC).doubleValue();
            assertThat(rel).as("relative error at theta=%s", theta).isLessThanOrEqualTo(ACCURACY);
        }
        assertThat(minTheta).isLessThan(1e-9);
        assertThat(maxTheta).isGreaterThan(1.0);
    }

    @Test
    void pointsOneEMinus10ApartAreAccurate() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int n = 0; n < 50; n++) {
            Basin p = TestBasins.dirichlet(rng, 1.0);
            Basin q = TestBasins.perturb(rng, p, 1e-10);
            BigDecimal ref = TestBasins.referenceDistance(p, q);
            double d = FisherRao.distance(p, q);
            assertThat(d).isCloseTo(ref.doubleValue(), within(ACCURACY * ref.doubleValue()));
            assertThat(d).isGreaterThan(0.0).isLessThan(1e-8);
        }
    }

    @Test
    void distanceToItselfIsExactlyZero() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            Basin p = n % 2 == 0 ? TestBasins.dirichlet(rng, 0.5) : TestBasins.nearBoundary(rng);
            assertThat(FisherRao.distance(p, p)).isEqualTo(0.0);
            assertThat(FisherRao.distance(p, Basin.of(p.toArray()))).isEqualTo(0.0);
        }
        assertThat(FisherRao.distance(Basin.pointMass(7), Basin.pointMass(7))).isEqualTo(0.0);
    }

    @Test
    void distanceIsSymmetricBitForBit() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int n = 0; n < 500; n++) {
            Basin p = n % 3 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.2 + rng.nextDouble());
            Basin q = n % 2 == 0 ? TestBasins.perturb(rng, p, 1e-6) : TestBasins.nearBoundary(rng);
            assertThat(Double.doubleToRawLongBits(FisherRao.distance(p, q)))
                    .isEqualTo(Double.doubleToRawLongBits(FisherRao.distance(q, p)));
            assertThat(Double.doubleToRawLongBits(FisherRao.bhattacharyya(p, q)))
                    .isEqualTo(Double.doubleToRawLongBits(FisherRao.bhattacharyya(q, p)));
        }
    }

    @Test
    void disjointSupportsAreExactlyPi() {
        assertThat(FisherRao.distance(Basin.pointMass(0), Basin.pointMass(63))).isEqualTo(Math.PI);
        SplittableRandom rng = new SplittableRandom(5);
        for (int n = 0; n < 100; n++) {
            double[] a = TestBasins.dirichlet(rng, 0.7).toArray();
            double[] b = TestBasins.dirichlet(rng, 0.7).toArray();
            for (int i = 0; i < Basin.DIM; i++) {
                if (rng.nextBoolean()) {
                    a[i] = 0.0;
                } else {
                    b[i] = 0.0;
                }
            }
            a[0] = 1e-300;
            b[0] = 0.0;
            b[1] = 0.3;
            a[1] = 0.0;
            Basin p = Basin.normalize(a);
            Basin q = Basin.normalize(b);
            assertThat(FisherRao.distance(p, q)).isEqualTo(Math.PI);
            assertThat(FisherRao.bhattacharyya(p, q)).isEqualTo(0.0);
        }
    }

    @Test
    void aTinySharedMassIsNotMistakenForDisjointSupports() {
        double[] a = new double[Basin.DIM];
        double[] b = new double[Basin.DIM];
        a[0] = 1e-12;
        b[0] = 1e-12;
        a[1] = 1.0 - 1e-12;
        b[2] = 1.0 - 1e-12;
        Basin p = Basin.of(a);
        Basin q = Basin.of(b);
        assertThat(FisherRao.distance(p, q)).isLessThan(Math.PI).isCloseTo(2 * Math.acos(1e-12), within(1e-14));
    }

    @Test
    void distanceIsTwiceArccosOfBhattacharyya() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int n = 0; n < 100; n++) {
            Basin p = TestBasins.dirichlet(rng, 1.0);
            Basin q = TestBasins.dirichlet(rng, 1.0);
            double bc = FisherRao.bhattacharyya(p, q);
            assertThat(bc).isBetween(0.0, 1.0);
            assertThat(FisherRao.distance(p, q)).isCloseTo(2.0 * Math.acos(bc), within(1e-12));
            assertThat(FisherRao.angle(p, q)).isEqualTo(FisherRao.distance(p, q) / 2);
        }
    }

    @Test
    void theDirectPathIsTheClampedFormulaBitForBit() {
        // distance() answers chord² in [1e-4, 1) without the clamps and the disjointness check; across that range and
        // both its ends it must return the double that 4·asin(√(min(1, chord²/4))), capped at π, gives.
        SplittableRandom rng = new SplittableRandom(8);
        int direct = 0;
        for (int n = 0; n < 4000; n++) {
            Basin p = n % 3 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.05 + 2 * rng.nextDouble());
            Basin q = n % 2 == 0 ? TestBasins.perturb(rng, p, Math.pow(10.0, -3 + 3 * rng.nextDouble()))
                    : TestBasins.dirichlet(rng, 0.05 + 2 * rng.nextDouble());
            double sq = VectorMath.squaredDistance(p.s(), 0, q.s(), 0);
            double clamped = Math.min(Math.PI, 4.0 * FisherRao.asinSqrt(Math.min(1.0, 0.25 * sq)));
            double d = FisherRao.distance(p, q);
            assertThat(FisherRao.distanceFromChordSquared(sq)).isEqualTo(clamped);
            assertThat(d).isEqualTo(2.0 * FisherRao.angle(p, q));
            if (sq >= FisherRao.CHORD_DIRECT_SQ && sq < 2.0 - FisherRao.DISJOINT_CHECK) {
                assertThat(d).as("chord² %s", sq).isEqualTo(clamped);
                direct += sq < 1.0 ? 1 : 0;
            }
        }
        assertThat(direct).isGreaterThan(1000);
        for (double sq : new double[] {Math.nextDown(1.0), 1.0, Math.nextUp(1.0), FisherRao.CHORD_DIRECT_SQ, 0.0}) {
            assertThat(FisherRao.distanceFromChordSquared(sq))
                    .isEqualTo(Math.min(Math.PI, 4.0 * FisherRao.asinSqrt(Math.min(1.0, 0.25 * sq))));
        }
    }

    @Test
    void knownClosedFormBetweenUniformAndPointMass() {
        // BC(uniform, e_i) = sqrt(1/64) = 1/8 exactly, so d = 2·arccos(1/8).
        assertThat(FisherRao.distance(Basin.uniform(), Basin.pointMass(5))).isCloseTo(2 * Math.acos(0.125), within(1e-15));
    }

    @Test
    void ballTestHelperIsCosineOfHalfRadius() {
        assertThat(FisherRao.cosHalf(0.0)).isEqualTo(1.0);
        assertThat(FisherRao.cosHalf(Math.PI)).isCloseTo(0.0, within(1e-16));
        assertThat(FisherRao.cosHalf(1.0)).isEqualTo(Math.cos(0.5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FisherRao.cosHalf(-1))
                .hasMessage("radius must be in [0, pi], is -1.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FisherRao.cosHalf(Double.NaN))
                .hasMessage("radius must be in [0, pi], is NaN");
    }
}
