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
        }
        assertThat(full.pairValues()).hasSizeLessThan(full.values().length);
        for (int k = 0; k < full.pairValues().length; k++) {
            double[] e = full.pairVectors()[k];
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
                assertThat(he).isCloseTo(full.pairValues()[k] * c[a], org.assertj.core.data.Offset.offset(1e-10));
            }
        }
        assertThat(full.values()[0]).isNegative();
        assertThat(full.values()[1]).isPositive();
    }

    @Test
    void theInvariantSubspaceGivesTheSpectrumAndNewtonStepOfTheFullHessian() {
        double[] p = Sphere.sqrt(TestWells.peak(1, 0.5));
        double[] dir = TangentBasis.at(p)[0];
        double[] minus = dir.clone();
        for (int d = 0; d < 64; d++) {
            minus[d] = -dir[d];
        }
        double[][] q = HessianSpectrum.invariantBasis(p, new double[][] {dir, dir, minus});
        assertThat(q).hasNumberOfRows(3);
        for (int a = 0; a < 3; a++) {
            assertThat(Sphere.dot(q[a], p)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-14));
            for (int b = 0; b < 3; b++) {
                assertThat(Sphere.dot(q[a], q[b])).isCloseTo(a == b ? 1.0 : 0.0,
                        org.assertj.core.data.Offset.offset(1e-14));
            }
        }
        SplittableRandom rnd = new SplittableRandom(5);
        // 102, 103: dependent directions (a duplicated well; the midpoint of two wells, where they are opposite)
        for (int w : new int[] {1, 2, 7, 30, 62, 63, 70, 102, 103}) {
            List<Well> wells = new ArrayList<>();
            for (int j = 0; j < w % 100; j++) {
                wells.add(new Well(Sphere.toBasin(AttractorFinder.dirichletSqrt(rnd)), 0.2 + rnd.nextDouble()));
            }
            if (w == 102) {
                wells.add(new Well(wells.get(0).basin(), 0.7));
            }
            Potential u = new Potential(wells);
            double[] s = w == 103 ? AttractorFinder.midpoint(Sphere.sqrt(wells.get(0).basin()),
                    Sphere.sqrt(wells.get(1).basin())) : AttractorFinder.dirichletSqrt(rnd);
            double[][] basis = TangentBasis.at(s);
            HessianSpectrum reduced = HessianSpectrum.at(u, s);
            org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(63, true, true);
            assertThat(eig.decompose(new org.ejml.data.DMatrixRMaj(u.hessian(s, basis)))).isTrue();
            double[] expected = new double[63];
            double scale = 0.0;
            for (int k = 0; k < 63; k++) {
                expected[k] = eig.getEigenvalue(k).real;
                scale = Math.max(scale, Math.abs(expected[k]));
            }
            java.util.Arrays.sort(expected);
            for (int k = 0; k < 63; k++) {
                assertThat(reduced.values()[k]).as("W=%d, λ%d", w, k)
                        .isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-10 * Math.max(1.0, scale)));
            }
            // the Newton step from the full decomposition: −Σ ⟨e,g⟩/λ e over all 63 eigenpairs
            double[] g = u.gradientComponents(Sphere.toBasin(s));
            double[] want = new double[64];
            for (int k = 0; k < 63; k++) {
                double lambda = eig.getEigenvalue(k).real;
                double[] e = new double[64];
                for (int i = 0; i < 63; i++) {
                    for (int d = 0; d < 64; d++) {
                        e[d] += eig.getEigenVector(k).get(i, 0) * basis[i][d];
                    }
                }
                double coef = -Sphere.dot(e, g) / lambda;
                for (int d = 0; d < 64; d++) {
                    want[d] += coef * e[d];
                }
            }
            double[] got = new double[64];
            reduced.newtonStep(s, g, 0.0, got);
            double diff = 0.0;
            for (int d = 0; d < 64; d++) {
                diff = Math.max(diff, Math.abs(got[d] - want[d]));
            }
            assertThat(diff).as("W=%d", w).isLessThan(1e-8 * Math.max(1.0, Sphere.norm(want)));
        }
    }

    @Test
    void tangentCoordinatesAgreeWithTheExplicitBasis() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] s = AttractorFinder.dirichletSqrt(rnd);
        double[][] basis = TangentBasis.at(s);
        double[] x = AttractorFinder.dirichletSqrt(rnd);
        double[] c = TangentBasis.coordinates(s, x);
        double[] back = TangentBasis.vector(s, c);
        double[] tangent = x.clone();
        Sphere.project(s, tangent);
        for (int j = 0; j < 63; j++) {
            assertThat(c[j]).isCloseTo(Sphere.dot(basis[j], x), org.assertj.core.data.Offset.offset(1e-14));
        }
        for (int d = 0; d < 64; d++) {
            assertThat(back[d]).isCloseTo(tangent[d], org.assertj.core.data.Offset.offset(1e-14));
        }
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
