package dev.basin.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanPostmasterTest {
    @TempDir
    Path cluster;

    @Test
    void noPidFileMeansNothingToStop() {
        assertThat(OrphanPostmaster.stopIfRunning(cluster)).isEmpty();
    }

    @Test
    void leavesALiveProcessThatIsNotThisClustersPostgresAlone() throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(cluster.resolve("postmaster.pid"), self + "\n" + cluster + "\n1700000000\n5432\n");
        assertThat(OrphanPostmaster.stopIfRunning(cluster)).isEmpty();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(cluster.resolve("postmaster.pid"), sleeper.pid() + "\n" + cluster + "\n");
            assertThat(OrphanPostmaster.stopIfRunning(cluster)).isEmpty();
            assertThat(sleeper.isAlive()).as("an unrelated process named in a stale pid file is not signalled").isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPidFileNamingADeadProcessIsLeftToPostgres() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(cluster.resolve("postmaster.pid"), p.pid() + "\n" + cluster + "\n");
        assertThat(OrphanPostmaster.stopIfRunning(cluster)).isEmpty();
        Files.writeString(cluster.resolve("postmaster.pid"), "not a pid\n");
        assertThat(OrphanPostmaster.stopIfRunning(cluster)).isEmpty();
    }
}
