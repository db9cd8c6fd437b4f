package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Checks of the reliability workload against the database: acknowledged rows, whole units, table snapshots. */
final class WorkloadCheck {
    /** The workload's tables and their keys, parents first. */
    static final Map<String, String> TABLES = tables();

    private WorkloadCheck() {}

    private static Map<String, String> tables() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sessions", "session_id");
        m.put("kernels", "kernel_id");
        m.put("lightning_insights", "insight_id");
        m.put("lightning_insight_outcomes", "outcome_id");
        return m;
    }

    /** Every acknowledged session row and every acknowledged unit's three rows are stored exactly once. */
    static void assertAcknowledgedPresentOnce(Jdbi jdbi, AckLog acks) {
        Set<String> sessions = acks.sessions();
        Set<String> units = acks.units();
        assertThat(count(jdbi, "sessions", "session_id", new ArrayList<>(sessions)))
                .as("acknowledged sessions stored exactly once").isEqualTo(sessions.size());
        for (String[] t : new String[][] {{"kernels", "kernel_id", "krn_"}, {"lightning_insights", "insight_id", "ins_"},
                {"lightning_insight_outcomes", "outcome_id", "liout_"}}) {
            List<String> ids = units.stream().map(h -> t[2] + h).toList();
            assertThat(count(jdbi, t[0], t[1], ids)).as("acknowledged units' rows in " + t[0] + " stored exactly once")
                    .isEqualTo(units.size());
        }
    }

    private static long count(Jdbi jdbi, String table, String key, List<String> ids) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " WHERE " + key + " = ANY(:ids)")
                .bindArray("ids", String.class, ids).mapTo(Long.class).one());
    }

    /** Number of kernel+insight+outcome units of which some but not all rows exist (must be 0). */
    static long partialUnits(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                WITH k AS (SELECT substr(kernel_id, 5) AS hex FROM kernels),
                     i AS (SELECT substr(insight_id, 5) AS hex FROM lightning_insights),
                     o AS (SELECT substr(outcome_id, 7) AS hex FROM lightning_insight_outcomes),
                     hexes AS (SELECT hex FROM k UNION SELECT hex FROM i UNION SELECT hex FROM o)
                SELECT count(*) FROM hexes x
                WHERE NOT (EXISTS (SELECT 1 FROM k WHERE k.hex = x.hex) AND EXISTS (SELECT 1 FROM i WHERE i.hex = x.hex)
                           AND EXISTS (SELECT 1 FROM o WHERE o.hex = x.hex))
                """).mapTo(Long.class).one());
    }

    /** Row count and an MD5 of every row's text, per workload table: equal snapshots mean unchanged tables. */
    static Map<String, String> snapshot(Jdbi jdbi) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                out.put(t.getKey(), h.createQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t."
                        + t.getValue() + ")), '-') FROM " + t.getKey() + " t").mapTo(String.class).one());
            }
        });
        return out;
    }

    static long rows(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
