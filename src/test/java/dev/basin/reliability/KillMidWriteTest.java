package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R1, the application killed mid-write (library path): a child JVM writes through the store (single inserts and
 * batches by group commit, kernel+insight+outcome units of work), every acknowledged id is logged here, the child is
 * SIGKILLed at seeded random moments and restarted. Then: every acknowledged id is stored exactly once, no unit is
 * half-written, and a second restart changes nothing. CI: 10 kills on the PostgreSQL server and 4 on the embedded
 * database; long mode ({@code -Dbasin.reliability.long=true}): 100 and 20.
 */
class KillMidWriteTest {
    @TempDir
    Path dir;

    @Test
    void libraryOnThePostgresServerLosesNoAcknowledgedWriteAcrossKills() throws Exception {
        String url = TestDatabases.freshDatabaseUrl();
        try (AckLog acks = new AckLog(Reliability.logFile("r1-library-server-acks.log"))) {
            long seed = Reliability.seed(20261126L);
            KillCampaign.Figures f = KillCampaign.run(LibraryWriterMain.class,
                    run -> List.of("url", url, Integer.toString(run), Long.toString(seed + run)),
                    Reliability.kills(10, 100), seed, acks, Reliability.logFile("r1-library-server-child.log"));
            StoreConfig config = StoreConfig.builder().url(url).poolSize(3).groupCommitWriters(1).build();
            verifyAfterRestarts(config, acks, f, "library/server");
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void libraryOnTheEmbeddedDatabaseRecoversItsOrphanedServerAndLosesNothing() throws Exception {
        Path data = dir.resolve("basin-data");
        try (AckLog acks = new AckLog(Reliability.logFile("r1-library-embedded-acks.log"))) {
            long seed = Reliability.seed(20261127L);
            KillCampaign.Figures f = KillCampaign.run(LibraryWriterMain.class,
                    run -> List.of("embedded", data.toString(), Integer.toString(run), Long.toString(seed + run)),
                    Reliability.kills(4, 20), seed, acks, Reliability.logFile("r1-library-embedded-child.log"));
            // the last child was killed with its PostgreSQL still running: the next open must stop that orphan
            assertThat(Files.exists(data.resolve("pg").resolve("postmaster.pid"))).isTrue();
            StoreConfig config = StoreConfig.builder().dataDir(data).poolSize(3).groupCommitWriters(1).build();
            verifyAfterRestarts(config, acks, f, "library/embedded");
        }
    }

    static void verifyAfterRestarts(StoreConfig config, AckLog acks, KillCampaign.Figures f, String variant) {
        Map<String, String> first;
        long partial;
        try (Store store = Store.open(config)) {
            WorkloadCheck.assertAcknowledgedPresentOnce(store.jdbi(), acks);
            partial = WorkloadCheck.partialUnits(store.jdbi());
            assertThat(partial).as("half-written kernel+insight+outcome units").isZero();
            first = WorkloadCheck.snapshot(store.jdbi());
        }
        try (Store store = Store.open(config)) {
            assertThat(WorkloadCheck.snapshot(store.jdbi())).as("a second restart changes nothing").isEqualTo(first);
        }
        assertThat(acks.duplicates()).as("ids acknowledged twice").isZero();
        assertThat(f.runsWithAcks()).as("runs that acknowledged writes before the kill")
                .isGreaterThanOrEqualTo(f.midWriteKills() / 2);
        assertThat(acks.units()).as("units acknowledged").isNotEmpty();
        Reliability.record("R1 " + variant + ": kills=" + f.kills() + " (mid-write " + f.midWriteKills() + ", startup "
                + f.startupKills() + "), acknowledged ids=" + acks.total() + " (rows " + acks.sessions().size()
                + ", units " + acks.units().size() + "), lost=0, duplicated=0, partial units=" + partial
                + ", torn lines=" + acks.torn() + ", second restart unchanged, " + f.elapsedMs() + " ms");
    }
}
