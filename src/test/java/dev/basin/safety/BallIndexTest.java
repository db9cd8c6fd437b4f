package dev.basin.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BallIndexTest {
    private static List<String> ids(List<BallIndex.Hit> hits) {
        return hits.stream().map(h -> h.ball().id()).sorted().toList();
    }

    private static Ball ball(String id, Basin c, double r) {
        return new Ball("geometric_barriers", id, c, r, "test", null, false, null, null);
    }

    @Test
    void answersEqualTheLinearScanOnUniformAndClusteredCentres() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (boolean clustered : new boolean[] {false, true}) {
            BallIndex index = new BallIndex();
            List<Basin> clusters = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                clusters.add(SafetyFixtures.dirichlet(rnd, 1.0));
            }
            for (int i = 0; i < 2000; i++) {
                Basin c = clustered ? SafetyFixtures.near(rnd, clusters.get(i % 5), 400) : SafetyFixtures.dirichlet(rnd, 1.0);
                double r = clustered ? 0.05 + 0.6 * rnd.nextDouble() : 0.8 + 0.6 * rnd.nextDouble();
                index.put(ball("b" + i, c, r));
            }
            int hitsSeen = 0;
            for (int q = 0; q < 200; q++) {
                Basin p = q % 2 == 0 ? SafetyFixtures.near(rnd, clusters.get(q % 5), 400) : SafetyFixtures.dirichlet(rnd, 1.0);
                List<BallIndex.Hit> fast = index.containing(p);
                assertThat(ids(fast)).isEqualTo(ids(index.containingByLinearScan(p)));
                for (BallIndex.Hit h : fast) {
                    assertThat(h.distance()).isEqualTo(dev.basin.geometry.FisherRao.distance(p, h.ball().center()));
                }
                hitsSeen += fast.size();
            }
            assertThat(hitsSeen).as("the comparison must include hits, clustered=" + clustered).isPositive();
        }
    }

    @Test
    void boundaryCasesAreDecidedExactly() {
        BallIndex index = new BallIndex();
        Basin c = SafetyFixtures.wave(0.5, 0.3, 0.0);
        Basin p = SafetyFixtures.wave(0.5, 0.3, 0.01);
        double d = dev.basin.geometry.FisherRao.distance(p, c);
        index.put(ball("just-in", c, Math.nextUp(d)));
        index.put(ball("on-boundary", c, d));
        assertThat(ids(index.containing(p))).containsExactly("just-in");
    }

    @Test
    void manyBallsWithTheQueryExactlyOnOrJustInsideTheirBoundaryAreDecidedExactly() {
        SplittableRandom rnd = new SplittableRandom(12);
        Basin p = SafetyFixtures.dirichlet(rnd, 1.0);
        BallIndex index = new BallIndex();
        int expectedIn = 0;
        for (int i = 0; i < 3000; i++) {
            Basin c = switch (i % 5) {
                case 0 -> SafetyFixtures.near(rnd, p, 50 + i);
                case 1 -> Basin.pointMass(i % 64);
                case 2 -> SafetyFixtures.dirichlet(rnd, 0.05);
                default -> SafetyFixtures.dirichlet(rnd, 1.0);
            };
            double d = dev.basin.geometry.FisherRao.distance(p, c);
            // on the boundary (d < r is false), one ulp outside it, one ulp inside it
            double r = switch (i % 3) {
                case 0 -> d;
                case 1 -> Math.nextDown(d);
                default -> Math.nextUp(d);
            };
            if (r > 0.0 && r <= Math.PI) {
                index.put(ball("b" + i, c, r));
                expectedIn += d < r ? 1 : 0;
            }
        }
        List<BallIndex.Hit> hits = index.containing(p);
        assertThat(ids(hits)).isEqualTo(ids(index.containingByLinearScan(p)));
        assertThat(hits).hasSize(expectedIn).allMatch(h -> h.distance() < h.ball().radius());
        assertThat(expectedIn).isGreaterThan(900);
    }

    /** Basins may sum to 1 ± 10⁻⁹; the check must still agree with the scan on balls whose boundary passes the query. */
    @Test
    void basinsSummingOffOneByTheToleranceAreDecidedExactly() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int round = 0; round < 6; round++) {
            Basin p = scaled(SafetyFixtures.dirichlet(rnd, 1.0), round % 2 == 0 ? 9e-10 : -9e-10);
            BallIndex index = new BallIndex();
            int expectedIn = 0;
            for (int i = 0; i < 1200; i++) {
                Basin c = scaled(i % 2 == 0 ? SafetyFixtures.near(rnd, p, 200 + 10 * i) : SafetyFixtures.dirichlet(rnd, 1.0),
                        i % 3 == 0 ? -9e-10 : 9e-10);
                double d = dev.basin.geometry.FisherRao.distance(p, c);
                double r = switch (i % 3) {
                    case 0 -> d;
                    case 1 -> Math.nextDown(d);
                    default -> Math.nextUp(d);
                };
                index.put(ball("b" + i, c, r));
                expectedIn += d < r ? 1 : 0;
            }
            List<BallIndex.Hit> hits = index.containing(p);
            assertThat(ids(hits)).isEqualTo(ids(index.containingByLinearScan(p)));
            assertThat(hits).hasSize(expectedIn);
        }
    }

    private static Basin scaled(Basin b, double off) {
        double[] x = b.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 1.0 + off;
        }
        return Basin.of(x);
    }

    @Test
    void theParallelCheckOverManyBallsEqualsTheLinearScan() {
        SplittableRandom rnd = new SplittableRandom(13);
        BallIndex index = new BallIndex();
        List<Basin> clusters = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            clusters.add(SafetyFixtures.dirichlet(rnd, 1.0));
        }
        int n = BallIndex.PARALLEL_THRESHOLD + 7001;
        for (int i = 0; i < n; i++) {
            Basin c = i % 2 == 0 ? SafetyFixtures.near(rnd, clusters.get(i % 4), 400) : SafetyFixtures.dirichlet(rnd, 1.0);
            index.put(ball("b" + i, c, 0.05 + 0.6 * rnd.nextDouble()));
        }
        int seen = 0;
        for (int q = 0; q < 30; q++) {
            Basin p = q % 3 == 0 ? SafetyFixtures.dirichlet(rnd, 1.0) : SafetyFixtures.near(rnd, clusters.get(q % 4), 400);
            List<BallIndex.Hit> hits = index.containing(p);
            assertThat(ids(hits)).isEqualTo(ids(index.containingByLinearScan(p)));
            seen += hits.size();
        }
        assertThat(seen).isGreaterThan(100);
    }

    /**
     * More separate regions than groups (so balls also join far pivots and reaches grow), balls removed until groups
     * empty and refilled around new pivots: answers still equal the scan, including queries at pivots and far away.
     */
    @Test
    void groupsFillUpEmptyAndAreReusedWithAnswersEqualToTheScan() {
        SplittableRandom rnd = new SplittableRandom(15);
        BallIndex index = new BallIndex();
        List<Basin> regions = new ArrayList<>();
        for (int k = 0; k < BallIndex.MAX_GROUPS + 8; k++) {
            regions.add(SafetyFixtures.dirichlet(rnd, 0.3));
        }
        int id = 0;
        for (int i = 0; i < 4000; i++) {
            index.put(ball("b" + id++, SafetyFixtures.near(rnd, regions.get(i % regions.size()), 800), 0.02 + 0.5 * rnd.nextDouble()));
        }
        checkAgainstScan(rnd, index, regions, 60);
        for (int i = 0; i < id; i++) { // empty every region with an even index
            if (i % regions.size() % 2 == 0) {
                assertThat(index.remove("b" + i)).isTrue();
            }
        }
        checkAgainstScan(rnd, index, regions, 60);
        List<Basin> fresh = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            fresh.add(SafetyFixtures.dirichlet(rnd, 0.3));
        }
        for (int i = 0; i < 1200; i++) {
            index.put(ball("b" + id++, SafetyFixtures.near(rnd, fresh.get(i % fresh.size()), 800), 0.02 + 0.5 * rnd.nextDouble()));
        }
        for (int i = 0; i < 300; i++) { // replace: same id, new centre and radius
            int j = rnd.nextInt(id);
            if (index.get("b" + j) != null) {
                index.put(ball("b" + j, SafetyFixtures.near(rnd, fresh.get(j % fresh.size()), 800), 0.3));
            }
        }
        regions.addAll(fresh);
        checkAgainstScan(rnd, index, regions, 120);
        assertThat(index.all()).hasSize(index.size());
    }

    private static void checkAgainstScan(SplittableRandom rnd, BallIndex index, List<Basin> regions, int queries) {
        int hits = 0;
        for (int q = 0; q < queries; q++) {
            Basin p = switch (q % 3) {
                case 0 -> regions.get(rnd.nextInt(regions.size()));
                case 1 -> SafetyFixtures.near(rnd, regions.get(rnd.nextInt(regions.size())), 800);
                default -> SafetyFixtures.dirichlet(rnd, 1.0);
            };
            List<BallIndex.Hit> fast = index.containing(p);
            assertThat(ids(fast)).isEqualTo(ids(index.containingByLinearScan(p)));
            hits += fast.size();
        }
        assertThat(hits).isPositive();
    }

    @Test
    void removeAndReplaceKeepSlotsConsistent() {
        BallIndex index = new BallIndex();
        SplittableRandom rnd = new SplittableRandom(1);
        List<Basin> centres = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            centres.add(SafetyFixtures.dirichlet(rnd, 1.0));
            index.put(ball("b" + i, centres.get(i), 0.3));
        }
        for (int i = 0; i < 100; i += 2) {
            assertThat(index.remove("b" + i)).isTrue();
        }
        assertThat(index.remove("b0")).isFalse();
        index.put(ball("b1", centres.get(1), 0.01));
        assertThat(index.size()).isEqualTo(50);
        assertThat(index.all()).extracting(Ball::id).doesNotContain("b0", "b2").contains("b1", "b99");
        assertThat(index.get("b1").radius()).isEqualTo(0.01);
        for (int i = 1; i < 100; i += 2) {
            Basin p = centres.get(i);
            List<String> hits = ids(index.containing(p));
            assertThat(hits).contains("b" + i).doesNotContain("b" + (i - 1));
            assertThat(hits).isEqualTo(ids(index.containingByLinearScan(p)));
        }
        assertThat(index.all().stream().map(Ball::id).sorted(Comparator.naturalOrder()).toList()).hasSize(50);
    }
}
