package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConnectionTest {
    @Test
    void anUnreachableDatabaseIsReportedAsUnavailableWithoutThePassword() {
        StoreConfig config = StoreConfig.builder().url("jdbc:postgresql://127.0.0.1:1/basin?password=hunter2")
                .user("basin").password("s3cret-pw").connectionTimeout(Duration.ofMillis(500)).build();
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret-pw").contains("password=****");
        assertThatThrownBy(() -> Store.open(config))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:1")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2").doesNotContain("s3cret-pw");
                    }
                });
    }

    @Test
    void maskUrlHidesPasswordsInParametersAndUserInfo() {
        assertThat(StoreConfig.maskUrl("jdbc:postgresql://h:5432/db?user=u&password=p%40ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=****&ssl=true");
        assertThat(StoreConfig.maskUrl("jdbc:postgresql://u:pw@h/db")).isEqualTo("jdbc:postgresql://u:****@h/db");
    }

    @Test
    void configurationComesFromOptionsThenEnvironment() {
        Map<String, String> env = Map.of("BASIN_DB_URL", "jdbc:postgresql://env/db", "BASIN_DB_USER", "envuser",
                "BASIN_DB_PASSWORD", "envpw");
        StoreConfig fromEnv = StoreConfig.fromOptions(null, null, null, null, env);
        assertThat(fromEnv.url()).isEqualTo("jdbc:postgresql://env/db");
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).isEqualTo("envpw");
        StoreConfig fromCli = StoreConfig.fromOptions("jdbc:postgresql://cli/db", "cliuser", null, null, env);
        assertThat(fromCli.url()).isEqualTo("jdbc:postgresql://cli/db");
        assertThat(fromCli.user()).isEqualTo("cliuser");
        StoreConfig embedded = StoreConfig.fromOptions(null, null, null, Path.of("/tmp/x"), Map.of());
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(StoreConfig.fromOptions(null, null, null, null, Map.of()).dataDir()).isEqualTo(Path.of("basin-data"));
    }

    @Test
    void builderRejectsBadValuesNamingTheProperty() {
        assertThatThrownBy(() -> StoreConfig.builder().poolSize(1)).hasMessageContaining("poolSize");
        assertThatThrownBy(() -> StoreConfig.builder().url("mysql://x")).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> StoreConfig.builder().url("jdbc:postgresql://x/y").dataDir(Path.of("d")).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idsHaveThePrefixAndTwentyRandomHexCharacters() {
        String id = Ids.next("gp_");
        assertThat(id).matches("gp_[0-9a-f]{20}");
        assertThat(Ids.next("gp_")).isNotEqualTo(id);
        assertThatThrownBy(() -> Ids.next("Bad-")).isInstanceOf(IllegalArgumentException.class);
    }
}
