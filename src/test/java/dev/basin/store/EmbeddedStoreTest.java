package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {
    @TempDir
    Path dir;

    @Test
    void keepsItsDataAcrossRestartsAndRefusesASecondStoreOrProcessOnTheSameDirectory() throws Exception {
        Path data = dir.resolve("basin-data");
        try (Store s = Store.open(StoreConfig.builder().dataDir(data).poolSize(3).groupCommitWriters(1).build())) {
            assertThat(s.describeTarget()).contains("embedded PostgreSQL in " + data.toAbsolutePath());
            s.jdbi().useHandle(h -> h.execute("CREATE TABLE kept (v text)"));
            s.jdbi().useHandle(h -> h.execute("INSERT INTO kept VALUES ('still here')"));

            assertThatThrownBy(() -> Store.open(StoreConfig.embedded(data)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("data directory " + data.toAbsolutePath() + " is in use by another Basin process");

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), EmbeddedLockProbe.class.getName(), data.toString())
                    .redirectErrorStream(true).start();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(out).isEqualTo(3);
            assertThat(out).contains("is in use by another Basin process");
        }
        try (Store s = Store.open(StoreConfig.builder().dataDir(data).poolSize(3).groupCommitWriters(1).build())) {
            List<String> v = s.jdbi().withHandle(h -> h.createQuery("SELECT v FROM kept").mapTo(String.class).list());
            assertThat(v).containsExactly("still here");
            long applied = s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                    .mapTo(Long.class).one());
            assertThat(applied).isPositive();
        }
        assertThat(Files.exists(data.resolve("pg").resolve("PG_VERSION"))).isTrue();
    }

    /** Run in a child JVM: tries to open the store on args[0]; exit 3 when refused, 0 if it (wrongly) opened. */
    public static final class EmbeddedLockProbe {
        public static void main(String[] args) throws IOException {
            try (Store s = Store.open(StoreConfig.embedded(Path.of(args[0])))) {
                System.out.println("opened " + s);
                System.exit(0);
            } catch (StoreException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
