package dev.basin.cli;

import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The database options every command takes ({@code @Mixin DatabaseOptions db;}): {@code --db} an external
 * PostgreSQL 14+ (else the embedded one in {@code --data-dir}), with credentials from {@code --db-user} /
 * {@code --db-password} or {@code BASIN_DB_USER} / {@code BASIN_DB_PASSWORD}. Prefer the environment for the
 * password: command lines are visible to other users of the machine.
 */
public final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of an external PostgreSQL 14+, e.g. jdbc:postgresql://localhost:5432/basin "
                    + "(env BASIN_DB_URL). Default: the embedded PostgreSQL in --data-dir.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (env BASIN_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password (env BASIN_DB_PASSWORD, preferred). Never printed.")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded PostgreSQL (env BASIN_DATA_DIR; default ./basin-data).")
    Path dataDir;

    /** The store configuration these options and {@code env} describe. */
    public StoreConfig toConfig(Map<String, String> env) {
        return StoreConfig.fromOptions(url, user, password, dataDir, env);
    }

    /** The store configuration from these options and the process environment. */
    public StoreConfig toConfig() {
        return toConfig(System.getenv());
    }

    /** Opens the store (embedded or external), migrating it. */
    public Store open() {
        return Store.open(toConfig());
    }

    /** The external URL given by {@code --db} or {@code BASIN_DB_URL}, or null. */
    public String externalUrl(Map<String, String> env) {
        return toConfig(env).url();
    }
}
