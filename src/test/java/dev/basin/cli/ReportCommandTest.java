package dev.basin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReportCommandTest {
    static final List<String> ALL_TABLES = List.of("sessions", "kernels", "lightning_insights", "rag_chunks", "coordizer_models",
            "geodesic_paths", "learned_manifold_attractors", "ocean_trajectories", "ocean_waypoints",
            "tps_geodesic_paths", "geometric_barriers", "ocean_excluded_regions", "era_exclusions",
            "kernel_checkpoints", "kernel_emotions", "kernel_thoughts", "kernel_knowledge_transfers",
            "knowledge_cross_patterns", "knowledge_scale_mappings", "false_pattern_classes", "memory_fragments",
            "generated_tools", "lightning_insight_outcomes", "rag_uploads", "document_training_stats");

    @Test
    void reportOnAFreshDatabaseListsEveryTableEmptyInTheDocumentedJsonShape() throws Exception {
        String url = TestDatabases.freshDatabaseUrl();
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = BasinCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute("report", "--db", url, "--json")).as(err.toString()).isZero();
            JsonNode json = Store.newObjectMapper().readTree(out.toString());
            List<String> names = new ArrayList<>();
            for (JsonNode t : json.get("tables")) {
                names.add(t.get("name").asText());
                assertThat(t.get("rows").asLong()).isZero();
                assertThat(t.has("owner")).isTrue();
                for (JsonNode c : t.get("columns")) {
                    assertThat(c.get("nullFraction").asDouble()).isZero();
                    assertThat(c.get("distinct").asLong()).isZero();
                    assertThat(c.get("flags").get(0).asText()).isEqualTo("EMPTY_TABLE");
                }
            }
            assertThat(names).containsExactlyInAnyOrderElementsOf(ALL_TABLES);
            JsonNode s = json.get("summary");
            assertThat(s.get("featureTablesPopulated").asInt()).isZero();
            assertThat(s.get("columnsWithoutFlag").asInt()).isZero();
            List<Table<?>> catalog = AllTables.list();
            if (!catalog.isEmpty()) {
                assertThat(s.get("featureTablesTotal").asInt()).isEqualTo(20);
                assertThat(s.get("parentTablesTotal").asInt()).isEqualTo(5);
                for (JsonNode t : json.get("tables")) {
                    assertThat(t.get("owner").isNull()).as(t.get("name").asText()).isFalse();
                }
            }

            StringWriter text = new StringWriter();
            CommandLine cli2 = BasinCommand.commandLine();
            cli2.setOut(new PrintWriter(text));
            assertThat(cli2.execute("report", "--db", url)).isZero();
            assertThat(text.toString()).contains("ocean_waypoints").contains("EMPTY_TABLE")
                    .contains("Feature tables populated 0/");
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void anUnreachableDatabaseExitsOneWithOneLineAndNoPassword() {
        StringWriter err = new StringWriter();
        CommandLine cli = BasinCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("report", "--db", "jdbc:postgresql://127.0.0.1:1/x?connectTimeout=2",
                "--db-password", "hunter2");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("basin: ").contains("unavailable").doesNotContain("hunter2");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    }
}
