package dev.basin.attractors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttractorServiceTest {
    static Store store;
    static AttractorService service;
    static String kernelId;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
        service = new AttractorService(store, clock,
                new AttractorFinder(FinderConfig.defaults().withVolumeSamples(100)), 1e-3);
        String session = Ids.next("ses_");
        kernelId = Ids.next("krn_");
        store.useTransaction(tx -> {
            tx.handle().createUpdate("INSERT INTO sessions (session_id, seed, status) VALUES (:s, 1, 'running')")
                    .bind("s", session).execute();
            tx.handle().createUpdate("INSERT INTO kernels (kernel_id, session_id, name, generation, status, basin, phi,"
                    + " kappa, kappa_eff, regime, neurotransmitters, rng_state) VALUES (:k, :s, 'k', 0, 'awake', "
                    + ":b, 0.1, 64, 64, 'geometric', '{}', 1)")
                    .bind("k", kernelId).bind("s", session).bind("b", Basin.uniform()).execute();
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void refindingKnownAttractorsCountsVisitsInsteadOfDuplicating() {
        Potential u = new Potential(TestWells.wells(3));
        List<AttractorService.Recorded> first = service.discover(kernelId, u, 1L, true,
                DiscoveryMethod.GRADIENT_DESCENT, 0.2, 64.0);
        assertThat(first).allMatch(AttractorService.Recorded::inserted);
        assertThat(first.stream().filter(r -> r.row().type() == AttractorType.STABLE)).hasSize(3);
        assertThat(first.stream().filter(r -> r.row().type() == AttractorType.SADDLE)).isNotEmpty();
        assertThat(first.stream().filter(r -> r.row().type() == AttractorType.SADDLE))
                .allMatch(r -> r.row().discoveryMethod() == DiscoveryMethod.REGION_SEARCH);

        List<AttractorService.Recorded> second = service.discover(kernelId, u, 2L, true, DiscoveryMethod.SLEEP, 0.3,
                64.0);
        assertThat(second).noneMatch(AttractorService.Recorded::inserted);
        assertThat(second).allMatch(r -> r.row().timesVisited() == 2);
        int rows = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM learned_manifold_attractors WHERE kernel_id = :k").bind("k", kernelId)
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(first.size());

        AttractorRow stable = service.strongest(kernelId).orElseThrow();
        assertThat(stable.metadata().get("basin_volume").get("samples").asInt()).isEqualTo(100);
        assertThat(stable.basinVolume()).isBetween(stable.metadata().get("basin_volume").get("wilson95_low")
                .asDouble(), stable.metadata().get("basin_volume").get("wilson95_high").asDouble());

        Basin near = FisherRao.stepToward(stable.basin(), Basin.uniform(), 0.01);
        List<AttractorIndex.Neighbour> nn = service.nearest(kernelId, near, 1);
        assertThat(nn.get(0).id()).isEqualTo(stable.attractorId());
        assertThat(nn.get(0).distance()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(service.within(kernelId, near, 0.02)).extracting(AttractorIndex.Neighbour::id)
                .containsExactly(stable.attractorId());
    }

    @Test
    void unknownKernelIsRejected() {
        assertThatThrownBy(() -> service.discover("krn_00000000000000000000", new Potential(TestWells.wells(1)), 1L,
                false, DiscoveryMethod.GRADIENT_DESCENT, 0.1, 64))
                .hasMessage("kernel_id is unknown: krn_00000000000000000000");
    }
}
