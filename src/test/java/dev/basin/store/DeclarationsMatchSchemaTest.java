package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.cli.AllTables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The features' table declarations (gathered in {@link AllTables}) agree with the migrated schema: every table of the
 * schema is declared exactly once, 20 feature tables and 5 parent tables, each with an owner; every declared column
 * exists with the type its {@link ColumnType} writes; the key is the primary key.
 */
class DeclarationsMatchSchemaTest {
    static final Set<String> PARENTS = Set.of("sessions", "kernels", "lightning_insights", "rag_chunks", "coordizer_models");
    static Store store;
    static SchemaRows schema;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        schema = store.jdbi().withHandle(SchemaRows::new);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyTableIsDeclaredOnceWithItsColumnsTypesKeyAndOwner() {
        List<Table<?>> declared = AllTables.list();
        assertThat(declared).as("table declarations gathered in AllTables").hasSize(25);
        Map<String, Long> counts = declared.stream().collect(Collectors.groupingBy(Table::name, Collectors.counting()));
        assertThat(counts.values()).as("each table declared once").allMatch(n -> n == 1);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(schema.tables.keySet());
        assertThat(declared.stream().filter(Table::isParent).map(Table::name)).containsExactlyInAnyOrderElementsOf(PARENTS);
        assertThat(declared.stream().filter(t -> !t.isParent())).hasSize(20);
        for (Table<?> t : declared) {
            assertThat(t.owner()).as(t.name()).isIn("navigation", "attractors", "safety", "kernel", "runs", "knowledge", "tools",
                    "rag", "session", "coordizer");
            Table<Map<String, Object>> db = schema.tables.get(t.name());
            assertThat(t.key()).as(t.name() + " key").isEqualTo(db.key());
            for (Column<?> c : t.columns()) {
                assertThat(db.hasColumn(c.name())).as(t.name() + "." + c.name() + " exists").isTrue();
                ColumnType dbType = db.column(c.name()).type();
                assertThat(c.type()).as(t.name() + "." + c.name() + " type").isEqualTo(dbType);
            }
        }
    }

    /**
     * A table declared with a change feed has the stamp column the store relies on (xid8, not null, default the
     * writing transaction's id) and an index leading with it; no other table has one.
     */
    @Test
    void changeFeedTablesCarryAnIndexedStampDefaultingToTheWritingTransaction() {
        List<Table<?>> declared = AllTables.list();
        assertThat(declared).as("table declarations gathered in AllTables").hasSize(25);
        List<Map<String, Object>> stamps = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.table_name AS tbl, c.data_type AS type, c.is_nullable AS nullable, c.column_default AS dflt,
                       EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                                AND a.attnum = i.indkey[0]
                               WHERE i.indrelid = CAST(c.table_name AS regclass) AND a.attname = c.column_name) AS indexed
                FROM information_schema.columns c
                WHERE c.table_schema = 'public' AND c.column_name = :stamp""").bind("stamp", ChangeFeed.STAMP)
                .mapToMap().list());
        Set<String> feeds = declared.stream().filter(t -> t.changeFeed() != null).map(Table::name).collect(Collectors.toSet());
        assertThat(feeds).contains("geometric_barriers", "ocean_excluded_regions", "era_exclusions");
        assertThat(stamps.stream().map(m -> (String) m.get("tbl"))).containsExactlyInAnyOrderElementsOf(feeds);
        for (Map<String, Object> m : stamps) {
            assertThat(m.get("type")).as(m.get("tbl") + " stamp type").isEqualTo("xid8");
            assertThat(m.get("nullable")).as(m.get("tbl") + " stamp nullable").isEqualTo("NO");
            assertThat(m.get("dflt")).as(m.get("tbl") + " stamp default").isEqualTo("pg_current_xact_id()");
            assertThat(m.get("indexed")).as(m.get("tbl") + " stamp indexed").isEqualTo(true);
        }
    }
}
