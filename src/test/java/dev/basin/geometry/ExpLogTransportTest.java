package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpLogTransportTest {
    static final double ACCURACY = 1e-12;

    private static Basin other(SplittableRandom rng, Basin p, int n) {
        return switch (n % 5) {
            case 0 -> TestBasins.nearBoundary(rng);
            case 1 -> TestBasins.perturb(rng, p, 1e-10);
            case 2 -> TestBasins.perturb(rng, p, 1e-3);
            case 3 -> TestBasins.dirichlet(rng, 0.2);
            default -> TestBasins.dirichlet(rng, 2.0);
        };
    }

    @Test
    void logHasTheDistanceAsLengthAndIsTangent() {
        SplittableRandom rng = new SplittableRandom(20);
        for (int n = 0; n < 300; n++) {
            Basin p = n % 2 == 0 ? TestBasins.dirichlet(rng, 1.0) : TestBasins.nearBoundary(rng);
            Basin q = other(rng, p, n);
            Tangent v = FisherRao.log(p, q);
            double d = FisherRao.distance(p, q);
            assertThat(v.base()).isSameAs(p);
            assertThat(v.norm()).isCloseTo(d, within(ACCURACY * Math.max(1, d)));
            assertThat(Tangent.dot(v.raw(), p.toSqrtArray())).isCloseTo(0.0, within(ACCURACY));
        }
        assertThat(FisherRao.log(Basin.uniform(), Basin.uniform()).norm()).isEqualTo(0.0);
    }

    @Test
    void expOfLogReturnsToTheTarget() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int n = 0; n < 500; n++) {
            Basin p = n % 2 == 0 ? TestBasins.dirichlet(rng, 0.5 + rng.nextDouble()) : TestBasins.nearBoundary(rng);
            Basin q = other(rng, p, n);
            if (FisherRao.distance(p, q) >= Math.PI) {
                continue;
            }
            ExpResult r = FisherRao.exp(p, FisherRao.log(p, q));
            assertThat(TestBasins.maxAbsDiff(r.basin(), q)).as("pair %d", n).isLessThanOrEqualTo(ACCURACY);
            assertThat(r.fraction()).isEqualTo(1.0);
            assertThat(r.stoppedAtBoundary()).isFalse();
        }
    }

    @Test
    void expOfZeroIsTheBase() {
        Basin p = Basin.uniform();
        ExpResult r = FisherRao.exp(p, Tangent.zero(p));
        assertThat(r.basin()).isSameAs(p);
        assertThat(r.fraction()).isEqualTo(1.0);
    }

    @Test
    void expStopsAtTheBoundaryAndReportsTheFractionTaken() {
        // From the uniform basin toward e₀, overshooting it: the step must stop on the boundary, not fold back.
        Basin p = Basin.uniform();
        Basin q = Basin.normalize(boundaryTarget());
        Tangent toward = FisherRao.log(p, q);
        double d = toward.norm();
        ExpResult r = FisherRao.exp(p, toward.scale(2.0));
        assertThat(r.stoppedAtBoundary()).isTrue();
        assertThat(r.fraction()).isCloseTo(0.5, within(ACCURACY));
        assertThat(TestBasins.maxAbsDiff(r.basin(), q)).isLessThanOrEqualTo(ACCURACY);
        assertThat(r.basin().get(63)).isEqualTo(0.0);
        assertThat(FisherRao.distance(p, r.basin())).isCloseTo(d, within(ACCURACY));
    }

    @Test
    void outwardStepFromABoundaryPointTakesNoStepAtAll() {
        Basin p = Basin.normalize(boundaryTarget()); // p₆₃ = 0
        double[] v = new double[Basin.DIM];
        v[63] = -0.1; // points out of the simplex; orthogonal to √p since √p₆₃ = 0
        ExpResult r = FisherRao.exp(p, Tangent.of(p, v));
        assertThat(r.fraction()).isEqualTo(0.0);
        assertThat(TestBasins.maxAbsDiff(r.basin(), p)).isLessThanOrEqualTo(ACCURACY);
    }

    @Test
    void expAlongALongStepWithinTheSimplexTakesAllOfIt() {
        SplittableRandom rng = new SplittableRandom(22);
        Basin p = TestBasins.dirichlet(rng, 5.0);
        Tangent v = Tangent.of(p, TestBasins.randomTangent(rng, p, 0.01));
        ExpResult r = FisherRao.exp(p, v);
        assertThat(r.fraction()).isEqualTo(1.0);
        assertThat(FisherRao.distance(p, r.basin())).isCloseTo(v.norm(), within(ACCURACY));
    }

    @Test
    void transportPreservesNormsAndIsTangentAtTheTarget() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int n = 0; n < 300; n++) {
            Basin p = n % 2 == 0 ? TestBasins.dirichlet(rng, 1.0) : TestBasins.nearBoundary(rng);
            Basin q = other(rng, p, n);
            double scale = Math.pow(10, -3 + 4 * rng.nextDouble());
            Tangent w = Tangent.of(p, TestBasins.randomTangent(rng, p, scale));
            Tangent moved = FisherRao.transport(w, q);
            assertThat(moved.base()).isSameAs(q);
            assertThat(moved.norm()).isCloseTo(w.norm(), within(ACCURACY * Math.max(1, w.norm())));
            assertThat(Tangent.dot(moved.raw(), q.toSqrtArray())).isCloseTo(0.0, within(ACCURACY * Math.max(1, w.norm())));
        }
    }

    @Test
    void transportOfTheLogIsMinusTheReverseLog() {
        SplittableRandom rng = new SplittableRandom(24);
        for (int n = 0; n < 100; n++) {
            Basin p = TestBasins.dirichlet(rng, 1.0);
            Basin q = TestBasins.dirichlet(rng, 1.0);
            Tangent moved = FisherRao.transport(FisherRao.log(p, q), q);
            Tangent back = FisherRao.log(q, p);
            for (int i = 0; i < Basin.DIM; i++) {
                assertThat(moved.get(i)).isCloseTo(-back.get(i), within(ACCURACY));
            }
        }
    }

    @Test
    void transportToTheSamePointIsTheIdentity() {
        Basin p = Basin.uniform();
        double[] v = new double[Basin.DIM];
        v[0] = 1;
        v[1] = -1;
        Tangent w = Tangent.of(p, v);
        assertThat(FisherRao.transport(w, p).components()).containsExactly(v);
    }

    @Test
    void tangentRejectsBadUserInput() {
        Basin p = Basin.uniform();
        assertThatThrownBy(() -> Tangent.of(p, new double[3])).hasMessage("tangent must have 64 entries, has 3");
        double[] nan = new double[Basin.DIM];
        nan[4] = Double.NaN;
        assertThatThrownBy(() -> Tangent.of(p, nan)).hasMessage("tangent[4] is not finite: NaN");
        double[] radial = p.toSqrtArray();
        assertThatThrownBy(() -> Tangent.of(p, radial))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tangent is not tangent at the base");
        assertThatThrownBy(() -> FisherRao.exp(Basin.pointMass(0), Tangent.zero(p)))
                .hasMessage("tangent is not based at the given point");
        assertThatThrownBy(() -> Tangent.zero(p).plus(Tangent.zero(Basin.pointMass(1))))
                .hasMessage("tangent has a different base point; transport it first");
    }

    @Test
    void tangentArithmetic() {
        Basin p = Basin.uniform();
        double[] v = new double[Basin.DIM];
        v[0] = 3;
        v[1] = -3;
        Tangent a = Tangent.of(p, v);
        assertThat(a.scale(2).norm()).isCloseTo(2 * a.norm(), within(1e-15));
        assertThat(a.plus(a)).isEqualTo(a.scale(2));
        assertThat(a.dot(a)).isCloseTo(18, within(1e-12));
    }

    private static double[] boundaryTarget() {
        double[] w = new double[Basin.DIM];
        java.util.Arrays.fill(w, 1.0);
        w[63] = 0.0;
        return w;
    }
}
