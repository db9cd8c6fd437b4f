package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntegrationCouplingTest {
    @Test
    void phiOfUniformIsZeroOfDiagonalIsOneOfPointMassIsZero() {
        assertThat(Integration.phi(Basin.uniform())).isEqualTo(0.0);
        assertThat(Integration.phi(Basin.of(TestBasins.diagonal()))).isCloseTo(1.0, within(1e-15));
        for (int i = 0; i < Basin.DIM; i++) {
            assertThat(Integration.phi(Basin.pointMass(i))).isEqualTo(0.0);
        }
    }

    @Test
    void phiOfAProductDistributionIsZeroAndOfAPermutationMatrixIsOne() {
        SplittableRandom rng = new SplittableRandom(50);
        double[] a = new double[8];
        double[] b = new double[8];
        for (int i = 0; i < 8; i++) {
            a[i] = rng.nextDouble();
            b[i] = rng.nextDouble();
        }
        double[] joint = new double[Basin.DIM];
        double[] perm = new double[Basin.DIM];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                joint[8 * i + j] = a[i] * b[j];
            }
            perm[8 * i + (i * 3 + 1) % 8] = 1.0;
        }
        assertThat(Integration.phi(Basin.normalize(joint))).isCloseTo(0.0, within(1e-12));
        assertThat(Integration.phi(Basin.normalize(perm))).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void phiIsInTheUnitIntervalEvenNearTheBoundary() {
        SplittableRandom rng = new SplittableRandom(51);
        for (int n = 0; n < 200; n++) {
            Basin p = n % 2 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.1);
            assertThat(Integration.phi(p)).isBetween(0.0, 1.0);
        }
        // a half-diagonal: A uniform over {0,1}, B = A: I = ln 2, Φ = 1/3
        double[] h = new double[Basin.DIM];
        h[0] = 0.5;
        h[9] = 0.5;
        assertThat(Integration.phi(Basin.of(h))).isCloseTo(1.0 / 3.0, within(1e-15));
    }

    @Test
    void kappaEffectiveAppliesNeurotransmitters() {
        assertThat(Coupling.KAPPA_STAR).isEqualTo(64.21);
        assertThat(Coupling.kappaEff(50, 0, 0)).isEqualTo(50.0);
        assertThat(Coupling.kappaEff(50, 1, 0)).isCloseTo(60.0, within(1e-12));
        assertThat(Coupling.kappaEff(50, 0, 1)).isCloseTo(42.5, within(1e-12));
        assertThat(Coupling.kappaEff(50, 0.5, 0.5)).isCloseTo(50 * 1.1 * 0.925, within(1e-12));
        assertThat(Coupling.stepLength(0.1, Coupling.KAPPA_STAR)).isCloseTo(0.1, within(1e-15));
        assertThat(Coupling.stepLength(0.1, 2 * Coupling.KAPPA_STAR)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void couplingRejectsOutOfRangeInputs() {
        assertThatThrownBy(() -> Coupling.kappaEff(50, 1.5, 0)).hasMessage("ne must be in [0, 1], is 1.5");
        assertThatThrownBy(() -> Coupling.kappaEff(50, 0, -0.1)).hasMessage("gaba must be in [0, 1], is -0.1");
        assertThatThrownBy(() -> Coupling.kappaEff(50, Double.NaN, 0)).hasMessage("ne must be in [0, 1], is NaN");
        assertThatThrownBy(() -> Coupling.kappaEff(Double.POSITIVE_INFINITY, 0, 0))
                .hasMessage("kappa must be finite and non-negative, is Infinity");
        assertThatThrownBy(() -> Coupling.stepLength(-1, 64)).hasMessage("baseStep must be finite and non-negative, is -1.0");
    }

    @Test
    void regimeBoundaries() {
        assertThat(Regime.of(0)).isEqualTo(Regime.LINEAR);
        assertThat(Regime.of(39.999)).isEqualTo(Regime.LINEAR);
        assertThat(Regime.of(40)).isEqualTo(Regime.GEOMETRIC);
        assertThat(Regime.of(Coupling.KAPPA_STAR)).isEqualTo(Regime.GEOMETRIC);
        assertThat(Regime.of(70)).isEqualTo(Regime.GEOMETRIC);
        assertThat(Regime.of(Math.nextUp(70.0))).isEqualTo(Regime.HIERARCHICAL);
        assertThat(Regime.of(99.999)).isEqualTo(Regime.HIERARCHICAL);
        assertThat(Regime.of(100)).isEqualTo(Regime.BREAKDOWN);
        assertThat(Regime.of(Double.POSITIVE_INFINITY)).isEqualTo(Regime.BREAKDOWN);
        assertThat(Regime.GEOMETRIC.sqlName()).isEqualTo("geometric");
        assertThat(Regime.BREAKDOWN.sqlName()).isEqualTo("breakdown");
        assertThatThrownBy(() -> Regime.of(Double.NaN)).hasMessage("kappaEff is not a number");
    }
}
