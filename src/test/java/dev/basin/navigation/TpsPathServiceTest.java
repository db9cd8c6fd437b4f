package dev.basin.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;
import dev.basin.safety.SafetyFixtures;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TpsPathServiceTest {
    private static final double ACCURACY = 1e-12;
    private static final Instant T1 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant T2 = T1.plusSeconds(150);
    private static Store store;
    private static TpsPathService tps;
    private static String kernel;
    private static Basin p1 = SafetyFixtures.wave(0.5, 0.3, 0.0);
    private static Basin p2 = SafetyFixtures.wave(0.5, 0.3, 1.3);

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        tps = new TpsPathService(store, Clock.fixed(T2, ZoneOffset.UTC));
        kernel = SafetyFixtures.kernel(store, "d4d4d4d4d4d4d4d4d4d4");
        checkpoint("ckpt_00000000000000000001", p1, T1, 1);
        checkpoint("ckpt_00000000000000000002", p2, T2, 2);
    }

    /** Checkpoints belong to the kernel feature; the tests insert the two landmarks they link. */
    private static void checkpoint(String id, Basin b, Instant at, int sequence) {
        store.jdbi().useHandle(h -> h.execute("INSERT INTO kernel_checkpoints (checkpoint_id, kernel_id, checkpoint_type,"
                + " basin_coordinates, phi, kappa_eff, regime, state_blob, size_bytes, created_at, sequence) VALUES (?, ?,"
                + " 'regular', ?, 0.2, 64.21, 'geometric', '{\"schema_version\":1}', 20, ?, ?)", id, kernel, b.toArray(),
                at.atOffset(ZoneOffset.UTC), sequence));
    }

    private static long rows() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM tps_geodesic_paths").mapTo(Long.class).one());
    }

    @Test
    void aLinkStoresTheSpaceTimeGeodesicAndItsDistances() {
        Landmark from = new Landmark("ckpt_00000000000000000001", p1, T1, Regime.GEOMETRIC);
        Landmark to = new Landmark("ckpt_00000000000000000002", p2, T2, Regime.HIERARCHICAL);
        List<RegimeObservation> obs = List.of(new RegimeObservation(T1.plusSeconds(100), Regime.BREAKDOWN, 120.0),
                new RegimeObservation(T1.plusSeconds(50), Regime.GEOMETRIC, 60.0));
        TpsPathRow r = tps.link(kernel, from, to, obs);
        TpsPathRow stored = new NavigationQueries(store.jdbi()).listTpsPaths(kernel, 10, 0).get(0);
        assertThat(stored.tpsPathId()).isEqualTo(r.tpsPathId());
        double spatial = FisherRao.distance(p1, p2);
        double temporal = 150.0 / 60.0;
        assertThat(stored.spatialDistance()).isEqualTo(spatial);
        assertThat(stored.temporalDistance()).isEqualTo(temporal);
        assertThat(stored.spacetimeDistance()).isCloseTo(Math.sqrt(stored.spatialDistance() * stored.spatialDistance()
                + stored.temporalDistance() * stored.temporalDistance()), org.assertj.core.api.Assertions.within(ACCURACY));
        JsonNode w = stored.waypoints();
        int n = w.size() - 1;
        assertThat(n).isBetween(2, 32);
        for (int k = 0; k <= n; k++) {
            double[] b = new double[Basin.DIM];
            for (int i = 0; i < Basin.DIM; i++) {
                b[i] = w.get(k).get("basin").get(i).asDouble();
            }
            Basin expected = FisherRao.pointAt(p1, p2, (double) k / n);
            assertThat(FisherRao.distance(Basin.of(b), expected)).isLessThan(1e-12);
            assertThat(Instant.parse(w.get(k).get("t").asText())).isEqualTo(T1.plusMillis(Math.round(150_000.0 * k / n)));
        }
        JsonNode tr = stored.regimeTransitions();
        assertThat(tr).hasSize(2);
        assertThat(tr.get(0).get("to").asText()).isEqualTo("breakdown");
        assertThat(tr.get(1).get("from").asText()).isEqualTo("breakdown");
        assertThat(tr.get(1).get("to").asText()).isEqualTo("hierarchical");
    }

    @Test
    void badLinksAreRejectedAndWriteNothing() {
        long before = rows();
        Landmark from = new Landmark("ckpt_00000000000000000001", p1, T1, Regime.GEOMETRIC);
        Landmark to = new Landmark("ckpt_00000000000000000002", p2, T2, Regime.GEOMETRIC);
        Landmark early = new Landmark("ckpt_00000000000000000002", p2, T1.minusSeconds(1), Regime.GEOMETRIC);
        assertThatThrownBy(() -> tps.link(kernel, from, early, List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("to.time is before from.time");
        assertThatThrownBy(() -> tps.link(kernel, from, from, List.of()))
                .hasMessage("to.checkpointId must differ from from.checkpointId: ckpt_00000000000000000001");
        assertThatThrownBy(() -> tps.link(" ", from, to, List.of())).hasMessage("kernelId must not be blank");
        assertThatThrownBy(() -> tps.link(kernel, null, to, List.of())).hasMessage("from is missing");
        assertThatThrownBy(() -> tps.link(kernel, from, new Landmark("ckpt_00000000000000000009", p2, T2, Regime.LINEAR), null))
                .hasMessage("to.checkpointId is not a checkpoint of kernel " + kernel + ": ckpt_00000000000000000009");
        assertThatThrownBy(() -> tps.link(kernel, from, to, List.of(new RegimeObservation(T2.plusSeconds(1), Regime.LINEAR, 10))))
                .hasMessageStartingWith("observations[0].at must lie in");
        assertThatThrownBy(() -> tps.link("krn_000000000000000000ee", from, to, List.of()))
                .hasMessage("kernelId is an unknown kernel: krn_000000000000000000ee");
        assertThatThrownBy(() -> new TpsPathService(store, Clock.systemUTC(), 0)).hasMessage("tauSeconds must be positive and finite, is 0.0");
        assertThat(rows()).isEqualTo(before);
    }
}
