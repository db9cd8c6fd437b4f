package dev.basin.attractors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HessianSpectrumTest {
    /** Finite differences with h = 1e-5 agree with the analytic Hessian to O(h²) plus rounding of ~1e-16/h. */
    static final double FD_AGREEMENT = 1e-7;

    @Test
    void analyticHessianMatchesFiniteDifferencesOfTheGradient() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<Well> wells = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            wells.add(new Well(Sphere.toBasin(AttractorFinder.dirichletSqrt(rnd)), 0.2 + rnd.nextDouble()));
        }
        wells.add(new Well(TestWells.peak(3, 0.4), 1.0));
        Potential u = new Potential(wells);
        List<double[]> points = new ArrayList<>();
        points.add(Sphere.sqrt(TestWells.peak(3, 0.4)));
        points.add(AttractorFinder.midpoint(Sphere.sqrt(wells.get(0).basin()), Sphere.sqrt(wells.get(1).basin())));
        for (int i = 0; i < 4; i++) {
            points.add(AttractorFinder.dirichletSqrt(rnd));
        }
        for (double[] s : points) {
            double[][] basis = TangentBasis.at(s);
            double[][] exact = u.hessian(s, basis);
            double[][] fd = FiniteDifferenceHessian.at(u, s, basis);
            double worst = 0.0;
            double scale = 0.0;
            for (int a = 0; a < exact.length; a++) {
                assertThat(exact[a][a]).isFinite();
                for (int b = 0; b < exact.length; b++) {
                    assertThat(exact[a][b]).isEqualTo(exact[b][a]);
                    worst = Math.max(worst, Math.abs(exact[a][b] - fd[a][b]));
                    scale = Math.max(scale, Math.abs(exact[a][b]));
                }
            }
            assertThat(worst).isLessThan(FD_AGREEMENT * Math.max(1.0, scale));
        }
    }

    @Test
    void spectrumIsAscendingWithOrthonormalTangentEigenvectors() {
        Potential u = new Potential(TestWells.wells(3));
        double[] s = AttractorFinder.midpoint(Sphere.sqrt(TestWells.peak(0, 0.5)), Sphere.sqrt(TestWells.peak(7, 0.5)));
        HessianSpectrum full = HessianSpectrum.at(u, s);
        HessianSpectrum values = HessianSpectrum.valuesAt(u, s);
        double[][] basis = TangentBasis.at(s);
        double[][] h = u.hessian(s, basis);
        for (int k = 0; k < full.values().length; k++) {
            if (k > 0) {
                assertThat(full.values()[k]).isGreaterThanOrEqualTo(full.values()[k - 1]);
            }
            assertThat(values.values()[k]).isCloseTo(full.values()[k], org.assertj.core.data.Offset.offset(1e-12));
            double[] e = full.vectors()[k];
            assertThat(Sphere.norm(e)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(Sphere.dot(e, s)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
            // H e = λ e in the basis coordinates.
            double[] c = new double[basis.length];
            for (int a = 0; a < basis.length; a++) {
                c[a] = Sphere.dot(basis[a], e);
            }
            for (int a = 0; a < basis.length; a++) {
                double he = 0.0;
                for (int b = 0; b < basis.length; b++) {
                    he += h[a][b] * c[b];
                }
                assertThat(he).isCloseTo(full.values()[k] * c[a], org.assertj.core.data.Offset.offset(1e-10));
            }
        }
        assertThat(full.values()[0]).isNegative();
        assertThat(full.values()[1]).isPositive();
    }

    @Test
    void newtonReachesTheSaddleBetweenTwoWellsFromOffTheMidpoint() {
        Basin a = TestWells.peak(3, 0.5);
        Basin b = TestWells.peak(40, 0.5);
        Potential u = new Potential(List.of(new Well(a, 1.0), new Well(b, 1.0)));
        double[] start = AttractorFinder.midpoint(Sphere.sqrt(a), Sphere.sqrt(TestWells.peak(40, 0.45)));
        GradientFlow.Result r = GradientFlow.newton(u, start, 1e-10, 100, 0.5);
        assertThat(r.converged()).isTrue();
        assertThat(r.gradNorm()).isLessThan(1e-10);
        double dA = Sphere.distance(r.s(), Sphere.sqrt(a));
        double dB = Sphere.distance(r.s(), Sphere.sqrt(b));
        assertThat(Math.abs(dA - dB)).isLessThan(1e-6);
        double[] eig = AttractorFinder.hessianEigenvalues(u, Sphere.toBasin(r.s()));
        assertThat(eig[0]).isNegative();
        assertThat(eig[1]).isPositive();
    }
}
