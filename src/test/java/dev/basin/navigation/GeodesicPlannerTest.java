package dev.basin.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Curvature;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.safety.SafetyFixtures;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeodesicPlannerTest {
    private static final double ACCURACY = 1e-12;
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static Store store;
    private static GeodesicPlanner planner;
    private static String kernel;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        planner = new GeodesicPlanner(store, Clock.fixed(NOW, ZoneOffset.UTC));
        kernel = SafetyFixtures.kernel(store, "c3c3c3c3c3c3c3c3c3c3");
    }

    private static long paths() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM geodesic_paths").mapTo(Long.class).one());
    }

    @Test
    void aPlanIsStoredWithDistanceAndCurvatureThatMatchItsCoordinates() {
        Basin a = SafetyFixtures.wave(0.5, 0.17, 0.0);
        Basin b = SafetyFixtures.wave(0.5, 0.17, 2.5);
        GeodesicPlanner.PlannedPath p = planner.plan(kernel, a, b, 12, "exploration");
        assertThat(p.reused()).isFalse();
        GeodesicPathRow stored = planner.findReusable(a, b).orElseThrow();
        assertThat(stored.pathId()).isEqualTo(p.pathId());
        assertThat(stored.path()).hasSize(13).isEqualTo(p.points());
        assertThat(stored.numSteps()).isEqualTo(12);
        assertThat(stored.distance()).isEqualTo(FisherRao.distance(stored.path().get(0), stored.path().get(12)));
        assertThat(stored.curvatureMax()).isEqualTo(Curvature.max(stored.path())).isLessThan(1e-6);
        assertThat(stored.startKey()).isEqualTo(GeodesicPlanner.key(a));
        assertThat(stored.kernelId()).isEqualTo(kernel);
    }

    @Test
    void reuseReturnsTheStoredPathAndInsertsNothing() {
        Basin a = SafetyFixtures.wave(0.3, 0.4, 1.0);
        Basin b = SafetyFixtures.wave(0.3, 0.4, 2.0);
        GeodesicPlanner.PlannedPath first = planner.plan(null, a, b, 5, null);
        long before = paths();
        Basin nearA = FisherRao.pointAt(a, b, 1e-7 / FisherRao.distance(a, b));
        assertThat(FisherRao.distance(nearA, a)).isLessThan(GeodesicPlanner.DEFAULT_EPSILON);
        GeodesicPlanner.PlannedPath again = planner.plan(null, nearA, b, 7, null);
        assertThat(again.reused()).isTrue();
        assertThat(again.pathId()).isEqualTo(first.pathId());
        assertThat(again.points()).isEqualTo(first.points());
        assertThat(paths()).isEqualTo(before);
        assertThat(planner.queries().path(first.pathId()).orElseThrow().reuseCount()).isEqualTo(1);
        // just beyond epsilon: a new path
        Basin farA = FisherRao.pointAt(a, b, 1e-5 / FisherRao.distance(a, b));
        assertThat(planner.plan(null, farA, b, 5, null).reused()).isFalse();
        assertThat(paths()).isEqualTo(before + 1);
    }

    @Test
    void theReuseLookupUsesTheKeyIndex() {
        SplittableRandom rnd = new SplittableRandom(3);
        List<GeodesicPathRow> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Basin a = SafetyFixtures.dirichlet(rnd, 1.0);
            Basin b = SafetyFixtures.dirichlet(rnd, 1.0);
            rows.add(new GeodesicPathRow(dev.basin.store.Ids.next("gp_"), null, a, b, GeodesicPlanner.key(a),
                    GeodesicPlanner.key(b), List.of(a, b), FisherRao.distance(a, b), 1, 0.0, 0, NOW, NOW,
                    store.json().createObjectNode().put("reason", "bulk")));
        }
        store.insertBatch(NavigationTables.PATHS, rows);
        store.jdbi().useHandle(h -> h.execute("ANALYZE geodesic_paths"));
        String plan = store.jdbi().withHandle(h -> String.join("\n", h.createQuery("EXPLAIN "
                        + NavigationQueries.PATH_WINDOW_SQL.replace(":s0", "0.9").replace(":s1", "0.9000001")
                                .replace(":e0", "0.9").replace(":e1", "0.9000001"))
                .mapTo(String.class).list()));
        assertThat(plan).contains("geodesic_paths_keys_idx");
        assertThat(planner.findReusable(rows.get(17).start(), rows.get(17).end()).orElseThrow().pathId())
                .isEqualTo(rows.get(17).pathId());
    }

    @Test
    void badInputIsRejectedAndWritesNothing() {
        long before = paths();
        Basin a = Basin.uniform();
        assertThatThrownBy(() -> planner.plan(null, null, a, 3, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("from is missing");
        assertThatThrownBy(() -> planner.plan(null, a, null, 3, null)).hasMessage("to is missing");
        assertThatThrownBy(() -> planner.plan(null, a, a, 0, null)).hasMessage("steps must be in [1, 10000], is 0");
        assertThatThrownBy(() -> planner.plan("krn_0000000000000000dead", a, a, 3, null))
                .hasMessage("kernelId is an unknown kernel: krn_0000000000000000dead");
        assertThatThrownBy(() -> planner.plan(null, a, a, 3, " ")).hasMessageStartingWith("reason must be");
        assertThatThrownBy(() -> new GeodesicPlanner(store, Clock.systemUTC(), -1)).hasMessage("epsilon must be in [0, π), is -1.0");
        assertThatThrownBy(() -> planner.queries().listPaths(0, 0)).hasMessage("limit must be in [1, 10000], is 0");
        assertThat(paths()).isEqualTo(before);
    }
}
