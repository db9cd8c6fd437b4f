package dev.basin.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Read-only probes of the database behind a {@link Store}, for health checks and metrics: whether it answers and how
 * fast, whether its schema carries exactly the migrations this program ships, and per table its exact row count and
 * PostgreSQL's own counters ({@code pg_stat_user_tables}). Generic over the schema's tables (their names come from the
 * catalog, never from input), so no feature's SQL lives here.
 */
public final class DatabaseProbe {
    private static final String HISTORY = "flyway_schema_history";

    private final Store store;

    public DatabaseProbe(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Whether the database answered {@code SELECT 1}: the round trip in milliseconds, or the failure's type. */
    public record Reachability(boolean reachable, double latencyMs, String error) {}

    /**
     * The schema against the shipped migrations: {@code current} when none is pending, none is unknown to this program
     * (applied by a newer one, or missing from it) and one is applied.
     */
    public record Migrations(boolean current, String applied, int pending, long unknown) {}

    /** PostgreSQL's counters of one table: rows inserted since statistics began, and live rows (an estimate). */
    public record Activity(long inserted, long live) {}

    /** Sends {@code SELECT 1}; a failure to connect or answer comes back as unreachable with its exception type. */
    public Reachability ping() {
        long t0 = System.nanoTime();
        try {
            store.jdbi().useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return new Reachability(true, (System.nanoTime() - t0) / 1e6, null);
        } catch (RuntimeException e) {
            return new Reachability(false, Double.NaN, "unreachable: " + e.getClass().getSimpleName());
        }
    }

    /** The migration state of the schema, read from Flyway's history table. */
    public Migrations migrations() {
        MigrationInfoService info = Flyway.configure()
                .dataSource(store.dataSource())
                .locations(store.config().migrationLocations().toArray(new String[0]))
                .failOnMissingLocations(false)
                .load()
                .info();
        MigrationInfo applied = info.current();
        int pending = info.pending().length;
        long unknown = Arrays.stream(info.all()).filter(m -> m.getState().name().startsWith("FUTURE")
                || m.getState().name().startsWith("MISSING")).count();
        return new Migrations(pending == 0 && unknown == 0 && applied != null,
                applied == null ? null : applied.getVersion().toString(), pending, unknown);
    }

    /** The tables of the current schema that PostgreSQL keeps statistics for, without Flyway's history. */
    public List<String> tableNames() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT relname FROM pg_stat_user_tables "
                + "WHERE schemaname = current_schema() AND relname <> :history ORDER BY relname")
                .bind("history", HISTORY).mapTo(String.class).list());
    }

    /** Exact row counts ({@code count(*)}) of every table of the current schema, by name. */
    public Map<String, Long> rowCounts() {
        return store.jdbi().withHandle(h -> {
            Map<String, String> quoted = new LinkedHashMap<>();
            h.createQuery("SELECT tablename, quote_ident(tablename) FROM pg_tables "
                    + "WHERE schemaname = current_schema() AND tablename <> :history ORDER BY tablename")
                    .bind("history", HISTORY).map((rs, c) -> quoted.put(rs.getString(1), rs.getString(2))).list();
            Map<String, Long> out = new LinkedHashMap<>();
            quoted.forEach((name, q) -> out.put(name, h.createQuery("SELECT count(*) FROM " + q).mapTo(Long.class).one()));
            return out;
        });
    }

    /** PostgreSQL's insert and live-row counters of every user table, by name. */
    public Map<String, Activity> activity() {
        return store.jdbi().withHandle(h -> {
            Map<String, Activity> out = new LinkedHashMap<>();
            h.createQuery("SELECT relname, n_tup_ins, n_live_tup FROM pg_stat_user_tables")
                    .map((rs, c) -> out.put(rs.getString(1), new Activity(rs.getLong(2), rs.getLong(3)))).list();
            return out;
        });
    }
}
