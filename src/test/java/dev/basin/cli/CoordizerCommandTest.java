package dev.basin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.coordizer.BrownCorpus;
import dev.basin.coordizer.DefaultModel;
import dev.basin.store.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basin coordizer info|fit} on a real database: the default model, a fit on a directory, bad input exit 2. */
class CoordizerCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BasinCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void infoShowsTheDefaultModelAndFitMakesANewCurrentModel() throws Exception {
        String db = TestDatabases.freshDatabaseUrl();
        Run info = run("coordizer", "info", "--db", db);
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).startsWith("current model " + DefaultModel.shipped().id() + ": 500 texts")
                .contains("\ntopic 0 (" + String.join(", ", DefaultModel.shipped().topWords(0, 8)) + ")\n")
                .contains("\ntopic 63 (");

        Path dir = Files.createDirectories(tmp.resolve("texts/sub"));
        List<BrownCorpus.Document> docs = BrownCorpus.documents();
        for (int i = 0; i < 500; i += 25) {
            Files.writeString(dir.resolve(docs.get(i).file() + ".txt"), docs.get(i).text());
        }
        Run fit = run("coordizer", "fit", "--db", db, "--seed", "5", "--json", tmp.resolve("texts").toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(fit.out());
        String id = f.get("modelId").asText();
        assertThat(id).matches("nmf64-[0-9a-f]{16}").isNotEqualTo(DefaultModel.shipped().id());
        assertThat(f.get("documents").asInt()).isEqualTo(20);
        assertThat(f.get("topics")).hasSize(64);

        JsonNode now = new ObjectMapper().readTree(run("coordizer", "info", "--db", db, "--json").out());
        assertThat(now.get("modelId").asText()).isEqualTo(id);
        // the same texts and seed again: the same id (on a second database)
        String db2 = TestDatabases.freshDatabaseUrl();
        JsonNode again = new ObjectMapper().readTree(run("coordizer", "fit", "--db", db2, "--seed", "5", "--json",
                tmp.resolve("texts").toString()).out());
        assertThat(again.get("modelId").asText()).isEqualTo(id);
        TestDatabases.drop(db);
        TestDatabases.drop(db2);
    }

    @Test
    void emptyOrUnreadableInputExitsTwoWithOneLineNamingTheFile() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run r = run("coordizer", "fit", "--db", "jdbc:postgresql://127.0.0.1:1/none", empty.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("basin: " + empty + " holds no .txt or .md file\n");

        Path missing = tmp.resolve("missing.txt");
        r = run("coordizer", "fit", "--db", "jdbc:postgresql://127.0.0.1:1/none", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("basin: " + missing + " does not exist\n");

        Path blank = Files.writeString(tmp.resolve("blank.txt"), "");
        r = run("coordizer", "fit", "--db", "jdbc:postgresql://127.0.0.1:1/none", blank.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("basin: " + blank + " cannot be used: ").endsWith("\n").doesNotContain("\n\n");
        assertThat(r.err().lines()).hasSize(1);

        Path binary = Files.write(tmp.resolve("bad.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        r = run("coordizer", "fit", "--db", "jdbc:postgresql://127.0.0.1:1/none", binary.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("basin: " + binary + " cannot be used: ");

        r = run("coordizer", "fit", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--topics", "32", binary.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("basin: topics must be 64");
    }
}
