package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The 8-bit codes' bound |⟨s,t⟩ − a| ≤ Eᵢ, checked against exact inner products for both kernels (SIMD and plain
 * loops), and the candidate sets of the two scans against exact answers on random and adversarial data.
 */
class ByteCodesTest {
    private static final int D = Basin.DIM;

    /** Dirichlet of several concentrations, basins with zeros, point masses, the uniform basin, near-duplicates. */
    private static List<Basin> mixed(SplittableRandom rng, int n) {
        List<Basin> b = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            switch (i % 9) {
                case 0 -> b.add(TestBasins.nearBoundary(rng));
                case 1 -> b.add(Basin.pointMass(rng.nextInt(D)));
                case 2 -> b.add(Basin.uniform());
                case 3 -> b.add(TestBasins.dirichlet(rng, 0.05));
                case 4 -> b.add(i > 10 ? TestBasins.perturb(rng, b.get(i - 5), 1e-7) : TestBasins.dirichlet(rng, 1.0));
                default -> b.add(TestBasins.dirichlet(rng, i % 2 == 0 ? 1.0 : 5.0));
            }
        }
        return b;
    }

    private static ByteCodes codes(List<Basin> items, float[] limits) {
        ByteCodes c = new ByteCodes(3);
        for (int i = 0; i < items.size(); i++) {
            c.add(items.get(i).toSqrtArray(), 0, limits == null ? Float.POSITIVE_INFINITY : limits[i]);
        }
        return c;
    }

    private static double exactDot(Basin a, Basin b) {
        double[] s = a.toSqrtArray();
        double[] t = b.toSqrtArray();
        double r = 0.0;
        for (int i = 0; i < D; i++) {
            r += s[i] * t[i];
        }
        return r;
    }

    @Test
    void bothKernelsStayWithinTheBoundOfEveryItem() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        List<Basin> items = mixed(rng, 999);
        ByteCodes codes = codes(items, null);
        var fields = ByteCodes.class;
        byte[] raw = (byte[]) field(fields, "codes").get(codes);
        float[] scale = (float[]) field(fields, "scale").get(codes);
        float[] error = (float[]) field(fields, "error").get(codes);
        double worst = 0.0;
        for (Basin query : mixed(rng, 40)) {
            float[] q = ByteCodes.query(query.toSqrtArray());
            float[] plain = new float[ByteCodes.BLOCK];
            float[] simd = new float[ByteCodes.BLOCK];
            for (int b = 0; b * ByteCodes.BLOCK < items.size(); b++) {
                VectorMath.blockAboveScalar(raw, b, q, scale, error, null, 0f, plain);
                VectorMath.blockAbove(raw, b, q, scale, error, null, 0f, simd);
                for (int l = 0; l < ByteCodes.BLOCK && b * ByteCodes.BLOCK + l < items.size(); l++) {
                    int i = b * ByteCodes.BLOCK + l;
                    double exact = exactDot(items.get(i), query);
                    assertThat(Math.abs(plain[l] - exact)).as("plain item %d", i).isLessThanOrEqualTo(error[i]);
                    assertThat(Math.abs(simd[l] - exact)).as("simd item %d", i).isLessThanOrEqualTo(error[i]);
                    // the bound's slack for rounding is far larger than the float arithmetic's own error
                    assertThat(Math.abs(plain[l] - simd[l])).isLessThan((float) (ByteCodes.ROUNDING / 4));
                    worst = Math.max(worst, Math.abs(plain[l] - exact) / error[i]);
                }
            }
        }
        assertThat(worst).as("the bound is not vacuous").isGreaterThan(0.01);
    }

    private static java.lang.reflect.Field field(Class<?> c, String name) throws NoSuchFieldException {
        java.lang.reflect.Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    @Test
    void nearestCandidatesContainTheExactNearest() {
        SplittableRandom rng = new SplittableRandom(6);
        List<Basin> items = mixed(rng, 5000);
        items.add(items.get(17)); // exact duplicates
        items.add(items.get(17));
        ByteCodes codes = codes(items, null);
        for (int n = 0; n < 40; n++) {
            Basin query = n % 4 == 0 ? TestBasins.perturb(rng, items.get(rng.nextInt(items.size())), 1e-9)
                    : n == 1 ? items.get(17) : TestBasins.dirichlet(rng, n % 3 == 0 ? 0.2 : 1.0);
            int k = 1 + rng.nextInt(12);
            double[] d = items.stream().mapToDouble(b -> FisherRao.distance(query, b)).toArray();
            List<Integer> expected = IntStream.range(0, items.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> d[i]).thenComparingInt(i -> i)).limit(k).toList();
            List<Integer> got = IntStream.of(codes.nearestCandidates(ByteCodes.query(query.toSqrtArray()), k))
                    .boxed().toList();
            assertThat(got).containsAll(expected).isSorted();
        }
    }

    @Test
    void itemsAtOrAboveTheirLimitAreAlwaysCandidatesIncludingOnTheBoundary() {
        SplittableRandom rng = new SplittableRandom(8);
        List<Basin> items = mixed(rng, 3000);
        Basin query = TestBasins.dirichlet(rng, 1.0);
        float[] limits = new float[items.size()];
        for (int i = 0; i < limits.length; i++) {
            double dot = exactDot(items.get(i), query);
            // limits straddling the item's own inner product: exactly on it, an ulp either side, a little above
            limits[i] = switch (i % 4) {
                case 0 -> (float) dot;
                case 1 -> Math.nextDown((float) dot);
                case 2 -> Math.nextUp((float) dot);
                default -> (float) (dot + 0.5);
            };
        }
        ByteCodes codes = codes(items, limits);
        List<Integer> got = IntStream.of(codes.above(ByteCodes.query(query.toSqrtArray()), 0, items.size())).boxed().toList();
        for (int i = 0; i < limits.length; i++) {
            if (exactDot(items.get(i), query) >= limits[i]) {
                assertThat(got).as("item %d", i).contains(i);
            }
        }
        assertThat(got).as("far limits are ruled out").doesNotContain(3, 7, 11);
        // a sub-range, and a single bound for every item
        assertThat(IntStream.of(codes.above(ByteCodes.query(query.toSqrtArray()), 100, 200)).boxed().toList()).allMatch(i -> i >= 100 && i < 200);
        assertThat(codes.above(ByteCodes.query(query.toSqrtArray()), 0, items.size(), -1f)).hasSize(items.size());
    }

    @Test
    void moveAndRemoveLastKeepItemsIntact() {
        SplittableRandom rng = new SplittableRandom(9);
        List<Basin> items = mixed(rng, 40);
        ByteCodes codes = codes(items, null);
        codes.move(39, 3);
        codes.removeLast();
        assertThat(codes.size()).isEqualTo(39);
        Basin query = items.get(39);
        int[] best = codes.nearestCandidates(ByteCodes.query(query.toSqrtArray()), 1);
        assertThat(best).contains(3).doesNotContain(39);
    }
}
