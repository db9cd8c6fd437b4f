package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every lookup by a key or a foreign key of the migrated schema is served by an index: the plan shows an index scan
 * (sequential scans disabled, so the test shows an index can serve the lookup whatever the table's size now).
 */
class SchemaIndexTest {
    static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyForeignKeyHasAnIndexLeadingWithItsColumns() {
        List<Map<String, Object>> missing = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.conrelid::regclass::text AS tbl, c.conname AS fk
                FROM pg_constraint c
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
                                  AND i.indkey[0] = c.conkey[1])
                """).mapToMap().list());
        assertThat(missing).as("foreign keys without an index").isEmpty();
    }

    @Test
    void lookupsByEveryKeyAndForeignKeyColumnPlanAnIndexScan() {
        List<Map<String, Object>> keys = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, c.contype AS kind,
                       (SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i
                        WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
                        ORDER BY i.indpred IS NOT NULL LIMIT 1) AS predicate
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                WHERE c.contype IN ('p', 'f', 'u') AND c.connamespace = 'public'::regnamespace
                  AND c.conrelid::regclass::text <> 'flyway_schema_history'
                ORDER BY 1, 2
                """).mapToMap().list());
        assertThat(keys).hasSizeGreaterThan(40);
        for (Map<String, Object> k : keys) {
            // a partial index serves the lookup the feature makes, which carries the index's predicate
            Object predicate = k.get("predicate");
            String sql = "SELECT * FROM " + k.get("tbl") + " WHERE " + k.get("col") + " = 'x'"
                    + (predicate == null ? "" : " AND " + predicate);
            String plan = store.jdbi().inTransaction(h -> {
                h.execute("SET LOCAL enable_seqscan = off");
                return String.join("\n", h.createQuery("EXPLAIN " + sql).mapTo(String.class).list());
            });
            assertThat(plan).as(sql).containsAnyOf("Index Scan", "Index Only Scan", "Bitmap Index Scan")
                    .doesNotContain("Seq Scan");
        }
    }
}
