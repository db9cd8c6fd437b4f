package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Basin process killed with SIGKILL leaves its embedded PostgreSQL running; the next open stops it and starts. */
class EmbeddedOrphanRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void theNextOpenStopsThePostgresOrphanedByAKilledProcessAndKeepsTheData() throws Exception {
        Path data = dir.resolve("basin-data");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenWriteAndWait.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("WRITTEN");
        }
        child.toHandle().destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path pidFile = data.resolve("pg").resolve("postmaster.pid");
        long orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> orphan = ProcessHandle.of(orphanPid);
        assertThat(orphan).as("the killed process's PostgreSQL is still running").isPresent();
        assertThat(orphan.get().isAlive()).isTrue();

        try (Store s = Store.open(StoreConfig.builder().dataDir(data).poolSize(3).groupCommitWriters(1).build())) {
            List<String> v = s.jdbi().withHandle(h -> h.createQuery("SELECT v FROM kept").mapTo(String.class).list());
            assertThat(v).containsExactly("committed before the kill");
        }
        assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
    }

    /** Child: opens the embedded store on args[0], commits a row, prints WRITTEN, waits to be killed. */
    public static final class OpenWriteAndWait {
        public static void main(String[] args) throws InterruptedException {
            Store s = Store.open(StoreConfig.builder().dataDir(Path.of(args[0])).poolSize(3).groupCommitWriters(1).build());
            s.jdbi().useHandle(h -> h.execute("CREATE TABLE kept (v text)"));
            s.jdbi().useHandle(h -> h.execute("INSERT INTO kept VALUES ('committed before the kill')"));
            System.out.println("WRITTEN");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
