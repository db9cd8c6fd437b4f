package dev.basin.store.internal;

import dev.basin.store.SchemaTooNewException;
import dev.basin.store.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations from {@code classpath:db/migration}. Before migrating, refuses (changing nothing) a database
 * whose history holds a migration this program does not know: a newer version ({@code FUTURE_*}) or a missing one.
 * Flyway's own validation runs too, with no ignore patterns, so checksum changes are refused as well. Migrations are
 * numbered by area (each feature area has its own range of versions), so a release may add a migration numbered below
 * the newest one a database already has; it is applied all the same ({@code outOfOrder}), never skipped.
 */
public final class Migrations {
    private Migrations() {}

    public static Flyway flyway(DataSource ds, StoreConfig config) {
        return Flyway.configure()
                .dataSource(ds)
                .locations(config.migrationLocations().toArray(new String[0]))
                .ignoreMigrationPatterns(new String[0])
                .validateOnMigrate(true)
                .outOfOrder(true)
                .cleanDisabled(true)
                .failOnMissingLocations(false)
                .load();
    }

    /** Checks for a newer schema, then migrates if asked; returns the number of migrations applied. */
    public static int run(DataSource ds, StoreConfig config) {
        Flyway flyway = flyway(ds, config);
        refuseNewer(flyway);
        if (!config.migrate()) {
            return 0;
        }
        MigrateResult r = flyway.migrate();
        return r.migrationsExecuted;
    }

    static void refuseNewer(Flyway flyway) {
        List<String> unknown = new ArrayList<>();
        String known = "none";
        for (MigrationInfo m : flyway.info().all()) {
            MigrationState s = m.getState();
            if (s == MigrationState.FUTURE_SUCCESS || s == MigrationState.FUTURE_FAILED
                    || s == MigrationState.MISSING_SUCCESS || s == MigrationState.MISSING_FAILED) {
                unknown.add("V" + m.getVersion() + " (" + m.getDescription() + ")");
            } else if (m.getVersion() != null && m.isVersioned()) {
                known = "V" + m.getVersion();
            }
        }
        if (!unknown.isEmpty()) {
            throw new SchemaTooNewException("the database schema has migration(s) " + String.join(", ", unknown)
                    + " that this program does not know (it knows up to " + known
                    + "): the database was written by a newer Basin; nothing was changed. Use a newer Basin or another database.");
        }
    }
}
