package dev.basin.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two safety services on two stores (two pools, two listeners: what two processes have) over one database. The
 * watching side reads its change feed when notified, so with a fallback interval of a minute anything it sees within
 * seconds came through LISTEN/NOTIFY; with its listening connection killed it falls back to timed reads and then
 * listens again.
 */
class SafetySyncTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration SEEN_WITHIN = Duration.ofSeconds(10);
    static String url;
    static Store storeA;
    static Store storeB;
    static String kernel;

    @BeforeAll
    static void open() {
        url = TestDatabases.freshDatabaseUrl();
        storeA = Store.open(StoreConfig.builder().url(url).poolSize(3).build());
        storeB = Store.open(StoreConfig.builder().url(url).poolSize(3).build());
        kernel = SafetyFixtures.kernel(storeA, "c3c3c3c3c3c3c3c3c3c3");
    }

    @AfterAll
    static void close() {
        storeA.close();
        storeB.close();
        TestDatabases.drop(url);
    }

    static SafetyService service(Store s) {
        return new SafetyService(s, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static long awaitMillis(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return -1;
            }
            Thread.sleep(2);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void changesCommittedByOneProcessReachTheOtherThroughNotifications() throws Exception {
        try (SafetyService a = service(storeA); SafetyService b = service(storeB)) {
            b.startSync(Duration.ofMinutes(1));
            assertThat(awaitMillis(() -> b.syncStatus().listening(), SEEN_WITHIN)).isNotNegative();
            long readsBefore = b.syncStatus().reads();

            Basin c = SafetyFixtures.wave(0.5, 0.13, 0.7);
            BarrierRow barrier = a.createBarrier(new NewBarrier(null, c, 0.1, BarrierType.INSTABILITY, 0.3, "from A", null));
            long barrierMs = awaitMillis(() -> b.check(c, NOW, null).ids().contains(barrier.barrierId()), SEEN_WITHIN);
            assertThat(barrierMs).as("barrier seen by B (ms)").isNotNegative();

            Basin rc = SafetyFixtures.wave(0.3, 0.29, 1.9);
            ExcludedRegionRow region = a.createExcludedRegion(kernel, rc, 0.1, ExclusionReason.ORDERED, 0, null, null);
            assertThat(awaitMillis(() -> b.check(rc, NOW, kernel).ids().contains(region.regionId()), SEEN_WITHIN))
                    .as("region seen by B").isNotNegative();

            Basin ec = SafetyFixtures.wave(0.2, 0.41, 0.2);
            EraExclusionRow era = a.createEraExclusion(NOW, NOW.plusSeconds(60), ec, 0.1, "maintenance", null);
            assertThat(awaitMillis(() -> b.check(ec, NOW, null).ids().contains(era.exclusionId()), SEEN_WITHIN))
                    .as("era exclusion seen by B").isNotNegative();

            // a merge replaces the barrier by the enclosing ball: B sees the larger ball and no longer the old one
            Basin further = dev.basin.geometry.FisherRao.pointAt(c, SafetyFixtures.wave(0.5, 0.13, 2.5), 0.2);
            double d = dev.basin.geometry.FisherRao.distance(c, further);
            BarrierRow grown = a.createBarrier(new NewBarrier(null, further, d, BarrierType.INSTABILITY, 0.3, "grows", null));
            assertThat(grown.barrierId()).isNotEqualTo(barrier.barrierId());
            assertThat(awaitMillis(() -> b.check(further, NOW, null).ids().contains(grown.barrierId())
                    && !b.check(c, NOW, null).ids().contains(barrier.barrierId()), SEEN_WITHIN))
                    .as("enlarged barrier seen by B").isNotNegative();

            // deactivations travel the other way too
            b.deactivateBarrier(grown.barrierId());
            b.deactivateExcludedRegion(region.regionId());
            assertThat(b.check(c, NOW, null).ids()).doesNotContain(grown.barrierId());
            a.startSync(Duration.ofMinutes(1));
            assertThat(awaitMillis(() -> !a.check(c, NOW, null).ids().contains(grown.barrierId())
                    && !a.check(rc, NOW, kernel).ids().contains(region.regionId()), SEEN_WITHIN))
                    .as("deactivations seen by A").isNotNegative();

            assertThat(b.syncStatus().reads()).as("B read on notifications, not on its one-minute timer")
                    .isGreaterThan(readsBefore);
            assertThat(b.syncStatus().connects()).isEqualTo(1);
        }
    }

    @Test
    void aLostListeningConnectionFallsBackToTimedReadsAndListensAgain() throws Exception {
        try (SafetyService a = service(storeA); SafetyService b = service(storeB)) {
            b.startSync(Duration.ofMillis(300));
            assertThat(awaitMillis(() -> b.syncStatus().listening(), SEEN_WITHIN)).isNotNegative();
            int pid = b.syncStatus().listenerPid();
            storeA.jdbi().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(:p)").bind("p", pid)
                    .mapTo(Boolean.class).one());

            Basin c = SafetyFixtures.wave(0.45, 0.07, 2.2);
            BarrierRow barrier = a.createBarrier(new NewBarrier(null, c, 0.08, BarrierType.DECOHERENCE, 0.5, "during loss", null));
            assertThat(awaitMillis(() -> b.check(c, NOW, null).ids().contains(barrier.barrierId()), SEEN_WITHIN))
                    .as("seen by the fallback reads").isNotNegative();
            assertThat(awaitMillis(() -> b.syncStatus().listening() && b.syncStatus().connects() >= 2, SEEN_WITHIN))
                    .as("listening again").isNotNegative();
            assertThat(b.syncStatus().listenerPid()).isNotEqualTo(pid);
        }
    }

    /**
     * Two processes deactivating the same row at once: exactly one succeeds, the other is told it was already
     * inactive (as it would be one after the other); ended era exclusions swept by both are each deactivated by one.
     */
    @Test
    void concurrentDeactivationsSucceedOnce() throws Exception {
        try (SafetyService a = service(storeA); SafetyService b = service(storeB)) {
            for (int round = 0; round < 10; round++) {
                Basin c = SafetyFixtures.wave(0.3, 0.05 * round + 0.01, round);
                BarrierRow x = a.createBarrier(new NewBarrier(kernel, c, 0.05, BarrierType.SUFFERING, 0.2, "twice " + round, null));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    for (SafetyService s : java.util.List.of(a, b)) {
                        outcomes.add(pool.submit(() -> {
                            together.await();
                            try {
                                s.deactivateBarrier(x.barrierId());
                                return "done";
                            } catch (dev.basin.geometry.InvalidInputException e) {
                                return e.getMessage();
                            }
                        }));
                    }
                    java.util.List<String> got = new java.util.ArrayList<>();
                    for (var f : outcomes) {
                        got.add(f.get());
                    }
                    assertThat(got).containsExactlyInAnyOrder("done", "barrierId is already inactive: " + x.barrierId());
                } finally {
                    pool.shutdownNow();
                }
            }
            java.util.List<String> ended = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ended.add(a.createEraExclusion(NOW.minusSeconds(100), NOW.minusSeconds(10 - i), SafetyFixtures.wave(0.1, 0.3, i),
                        0.05, "ended " + i, null).exclusionId());
            }
            var fa = java.util.concurrent.CompletableFuture.supplyAsync(() -> a.deactivateEndedEraExclusions(NOW));
            var fb = java.util.concurrent.CompletableFuture.supplyAsync(() -> b.deactivateEndedEraExclusions(NOW));
            java.util.List<String> swept = new java.util.ArrayList<>(fa.get());
            swept.addAll(fb.get());
            assertThat(swept).containsAll(ended).doesNotHaveDuplicates();
        }
    }
}
