package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    static final List<String> ALL_TABLES = List.of("sessions", "kernels", "lightning_insights", "rag_chunks", "coordizer_models",
            "geodesic_paths", "learned_manifold_attractors", "ocean_trajectories", "ocean_waypoints",
            "tps_geodesic_paths", "geometric_barriers", "ocean_excluded_regions", "era_exclusions",
            "kernel_checkpoints", "kernel_emotions", "kernel_thoughts", "kernel_knowledge_transfers",
            "knowledge_cross_patterns", "knowledge_scale_mappings", "false_pattern_classes", "memory_fragments",
            "generated_tools", "lightning_insight_outcomes", "rag_uploads", "document_training_stats");

    @Test
    void migratesAnEmptyDatabaseToAllTwentyFourTablesAndReapplyingChangesNothing() throws SQLException {
        String url = TestDatabases.emptyDatabaseUrl();
        try {
            try (Store s = Store.open(StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1).build())) {
                assertThat(tables(url)).containsAll(ALL_TABLES).contains("flyway_schema_history");
            }
            List<String> history = history(url);
            assertThat(history).isNotEmpty().allMatch(h -> h.endsWith("true"));
            try (Store s = Store.open(StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1).build())) {
                assertThat(history(url)).isEqualTo(history);
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void refusesADatabaseWithANewerMigrationAndChangesNothing() throws SQLException {
        String url = TestDatabases.freshDatabaseUrl();
        try {
            exec(url, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (999, '999', 'from a newer basin', 'SQL',"
                    + " 'V999__from_a_newer_basin.sql', 12345, 'postgres', 1, true)");
            List<String> historyBefore = history(url);
            List<String> tablesBefore = tables(url);
            StoreConfig config = StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1)
                    .migrationLocations("classpath:db/migration", "classpath:db/testmigration").build();
            assertThatThrownBy(() -> Store.open(config))
                    .isInstanceOf(SchemaTooNewException.class)
                    .hasMessageContaining("V999 (from a newer basin)")
                    .hasMessageContaining("newer Basin")
                    .hasMessageContaining("nothing was changed");
            assertThat(history(url)).isEqualTo(historyBefore);
            assertThat(tables(url)).isEqualTo(tablesBefore).doesNotContain("t_extra");
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void appliesANewMigrationOnTopOfAnExistingSchema() throws SQLException {
        String url = TestDatabases.freshDatabaseUrl();
        try {
            StoreConfig config = StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1)
                    .migrationLocations("classpath:db/migration", "classpath:db/testmigration").build();
            try (Store s = Store.open(config)) {
                assertThat(tables(url)).contains("t_extra");
            }
            // and the program that knows only V1 now refuses this database
            assertThatThrownBy(() -> Store.open(StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1).build()))
                    .isInstanceOf(SchemaTooNewException.class).hasMessageContaining("V900 (test extra)");
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void appliesAMigrationNumberedBelowTheNewestOneTheDatabaseHas() throws SQLException {
        String url = TestDatabases.freshDatabaseUrl();
        try {
            // a database migrated before V60 existed, but after V80–V82: V60 is new to it and numbered below its newest
            exec(url, "ALTER TABLE ocean_waypoints ADD CONSTRAINT ocean_waypoints_agent_id_fkey FOREIGN KEY (agent_id)"
                    + " REFERENCES kernels (kernel_id)");
            exec(url, "DELETE FROM flyway_schema_history WHERE version = '60'");
            assertThat(history(url)).noneMatch(h -> h.split(":")[1].equals("60"));
            try (Store s = Store.open(StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1).build())) {
                assertThat(history(url)).anyMatch(h -> h.split(":")[1].equals("60") && h.endsWith("true"));
                assertThat(constraints(url, "ocean_waypoints")).doesNotContain("ocean_waypoints_agent_id_fkey")
                        .contains("ocean_waypoints_agent_trajectory_fkey");
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    static List<String> constraints(String url, String table) throws SQLException {
        return strings(url, "SELECT conname FROM pg_constraint WHERE conrelid = '" + table + "'::regclass");
    }

    static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> tables(String url) throws SQLException {
        return strings(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    }

    static List<String> history(String url) throws SQLException {
        return strings(url, "SELECT installed_rank || ':' || coalesce(version, '') || ':' || checksum || ':' || success"
                + " FROM flyway_schema_history ORDER BY installed_rank");
    }

    static List<String> strings(String url, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
