package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The chord bounds of {@link BallCodes}: every ball that contains the query (by {@link FisherRao#distance}) is a
 * candidate, for both kernels (SIMD and plain loops, which agree lane for lane), on random and adversarial balls
 * (radii exactly at the distance and an ulp either side, basins summing to 1 ± 9·10⁻¹⁰, point masses, zeros), and the
 * bound rules out the balls that are far away.
 */
class BallCodesTest {
    private static final int D = Basin.DIM;

    /** A basin whose entries sum to 1 + off (|off| ≤ 9·10⁻¹⁰, inside the accepted tolerance). */
    private static Basin offNorm(Basin b, double off) {
        double[] p = b.toArray();
        for (int i = 0; i < D; i++) {
            p[i] *= 1.0 + off;
        }
        return Basin.of(p);
    }

    private static List<Basin> mixed(SplittableRandom rng, int n) {
        List<Basin> b = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Basin x = switch (i % 7) {
                case 0 -> TestBasins.nearBoundary(rng);
                case 1 -> Basin.pointMass(rng.nextInt(D));
                case 2 -> TestBasins.dirichlet(rng, 0.05);
                default -> TestBasins.dirichlet(rng, i % 2 == 0 ? 1.0 : 5.0);
            };
            b.add(i % 3 == 0 ? offNorm(x, (rng.nextBoolean() ? 9e-10 : -9e-10)) : x);
        }
        return b;
    }

    private record Case(BallCodes codes, double[] distance, double[] radius) {}

    /** Balls around {@code query}: radii at the exact distance, an ulp either side, or random. */
    private static Case balls(SplittableRandom rng, Basin query, List<Basin> centres) {
        BallCodes codes = new BallCodes(5);
        double[] d = new double[centres.size()];
        double[] r = new double[centres.size()];
        for (int i = 0; i < centres.size(); i++) {
            d[i] = FisherRao.distance(query, centres.get(i));
            r[i] = Math.min(Math.PI, switch (i % 4) {
                case 0 -> d[i];
                case 1 -> Math.nextUp(d[i]);
                case 2 -> Math.nextDown(d[i]);
                default -> 0.05 + 0.6 * rng.nextDouble();
            });
            codes.set(i, centres.get(i), Math.max(0.0, r[i]));
        }
        return new Case(codes, d, r);
    }

    @Test
    void everyBallThatContainsTheQueryIsACandidate() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int round = 0; round < 12; round++) {
            Basin query = round % 3 == 0 ? offNorm(TestBasins.dirichlet(rng, 1.0), 8e-10) : TestBasins.dirichlet(rng, 1.0);
            List<Basin> centres = mixed(rng, 1500);
            for (int k = 0; k < 200; k++) { // centres close to the query: chords from 1e-9 to 0.3
                centres.add(TestBasins.perturb(rng, query, Math.pow(10, -9 + 8.5 * rng.nextDouble())));
            }
            Case c = balls(rng, query, centres);
            List<Integer> got = IntStream.of(c.codes().candidates(BallCodes.query(query), 0, centres.size())).boxed().toList();
            int inside = 0;
            for (int i = 0; i < centres.size(); i++) {
                if (c.distance()[i] < c.radius()[i]) {
                    inside++;
                    assertThat(got).as("ball %d (d=%s, r=%s)", i, c.distance()[i], c.radius()[i]).contains(i);
                }
            }
            assertThat(inside).isGreaterThan(300);
            assertThat(got).isSorted();
            // random radii around far centres: most are ruled out
            long farRandom = IntStream.range(0, 1500).filter(i -> i % 4 == 3 && c.distance()[i] > 1.0).count();
            long farRandomKept = got.stream().filter(i -> i < 1500 && i % 4 == 3 && c.distance()[i] > 1.0).count();
            assertThat(farRandomKept).as("far balls ruled out").isLessThan(farRandom / 10 + 1);
        }
    }

    @Test
    void bothKernelsAgreeLaneForLane() throws Exception {
        SplittableRandom rng = new SplittableRandom(22);
        Basin query = TestBasins.dirichlet(rng, 1.0);
        List<Basin> centres = mixed(rng, 997);
        for (int k = 0; k < 300; k++) {
            centres.add(TestBasins.perturb(rng, query, 0.02 + 0.2 * rng.nextDouble()));
        }
        Case c = balls(rng, query, centres);
        byte[] raw = (byte[]) field("codes").get(c.codes());
        float[] meta = (float[]) field("meta").get(c.codes());
        BallCodes.Query q = BallCodes.query(query);
        long any = 0;
        for (int b = 0; b * BallCodes.BLOCK < centres.size(); b++) {
            long plain = VectorMath.blockMayContainScalar(raw, meta, b, q);
            assertThat(VectorMath.blockMayContain(raw, meta, b, q)).as("block %d", b).isEqualTo(plain);
            any |= plain;
        }
        assertThat(any).isNotZero();
    }

    @Test
    void moveRemoveAndEmptySlots() {
        SplittableRandom rng = new SplittableRandom(23);
        List<Basin> centres = mixed(rng, 40);
        BallCodes codes = new BallCodes(1);
        for (int i = 0; i < centres.size(); i++) {
            codes.set(i, centres.get(i), 0.2);
        }
        Basin query = centres.get(39);
        codes.move(39, 3);
        codes.removeLast();
        assertThat(codes.size()).isEqualTo(39);
        int[] got = codes.candidates(BallCodes.query(query), 0, 48);
        assertThat(got).contains(3).doesNotContain(39);
        codes.set(3, centres.get(3), 1e-3); // replaced in place: a tiny ball far from the query
        assertThat(FisherRao.distance(query, centres.get(3))).isGreaterThan(0.1);
        assertThat(codes.candidates(BallCodes.query(query), 0, 39)).doesNotContain(3);
        assertThat(codes.candidates(BallCodes.query(centres.get(3)), 0, 39)).contains(3);
    }

    private static java.lang.reflect.Field field(String name) throws NoSuchFieldException {
        java.lang.reflect.Field f = BallCodes.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
