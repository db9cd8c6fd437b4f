package dev.basin.attractors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two bounds that keep the attractor search affordable as a kernel's wells grow: saddle starts only between a well
 * and its nearest wells, and Monte Carlo volume flows that stop once a minimum has captured them, with the same
 * assignment as the full flow.
 */
class SearchBoundsTest {
    @Test
    void neighbourPairsAreAllPairsWhenKReachesTheOtherWells() {
        double[][] c = centres(TestWells.wells(5));
        assertThat(AttractorFinder.neighbourPairs(c, 4)).hasSize(10);
        assertThat(AttractorFinder.neighbourPairs(c, 40)).hasSize(10);
    }

    @Test
    void withOneNeighbourAWellIsPairedOnlyWithItsNearest() {
        // three wells on one geodesic: A, B between, C far beyond B
        Well a = new Well(TestWells.peak(3, 0.6), 1.0);
        Well c = new Well(TestWells.peak(40, 0.6), 1.0);
        Well b = new Well(dev.basin.geometry.FisherRao.pointAt(a.basin(), c.basin(), 0.3), 1.0);
        List<int[]> pairs = AttractorFinder.neighbourPairs(centres(List.of(a, b, c)), 1);
        assertThat(pairs).extracting(p -> p[0] + "-" + p[1]).containsExactly("0-1", "1-2");
    }

    @Test
    void aCapturedVolumeFlowIsAssignedToTheSameMinimumAsTheFullFlow() {
        Potential u = new Potential(TestWells.wells(3));
        AttractorFinder finder = new AttractorFinder(FinderConfig.defaults().withVolumeSamples(0));
        List<FoundAttractor> minima = finder.findMinima(u, 3L);
        assertThat(minima).hasSize(3);
        double eps = FinderConfig.defaults().assignTolerance();
        List<double[]> ms = new ArrayList<>();
        double[] lowest = new double[3];
        double[] values = new double[3];
        for (int i = 0; i < 3; i++) {
            ms.add(Sphere.sqrt(minima.get(i).basin()));
            lowest[i] = minima.get(i).stabilityMetric();
            values[i] = u.value(ms.get(i));
        }
        GradientFlow.Capture capture = (s, value) -> {
            for (int m = 0; m < 3; m++) {
                if (value - values[m] < lowest[m] * eps * eps / 8.0 && Sphere.distance(ms.get(m), s) < eps / 2.0) {
                    return true;
                }
            }
            return false;
        };
        SplittableRandom rnd = new SplittableRandom(11L);
        int captured = 0;
        long fullIterations = 0;
        long capturedIterations = 0;
        for (int i = 0; i < 60; i++) {
            double[] start = AttractorFinder.dirichletSqrt(rnd);
            GradientFlow.Result full = GradientFlow.descend(u, start, 1e-6, 5000, 0.5);
            GradientFlow.Result early = GradientFlow.descend(u, start, 1e-6, 5000, 0.5, capture);
            assertThat(owner(ms, early.s(), eps)).isEqualTo(owner(ms, full.s(), eps));
            if (early.iterations() < full.iterations()) {
                captured++;
            }
            fullIterations += full.iterations();
            capturedIterations += early.iterations();
        }
        assertThat(captured).as("flows that stopped early").isPositive();
        assertThat(capturedIterations).isLessThan(fullIterations);
    }

    private static int owner(List<double[]> minima, double[] s, double eps) {
        int best = -1;
        double bestD = eps;
        for (int m = 0; m < minima.size(); m++) {
            double d = Sphere.distance(minima.get(m), s);
            if (d < bestD) {
                bestD = d;
                best = m;
            }
        }
        return best;
    }

    private static double[][] centres(List<Well> wells) {
        double[][] c = new double[wells.size()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = Sphere.sqrt(wells.get(i).basin());
        }
        return c;
    }
}
