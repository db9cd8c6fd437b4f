package dev.basin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.store.ColumnType;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
    static Store store;

    record Probe(String id, String never, String same, String varied, Instant at) {}

    static final Table<Probe> PROBES = Table.<Probe>named("probe_rows").owner("testing").key("id")
            .column("id", ColumnType.TEXT, Probe::id)
            .column("never", ColumnType.TEXT, Probe::never)
            .column("same", ColumnType.TEXT, Probe::same)
            .column("varied", ColumnType.TEXT, Probe::varied)
            .column("at", ColumnType.TIMESTAMPTZ, Probe::at)
            .constantBecause("same", "one coordizer version per run")
            .build();

    record Empty(String id) {}

    static final Table<Empty> EMPTY = Table.<Empty>named("probe_empty").owner("testing").key("id")
            .column("id", ColumnType.TEXT, Empty::id).build();
    static final Table<Empty> PARENT = Table.<Empty>named("probe_parent").owner("testing").key("id").parent()
            .column("id", ColumnType.TEXT, Empty::id).build();

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.jdbi().useHandle(h -> h.createScript("""
                CREATE TABLE probe_rows (id text PRIMARY KEY, never text, same text, varied text,
                                         at timestamptz NOT NULL DEFAULT now());
                CREATE TABLE probe_empty (id text PRIMARY KEY);
                CREATE TABLE probe_parent (id text PRIMARY KEY);
                """).execute());
        store.register(PROBES, EMPTY, PARENT);
        store.insertBatch(PROBES, List.of(
                new Probe("a", null, "v1", "x", Instant.parse("2026-01-01T00:00:00Z")),
                new Probe("b", null, "v1", "y", Instant.parse("2026-01-02T00:00:00Z")),
                new Probe("c", null, "v1", null, Instant.parse("2026-01-03T00:00:00.123456Z"))));
        store.insert(PARENT, new Empty("p"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void flagsACraftedEmptyTableAllNullColumnAndConstantColumn() {
        CoverageReport r = DatabaseAuditor.report(store);
        TableStats probes = r.table("probe_rows");
        assertThat(probes.rows()).isEqualTo(3);
        assertThat(probes.owner()).isEqualTo("testing");
        assertThat(probes.newestWrite()).isEqualTo(Instant.parse("2026-01-03T00:00:00.123456Z"));
        ColumnStats never = probes.columns().get(1);
        assertThat(never.name()).isEqualTo("never");
        assertThat(never.flags()).containsExactly(Flag.ALL_NULL);
        assertThat(never.nullFraction()).isEqualTo(1.0);
        ColumnStats same = probes.columns().get(2);
        assertThat(same.flags()).containsExactly(Flag.CONSTANT);
        assertThat(same.distinct()).isEqualTo(1);
        assertThat(same.constantReason()).isEqualTo("one coordizer version per run");
        ColumnStats varied = probes.columns().get(3);
        assertThat(varied.flags()).isEmpty();
        assertThat(varied.distinct()).isEqualTo(2);
        assertThat(varied.nullFraction()).isEqualTo(1.0 / 3);

        TableStats empty = r.table("probe_empty");
        assertThat(empty.rows()).isZero();
        assertThat(empty.columns()).allSatisfy(c -> assertThat(c.flags()).containsExactly(Flag.EMPTY_TABLE));

        assertThat(r.table("flyway_schema_history")).isNull();
        CoverageSummary s = r.summary();
        assertThat(s.featureTablesTotal()).isEqualTo(2);
        assertThat(s.featureTablesPopulated()).isEqualTo(1);
        assertThat(s.parentTablesTotal()).isEqualTo(1);
        assertThat(s.parentTablesPopulated()).isEqualTo(1);
        assertThat(s.columnsConstantExplained()).isEqualTo(1);
        assertThat(s.columnsTotal()).isEqualTo(r.tables().stream().mapToInt(t -> t.columns().size()).sum());

        String text = r.toText();
        assertThat(text).contains("probe_rows.never").contains("ALL_NULL")
                .contains("constant because: one coordizer version per run")
                .contains("Feature tables populated 1/2, parent tables populated 1/1");
    }

    @Test
    void jsonHasTheDocumentedShape() {
        var json = DatabaseAuditor.report(store).toJson(store.json());
        var empty = json.get("tables").findValues("name");
        assertThat(empty).isNotEmpty();
        var t = json.get("tables").get(0);
        assertThat(t.fieldNames()).toIterable().contains("name", "rows", "owner", "columns");
        var c = t.get("columns").get(0);
        assertThat(c.fieldNames()).toIterable().contains("name", "nullFraction", "distinct", "flags");
        assertThat(json.get("summary").get("featureTablesPopulated").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("featureTablesTotal").asInt()).isEqualTo(2);
    }
}
