package dev.basin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
    static String url;

    @BeforeAll
    static void db() {
        url = TestDatabases.freshDatabaseUrl();
    }

    @AfterAll
    static void drop() {
        TestDatabases.drop(url);
    }

    record Run(int exit, String out, String err) {}

    static Run basin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BasinCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static long uploads() {
        try (Store store = Store.open(StoreConfig.builder().url(url).build())) {
            return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rag_uploads").mapTo(Long.class).one());
        }
    }

    @Test
    void ingestsFilesOnceAndReportsDuplicates(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("tides.md"), "# Tides\n\nThe moon pulls the sea.\n");
        Path b = Files.writeString(dir.resolve("copy.txt"), "# Tides\n\nThe moon pulls the sea.\n");
        Run r = basin("ingest", a.toString(), b.toString(), "--db", url, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode docs = Store.newObjectMapper().readTree(r.out()).get("documents");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).get("inserted").asBoolean()).isTrue();
        assertThat(docs.get(0).get("domain").asText()).isEqualTo("tides");
        assertThat(docs.get(1).get("inserted").asBoolean()).isFalse();
        assertThat(docs.get(1).get("uploadId").asText()).isEqualTo(docs.get(0).get("uploadId").asText());

        Run again = basin("ingest", a.toString(), "--domain", "sea", "--db", url);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("tides.md: already stored as rag_").contains("nothing inserted");
        assertThat(uploads()).isEqualTo(1);
    }

    @Test
    void badFilesExitTwoWithOneLineAndIngestNothing(@TempDir Path dir) throws Exception {
        long before = uploads();
        Path good = Files.writeString(dir.resolve("good.md"), "Orbits are ellipses.");
        Path empty = Files.write(dir.resolve("empty.md"), new byte[0]);
        Path binary = Files.write(dir.resolve("blob.bin"), new byte[] {(byte) 0xc3, 0x28, 0, 1, 2});
        Files.createDirectories(dir.resolve("sub"));
        for (String[] args : new String[][] {
                {"ingest", good.toString(), empty.toString(), "--db", url},
                {"ingest", good.toString(), binary.toString(), "--db", url},
                {"ingest", dir.resolve("sub").resolve("..").resolve("good.md").toString(), "--db", url},
                {"ingest", good.toString(), "--domain", " ", "--db", url}}) {
            Run r = basin(args);
            assertThat(r.exit()).as(r.err()).isEqualTo(BasinCommand.EXIT_BAD_INPUT);
            assertThat(r.err().strip()).startsWith("basin: ").doesNotContain("\n").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
        assertThat(basin("ingest", empty.toString(), "--db", url).err()).contains("content is empty");
        assertThat(basin("ingest", binary.toString(), "--db", url).err()).contains("content is binary");
        assertThat(uploads()).isEqualTo(before);
    }
}
