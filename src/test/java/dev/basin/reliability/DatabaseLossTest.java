package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R2, the database lost mid-run: while writers insert through the store, PostgreSQL is stopped (alternately a clean
 * fast shutdown and a crash by SIGQUIT) and started again. The process survives, every failed write says the
 * database is unavailable ({@link StoreUnavailableException}), writes resume on their own once the database is
 * back, and every acknowledged id is stored exactly once. The embedded database is crashed under a running store:
 * the store reports it, and reopening the store (which restarts the database and runs crash recovery) finds every
 * acknowledged write; the store does not restart its embedded database by itself while it stays open.
 */
class DatabaseLossTest {
    static final int WRITERS = 4;
    static final int OUTAGES = 3;
    /** How long writes are given to fail, then to resume, after the database goes away or comes back. */
    static final long DETECT_MS = 60_000;
    static final long RECOVER_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    void theServerStoppedAndRestartedDuringWritesLosesNothingAcknowledged() throws Exception {
        try (PostgresCluster pg = PostgresCluster.create(dir.resolve("cluster"))) {
            StoreConfig config = StoreConfig.builder().url(pg.url()).poolSize(6).connectionTimeout(Duration.ofSeconds(2))
                    .build();
            try (Store store = Store.open(config)) {
                List<Long> recoveries = new ArrayList<>();
                try (OutageWriters w = new OutageWriters(store, WRITERS, 42, 0xdb)) {
                    for (int i = 0; i < OUTAGES; i++) {
                        assertThat(w.awaitAckAfter(System.nanoTime(), RECOVER_MS)).as("writes acknowledged").isTrue();
                        long failures = w.unavailableCount();
                        if (i % 2 == 0) {
                            pg.crash();
                        } else {
                            pg.stopFast();
                        }
                        assertThat(w.awaitUnavailable(failures, 3, DETECT_MS)).as("outage %d reported", i).isTrue();
                        assertUnitOfWorkReportsUnavailable(store);
                        pg.restart();
                        long back = System.nanoTime();
                        assertThat(w.awaitAckAfter(back, RECOVER_MS)).as("outage %d: writes resume on their own", i)
                                .isTrue();
                        recoveries.add((System.nanoTime() - back) / 1_000_000);
                    }
                    Thread.sleep(300);
                    w.close();
                    verify(store, w, "server", recoveries);
                }
            }
        }
    }

    @Test
    void theEmbeddedDatabaseCrashedDuringWritesIsReportedAndLosesNothingAcknowledgedWhenReopened() throws Exception {
        Path data = dir.resolve("basin-data");
        StoreConfig config = StoreConfig.builder().dataDir(data).poolSize(6).connectionTimeout(Duration.ofSeconds(2))
                .build();
        java.util.Set<String> acked = new java.util.HashSet<>();
        long refused = 0;
        List<Long> reopenMs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Store store = Store.open(config);
            try (OutageWriters w = new OutageWriters(store, WRITERS, 43 + 100L * i, 0xe0 + i)) {
                assertThat(w.awaitAckAfter(System.nanoTime(), RECOVER_MS)).as("writes acknowledged").isTrue();
                PostgresCluster.attach(data.resolve("pg")).crash();
                assertThat(w.awaitUnavailable(0, 3, DETECT_MS)).as("crash %d reported", i).isTrue();
                assertUnitOfWorkReportsUnavailable(store);
                w.close();
                assertThat(w.otherFailures()).as("failures that are not 'database unavailable'").isEmpty();
                acked.addAll(w.acked());
                refused += w.unavailableCount();
            } finally {
                store.close();
            }
            long t = System.nanoTime();
            try (Store reopened = Store.open(config)) {
                reopenMs.add((System.nanoTime() - t) / 1_000_000);
                long stored = reopened.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM sessions WHERE session_id = ANY(:ids)")
                        .bindArray("ids", String.class, new ArrayList<>(acked)).mapTo(Long.class).one());
                assertThat(stored).as("acknowledged ids stored exactly once after crash %d", i).isEqualTo(acked.size());
            }
        }
        Reliability.record("R2 embedded: crashes=2, acknowledged ids=" + acked.size() + ", lost=0, writes refused as"
                + " unavailable=" + refused + ", reopen after crash (ms) " + reopenMs);
    }

    private static void assertUnitOfWorkReportsUnavailable(Store store) {
        SplittableRandom r = new SplittableRandom(7);
        assertThatThrownBy(() -> store.useTransaction(tx -> tx.insert(WorkloadTables.SESSIONS,
                WorkloadTables.session("ses_" + "e".repeat(16), r))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("database unavailable");
    }

    private static void verify(Store store, OutageWriters w, String variant, List<Long> recoveries) {
        assertThat(w.otherFailures()).as("failures that are not 'database unavailable'").isEmpty();
        assertThat(w.unavailableMessages()).isNotEmpty().allSatisfy(m -> assertThat(m)
                .containsAnyOf("database unavailable", "may or may not have been committed"));
        var acked = w.acked();
        long stored = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sessions WHERE session_id = ANY(:ids)")
                .bindArray("ids", String.class, new ArrayList<>(acked)).mapTo(Long.class).one());
        assertThat(stored).as("acknowledged ids stored exactly once").isEqualTo(acked.size());
        Reliability.record("R2 " + variant + ": outages=" + recoveries.size() + ", acknowledged ids=" + acked.size()
                + ", lost=0, writes refused as unavailable=" + w.unavailableCount() + ", resumed on their own after (ms) "
                + recoveries);
    }
}
