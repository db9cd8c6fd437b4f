package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqrtIndexTest {
    private static List<Basin> basins(SplittableRandom rng, int n) {
        List<Basin> b = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            b.add(i % 7 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, 0.3));
        }
        return b;
    }

    private static SqrtIndex index(List<Basin> stored, boolean quantisedPrescan) {
        SqrtIndex.Builder b = SqrtIndex.builder(stored.size()).quantisedPrescan(quantisedPrescan);
        stored.forEach(b::add);
        SqrtIndex index = b.build();
        assertThat(index.hasQuantisedPrescan()).isEqualTo(quantisedPrescan);
        return index;
    }

    @ParameterizedTest(name = "8-bit pre-scan {0}")
    @ValueSource(booleans = {false, true})
    void nearestMatchesABruteForceDistanceScan(boolean quantisedPrescan) {
        SplittableRandom rng = new SplittableRandom(60);
        List<Basin> stored = basins(rng, 3000);
        stored.add(stored.get(10)); // an exact duplicate: tie broken by lower index
        for (int j = 0; j < 20; j++) { // near-duplicates closer than the 8-bit codes can separate
            stored.add(TestBasins.perturb(rng, stored.get(20), 1e-9 * (j + 1)));
        }
        SqrtIndex index = index(stored, quantisedPrescan);
        assertThat(index.size()).isEqualTo(3021);
        for (int n = 0; n < 30; n++) {
            Basin q = n % 3 == 0 ? TestBasins.perturb(rng, stored.get(rng.nextInt(3000)), 1e-9) : TestBasins.dirichlet(rng, 1.0);
            if (n == 0) {
                q = stored.get(10);
            } else if (n == 1) {
                q = TestBasins.perturb(rng, stored.get(20), 3e-9);
            }
            Basin query = q;
            int k = n == 1 ? 10 : 1 + rng.nextInt(8);
            double[] d = stored.stream().mapToDouble(b -> FisherRao.distance(query, b)).toArray();
            List<Integer> expected = IntStream.range(0, stored.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> d[i]).thenComparingInt(i -> i))
                    .limit(k)
                    .toList();
            List<SqrtIndex.Neighbor> got = index.nearest(query, k);
            assertThat(got).extracting(SqrtIndex.Neighbor::index).containsExactlyElementsOf(expected);
            for (SqrtIndex.Neighbor nb : got) {
                double exact = FisherRao.distance(query, stored.get(nb.index()));
                assertThat(nb.distance()).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @ParameterizedTest(name = "8-bit pre-scan {0}")
    @ValueSource(booleans = {false, true})
    void parallelScanOverManyBasinsFindsTheSameNearest(boolean quantisedPrescan) {
        SplittableRandom rng = new SplittableRandom(61);
        int n = SqrtIndex.PARALLEL_THRESHOLD + 5000;
        SqrtIndex.Builder builder = SqrtIndex.builder(16).quantisedPrescan(quantisedPrescan);
        List<Basin> some = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Basin b = TestBasins.dirichlet(rng, 1.0);
            builder.add(b);
            if (i == 30_000) {
                some.add(b);
            }
        }
        SqrtIndex index = builder.build();
        Basin q = TestBasins.perturb(rng, some.get(0), 1e-6);
        List<SqrtIndex.Neighbor> got = index.nearest(q, 3);
        assertThat(got.get(0).index()).isEqualTo(30_000);
        assertThat(got).isSortedAccordingTo(Comparator.comparingDouble(SqrtIndex.Neighbor::distance));
        assertThat(index.within(q, 1e-5)).containsExactly(30_000);
    }

    @ParameterizedTest(name = "8-bit pre-scan {0}")
    @ValueSource(booleans = {false, true})
    void withinMatchesABruteForceBallTest(boolean quantisedPrescan) {
        SplittableRandom rng = new SplittableRandom(62);
        List<Basin> stored = basins(rng, 2000);
        SqrtIndex index = index(stored, quantisedPrescan);
        for (int n = 0; n < 20; n++) {
            Basin q = TestBasins.dirichlet(rng, 1.0);
            double r = 0.5 + 2.0 * rng.nextDouble();
            if (n < 5) { // radius exactly at a stored basin's distance, and one ulp either side: boundary decided exactly
                double d = FisherRao.distance(q, stored.get(n));
                r = n % 3 == 0 ? d : n % 3 == 1 ? Math.nextUp(d) : Math.nextDown(d);
            }
            double radius = r;
            int[] expected = IntStream.range(0, stored.size())
                    .filter(i -> index.distance(q, i) < radius)
                    .toArray();
            assertThat(index.within(q, radius)).containsExactly(expected);
        }
        assertThat(index.within(stored.get(5), 0.0)).isEmpty();
        assertThat(index.within(stored.get(5), Math.PI)).hasSizeLessThanOrEqualTo(stored.size());
    }

    @Test
    void validatesArguments() {
        SqrtIndex index = SqrtIndex.of(List.of(Basin.uniform()));
        assertThat(index.nearest(Basin.pointMass(0), 5)).hasSize(1);
        assertThat(index.distance(Basin.uniform(), 0)).isEqualTo(0.0);
        assertThatThrownBy(() -> index.nearest(Basin.uniform(), 0)).hasMessage("k must be at least 1, is 0");
        assertThatThrownBy(() -> index.within(Basin.uniform(), 4.0)).hasMessage("radius must be in [0, pi], is 4.0");
        assertThat(SqrtIndex.of(List.of()).nearest(Basin.uniform(), 1)).isEmpty();
    }
}
