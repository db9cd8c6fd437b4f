package dev.basin.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.StoredName;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SafetyServiceTest {
    private static final double ACCURACY = 1e-12;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static Store store;
    private static SafetyService safety;
    private static String kernel;
    private static String other;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        safety = new SafetyService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        kernel = SafetyFixtures.kernel(store, "a1a1a1a1a1a1a1a1a1a1");
        other = SafetyFixtures.kernel(store, "b2b2b2b2b2b2b2b2b2b2");
    }

    @AfterAll
    static void tearDown() {
        safety.close();
    }

    private static long count(String table) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aBarrierForbidsItsBallAndIsListedAndDeactivated() {
        Basin c = SafetyFixtures.wave(0.4, 0.21, 1.0);
        BarrierRow b = safety.createBarrier(new NewBarrier(null, c, 0.1, BarrierType.INSTABILITY, 0.4, "test ball", null));
        Basin inside = FisherRao.pointAt(c, SafetyFixtures.wave(0.4, 0.21, 2.0), 0.01);
        SafetyVerdict v = safety.check(inside, NOW, null);
        assertThat(v.safe()).isFalse();
        assertThat(v.ids()).containsExactly(b.barrierId());
        assertThat(v.violations().get(0).distance()).isCloseTo(FisherRao.distance(inside, c), within(ACCURACY));
        assertThat(v.violations().get(0).table()).isEqualTo("geometric_barriers");
        assertThat(safety.check(inside, NOW, kernel).ids()).contains(b.barrierId());
        assertThat(safety.queries().listBarriers(true, 100, 0)).extracting(BarrierRow::barrierId).contains(b.barrierId());

        safety.recordPrevention(b.barrierId());
        safety.recordPrevention(b.barrierId());
        assertThat(safety.queries().barrier(b.barrierId()).orElseThrow().crossingsPrevented()).isEqualTo(2);

        safety.deactivateBarrier(b.barrierId());
        assertThat(safety.check(inside, NOW, null).ids()).doesNotContain(b.barrierId());
        BarrierRow stored = safety.queries().barrier(b.barrierId()).orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.deactivatedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> safety.deactivateBarrier(b.barrierId())).hasMessageContaining("already inactive");
    }

    @Test
    void overlappingBarriersOfOneTypeMergeIntoTheEnclosingBall() {
        Basin c1 = SafetyFixtures.wave(0.6, 0.37, 0.0);
        Basin c2 = FisherRao.pointAt(c1, SafetyFixtures.wave(0.6, 0.37, 3.0), 0.1);
        double d = FisherRao.distance(c1, c2);
        BarrierRow a = safety.createBarrier(new NewBarrier(kernel, c1, 0.08, BarrierType.SUFFERING, 0.2, "first", null));
        long before = count("geometric_barriers");
        BarrierRow m = safety.createBarrier(new NewBarrier(kernel, c2, d, BarrierType.SUFFERING, 0.7, "second", null));
        // the enclosing ball is a new barrier; the overlapped one ends now, its ball unchanged
        assertThat(count("geometric_barriers")).isEqualTo(before + 1);
        assertThat(m.barrierId()).isNotEqualTo(a.barrierId());
        assertThat(m.radius()).isCloseTo((d + 0.08 + d) / 2, within(1e-9));
        assertThat(FisherRao.distance(m.center(), c1) + 0.08).isLessThanOrEqualTo(m.radius() + 1e-9);
        assertThat(FisherRao.distance(m.center(), c2) + d).isLessThanOrEqualTo(m.radius() + 1e-9);
        assertThat(m.severity()).isEqualTo(0.7);
        assertThat(m.discoveredAt()).isEqualTo(NOW);
        BarrierRow stored = safety.queries().barrier(m.barrierId()).orElseThrow();
        assertThat(stored.radius()).isEqualTo(m.radius());
        assertThat(stored.metadata().path("merged_count").asInt()).isEqualTo(1);
        assertThat(stored.metadata().path("absorbed").get(0).path("barrier_id").asText()).isEqualTo(a.barrierId());
        BarrierRow old = safety.queries().barrier(a.barrierId()).orElseThrow();
        assertThat(old.active()).isFalse();
        assertThat(old.deactivatedAt()).isEqualTo(NOW);
        assertThat(old.radius()).isEqualTo(0.08);
        assertThat(old.center()).isEqualTo(c1);
        assertThat(old.metadata().path("merged_into").asText()).isEqualTo(m.barrierId());
        assertThat(safety.check(c2, NOW, kernel).ids()).contains(m.barrierId()).doesNotContain(a.barrierId());
        // another type, or another scope, does not merge
        BarrierRow t = safety.createBarrier(new NewBarrier(kernel, c2, d, BarrierType.DECOHERENCE, 0.7, "other type", null));
        BarrierRow s = safety.createBarrier(new NewBarrier(other, c2, d, BarrierType.SUFFERING, 0.7, "other scope", null));
        assertThat(List.of(t.barrierId(), s.barrierId())).doesNotContain(a.barrierId());
    }

    @Test
    void anEraExclusionForbidsOnlyInsideItsWindow() {
        Basin c = SafetyFixtures.wave(0.3, 0.11, 2.0);
        Instant start = NOW.plusSeconds(100);
        EraExclusionRow e = safety.createEraExclusion(start, start.plusSeconds(60), c, 0.2, "maintenance", null);
        assertThat(safety.check(c, start.minusMillis(1), kernel).ids()).doesNotContain(e.exclusionId());
        assertThat(safety.check(c, start, kernel).ids()).contains(e.exclusionId());
        assertThat(safety.check(c, start.plusSeconds(59), null).ids()).contains(e.exclusionId());
        assertThat(safety.check(c, start.plusSeconds(60), kernel).ids()).doesNotContain(e.exclusionId());
        safety.deactivateEraExclusion(e.exclusionId());
        assertThat(safety.check(c, start, kernel).ids()).doesNotContain(e.exclusionId());
        assertThat(safety.queries().listEras(false, 10, 0)).extracting(EraExclusionRow::exclusionId).contains(e.exclusionId());
    }

    @Test
    void anExcludedRegionForbidsOnlyItsAgentAndOnlyUntilExpiry() {
        Basin c = SafetyFixtures.wave(0.7, 0.05, 0.5);
        Instant expires = NOW.plusSeconds(30);
        ExcludedRegionRow r = safety.createExcludedRegion(kernel, c, 0.15, ExclusionReason.ORDERED, 2, expires, null);
        assertThat(safety.check(c, NOW, kernel).ids()).contains(r.regionId());
        assertThat(safety.check(c, NOW, other).ids()).doesNotContain(r.regionId());
        assertThat(safety.check(c, NOW, null).ids()).doesNotContain(r.regionId());
        assertThat(safety.check(c, expires.minusMillis(1), kernel).ids()).contains(r.regionId());
        assertThat(safety.check(c, expires, kernel).ids()).doesNotContain(r.regionId());
        assertThat(safety.queries().listRegions(kernel, true, 10, 0)).extracting(ExcludedRegionRow::regionId)
                .contains(r.regionId());
        safety.deactivateExcludedRegion(r.regionId());
        assertThat(safety.check(c, NOW, kernel).ids()).doesNotContain(r.regionId());
    }

    @Test
    void rowsWrittenByAnotherInstanceBecomeVisibleThroughTheSync() throws Exception {
        SafetyService elsewhere = new SafetyService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        Basin c = SafetyFixtures.wave(0.2, 0.9, 0.3);
        BarrierRow b = elsewhere.createBarrier(new NewBarrier(null, c, 0.05, BarrierType.DECOHERENCE, 0.1, "remote", null));
        assertThat(safety.check(c, NOW, null).ids()).doesNotContain(b.barrierId());
        safety.startSync(Duration.ofMillis(50));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!safety.check(c, NOW, null).ids().contains(b.barrierId()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(safety.check(c, NOW, null).ids()).contains(b.barrierId());
        elsewhere.deactivateBarrier(b.barrierId());
        safety.refresh();
        assertThat(safety.check(c, NOW, null).ids()).doesNotContain(b.barrierId());
        elsewhere.close();
    }

    @Test
    void badInputIsRejectedByNameAndWritesNothing() {
        Basin c = Basin.uniform();
        long barriers = count("geometric_barriers");
        long regions = count("ocean_excluded_regions");
        long eras = count("era_exclusions");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier(null, c, 0.0, BarrierType.SUFFERING, 0.5, "r", null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("radius must be in (0, π], is 0.0");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier(null, c, 3.5, BarrierType.SUFFERING, 0.5, "r", null)))
                .hasMessage("radius must be in (0, π], is 3.5");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier(null, c, 0.1, BarrierType.SUFFERING, 1.5, "r", null)))
                .hasMessage("severity must be in [0, 1], is 1.5");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier(null, null, 0.1, BarrierType.SUFFERING, 0.5, "r", null)))
                .hasMessage("center is missing");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier(null, c, 0.1, null, 0.5, "r", null)))
                .hasMessage("type is missing");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier(null, c, 0.1, BarrierType.SUFFERING, 0.5, " ", null)))
                .hasMessage("reason must not be blank");
        assertThatThrownBy(() -> safety.createBarrier(new NewBarrier("krn_ffffffffffffffffffff", c, 0.1, BarrierType.SUFFERING,
                0.5, "r", null))).hasMessage("kernelId is an unknown kernel: krn_ffffffffffffffffffff");
        assertThatThrownBy(() -> StoredName.parse(BarrierType.class, "type", "sadness"))
                .hasMessage("type must be one of suffering, instability, decoherence, is sadness");
        assertThatThrownBy(() -> safety.deactivateBarrier("barrier_00000000000000000000"))
                .hasMessage("barrierId is unknown: barrier_00000000000000000000");
        assertThatThrownBy(() -> safety.recordPrevention("barrier_00000000000000000000"))
                .hasMessage("barrierId is unknown: barrier_00000000000000000000");
        assertThatThrownBy(() -> safety.createEraExclusion(NOW, NOW, c, 0.1, "r", null))
                .hasMessage("end must be after start (" + NOW + "), is " + NOW);
        assertThatThrownBy(() -> safety.createEraExclusion(NOW, NOW.plusSeconds(1), c, -1, "r", null))
                .hasMessage("radius must be in (0, π], is -1.0");
        assertThatThrownBy(() -> safety.createExcludedRegion(kernel, c, 0.1, ExclusionReason.ORDERED, 0, NOW, null))
                .hasMessage("expiresAt must be after now (" + NOW + "), is " + NOW);
        assertThatThrownBy(() -> safety.createExcludedRegion("krn_nope", c, 0.1, ExclusionReason.ORDERED, 0, null, null))
                .hasMessage("agentId is an unknown kernel: krn_nope");
        assertThatThrownBy(() -> safety.createExcludedRegion(kernel, c, 0.1, ExclusionReason.ORDERED, -1, null, null))
                .hasMessage("visitsWithoutGain must be non-negative, is -1");
        assertThatThrownBy(() -> safety.deactivateExcludedRegion("oxr_00000000000000000000"))
                .hasMessage("regionId is unknown: oxr_00000000000000000000");
        assertThatThrownBy(() -> safety.deactivateEraExclusion("texcl_00000000000000000000"))
                .hasMessage("exclusionId is unknown: texcl_00000000000000000000");
        assertThatThrownBy(() -> safety.check(null, NOW, null)).hasMessage("basin is missing");
        assertThatThrownBy(() -> safety.check(c, null, null)).hasMessage("at is missing");
        assertThatThrownBy(() -> safety.queries().listBarriers(true, 0, 0)).hasMessage("limit must be in [1, 10000], is 0");
        assertThatThrownBy(() -> safety.queries().listBarriers(true, 10, -1)).hasMessage("offset must be non-negative, is -1");
        assertThat(count("geometric_barriers")).isEqualTo(barriers);
        assertThat(count("ocean_excluded_regions")).isEqualTo(regions);
        assertThat(count("era_exclusions")).isEqualTo(eras);
    }
}
