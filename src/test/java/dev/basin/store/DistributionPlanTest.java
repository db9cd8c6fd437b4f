package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan for a distributed PostgreSQL (Citus) in docs/scale.md, checked against the migrated schema. The plan's
 * placement table gives every table a placement: distributed by a column (colocated with {@code kernels}), reference
 * (replicated to every node), or coordinator (a plain table on the coordinator). The rules Citus needs:
 * <ul>
 *   <li>a distributed table's distribution column exists, is NOT NULL and is text (one colocation group);</li>
 *   <li>every primary key, unique constraint and unique index of a distributed table includes its distribution
 *       column;</li>
 *   <li>a foreign key between distributed tables joins their distribution columns (same position on both sides);
 *       distributed → reference, reference → reference, coordinator → reference and coordinator → coordinator keys
 *       are allowed; any other pairing (into a distributed table from elsewhere, out of a reference table to a
 *       non-reference one, between distributed and coordinator tables) is not.</li>
 * </ul>
 * Every constraint of today's schema that breaks a rule must be listed in the plan's table of changes, with the change
 * the plan makes, and nothing else may be listed there: a new constraint that breaks a rule, or a migration that fixes
 * one without the document following, fails this test.
 */
class DistributionPlanTest {
    static final Path PLAN = Path.of("docs", "scale.md");
    static final String PLACEMENT_HEADER = "| table | placement | distribution column | why |";
    static final String CHANGES_HEADER = "| constraint | table | rule it breaks | change under the plan |";

    static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    record Placement(String kind, String column) {}

    record Key(String name, String table, List<String> columns) {}

    record Fk(String name, String table, List<String> columns, String parent, List<String> parentColumns) {}

    @Test
    void theSchemaKeepsTheRulesOfTheDistributionPlanExceptTheListedChanges() throws IOException {
        List<String> lines = Files.readAllLines(PLAN, StandardCharsets.UTF_8);
        Map<String, Placement> placement = new TreeMap<>();
        for (List<String> row : rows(lines, PLACEMENT_HEADER)) {
            String table = code(row.get(0));
            String kind = row.get(1).trim();
            assertThat(kind).as("placement of " + table).isIn("distributed", "reference", "coordinator");
            String column = kind.equals("distributed") ? code(row.get(2)) : null;
            assertThat(placement.put(table, new Placement(kind, column))).as(table + " placed twice").isNull();
        }
        Map<String, String> listed = new TreeMap<>();
        for (List<String> row : rows(lines, CHANGES_HEADER)) {
            assertThat(listed.put(code(row.get(0)), code(row.get(1)))).as(row.get(0) + " listed twice").isNull();
        }

        List<String> tables = store.jdbi().withHandle(h -> h.createQuery("SELECT relname FROM pg_class WHERE relkind = 'r'"
                + " AND relnamespace = 'public'::regnamespace AND relname <> 'flyway_schema_history' ORDER BY 1")
                .mapTo(String.class).list());
        assertThat(placement.keySet()).as("every table placed, and only tables of the schema").containsExactlyInAnyOrderElementsOf(tables);

        for (Map.Entry<String, Placement> e : placement.entrySet()) {
            if (e.getValue().kind().equals("distributed")) {
                Map<String, Object> col = store.jdbi().withHandle(h -> h.createQuery("SELECT data_type, is_nullable FROM"
                        + " information_schema.columns WHERE table_schema = 'public' AND table_name = :t AND column_name = :c")
                        .bind("t", e.getKey()).bind("c", e.getValue().column()).mapToMap().findOne().orElse(null));
                assertThat(col).as("distribution column %s.%s exists", e.getKey(), e.getValue().column()).isNotNull();
                assertThat(col.get("data_type")).as("type of %s.%s (one colocation group)", e.getKey(), e.getValue().column())
                        .isEqualTo("text");
                assertThat(col.get("is_nullable")).as("%s.%s is NOT NULL", e.getKey(), e.getValue().column()).isEqualTo("NO");
            }
        }

        Map<String, String> broken = new TreeMap<>();
        for (Key k : keys()) {
            Placement p = placement.get(k.table());
            if (p.kind().equals("distributed") && !k.columns().contains(p.column())) {
                broken.put(k.name(), k.table());
            }
        }
        for (Fk f : foreignKeys()) {
            Placement child = placement.get(f.table());
            Placement parent = placement.get(f.parent());
            boolean ok = switch (child.kind() + ">" + parent.kind()) {
                case "distributed>distributed" -> {
                    int i = f.columns().indexOf(child.column());
                    yield i >= 0 && f.parentColumns().get(i).equals(parent.column());
                }
                case "distributed>reference", "reference>reference", "coordinator>reference", "coordinator>coordinator" -> true;
                default -> false;
            };
            if (!ok) {
                broken.put(f.name(), f.table());
            }
        }
        assertThat(broken).as("constraints that break a rule of the plan (left) = the plan's table of changes (right)")
                .isEqualTo(listed);
    }

    List<Key> keys() {
        return store.jdbi().withHandle(h -> h.createQuery("""
                SELECT i.indexrelid::regclass::text AS name, c.relname AS tbl,
                       array_agg(a.attname::text ORDER BY k.ord) AS cols,
                       (SELECT conname FROM pg_constraint WHERE conindid = i.indexrelid AND contype IN ('p', 'u')) AS con
                FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indisunique AND c.relnamespace = 'public'::regnamespace AND c.relname <> 'flyway_schema_history'
                GROUP BY i.indexrelid, c.relname
                """).map((rs, ctx) -> new Key(rs.getString("con") != null ? rs.getString("con") : rs.getString("name"),
                rs.getString("tbl"), List.of((String[]) rs.getArray("cols").getArray()))).list());
    }

    List<Fk> foreignKeys() {
        return store.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.conname AS name, c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS parent,
                       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
                       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS pcols
                FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                """).map((rs, ctx) -> new Fk(rs.getString("name"), rs.getString("tbl"),
                List.of((String[]) rs.getArray("cols").getArray()), rs.getString("parent"),
                List.of((String[]) rs.getArray("pcols").getArray()))).list());
    }

    /** The body rows of the Markdown table under {@code header}, split into cells. */
    static List<List<String>> rows(List<String> lines, String header) {
        int at = lines.indexOf(header);
        assertThat(at).as("docs/scale.md has a table headed " + header).isNotNegative();
        List<List<String>> out = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String l = lines.get(i);
            List<String> cells = new ArrayList<>(List.of(l.substring(1, l.length() - 1).split("\\|", -1)));
            out.add(cells);
        }
        assertThat(out).as("rows of " + header).isNotEmpty();
        return out;
    }

    /** The text inside the first pair of backticks of a cell. */
    static String code(String cell) {
        int a = cell.indexOf('`');
        int b = cell.indexOf('`', a + 1);
        assertThat(a).as("a `name` in cell: " + cell).isNotNegative();
        return cell.substring(a + 1, b);
    }

}
