package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.store.internal.Mappers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every table of the migrated schema round-trips rows through the write path: single insert, binary COPY, read back
 * column by column, update, and constraint violations reported as {@link ConstraintViolationException}.
 */
class EveryTableRoundTripTest {
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
    void everyTableRoundTripsThroughInsertCopyAndUpdateAndReportsViolations() {
        assertThat(schema.order).hasSizeGreaterThanOrEqualTo(24);
        List<String> checked = new ArrayList<>();
        for (String name : schema.order) {
            Table<Map<String, Object>> t = schema.tables.get(name);
            Map<String, Object> first = schema.row(name, 0);
            Map<String, Object> second = schema.row(name, 1);
            store.insert(t, first);
            assertThat(store.copy(t, List.of(second))).as(name).isEqualTo(1);
            assertRow(t, first);
            assertRow(t, second);

            String key = t.key();
            assertThatThrownBy(() -> store.insert(t, first)).as(name)
                    .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                        assertThat(e.isUniqueViolation()).isTrue();
                        assertThat(e.table()).isEqualTo(name);
                    });

            Column<Map<String, Object>> target = updatable(t);
            if (target != null) {
                Object newValue = switch (target.type()) {
                    case JSONB -> Map.of("schema_version", 2, "updated", true);
                    case TIMESTAMPTZ -> SchemaRows.T.plusSeconds(60);
                    default -> throw new IllegalStateException();
                };
                int n = store.update(Update.of(t).set(target.name(), newValue).where(key, first.get(key)));
                assertThat(n).as(name).isEqualTo(1);
                Map<String, Object> updated = new java.util.LinkedHashMap<>(first);
                updated.put(target.name(), newValue);
                assertRow(t, updated);
            }
            Map<String, Object> orphan = schema.row(name, 0);
            boolean hasForeignKey = false;
            for (Column<Map<String, Object>> c : t.columns()) {
                if (!c.name().equals(key) && c.type() == ColumnType.TEXT && orphan.get(c.name()) != null
                        && isForeignKey(name, c.name())) {
                    orphan.put(c.name(), "missing_parent_" + Ids.next(""));
                    hasForeignKey = true;
                }
            }
            if (hasForeignKey) {
                assertThatThrownBy(() -> store.insert(t, orphan)).as(name)
                        .isInstanceOfSatisfying(ConstraintViolationException.class,
                                e -> assertThat(e.isForeignKeyViolation()).as(e.getMessage()).isTrue());
            }
            checked.add(name);
        }
        assertThat(checked).contains("ocean_waypoints", "kernel_checkpoints", "document_training_stats", "sessions");
    }

    static boolean isForeignKey(String table, String column) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
                WHERE c.contype = 'f' AND c.conrelid = CAST(:t AS regclass) AND a.attname = :c AND c.confrelid <> c.conrelid""")
                .bind("t", table).bind("c", column).mapTo(Long.class).one()) > 0;
    }

    /** A column to update: the metadata-like jsonb, else a write-time timestamp that has no ordering rule. */
    static Column<Map<String, Object>> updatable(Table<Map<String, Object>> t) {
        for (Column<Map<String, Object>> c : t.columns()) {
            if (c.type() == ColumnType.JSONB && (c.name().equals("metadata") || c.name().equals("config"))) {
                return c;
            }
        }
        for (Column<Map<String, Object>> c : t.columns()) {
            if (c.type() == ColumnType.JSONB && !c.name().equals("state_blob")) {
                return c;
            }
        }
        return null;
    }

    static void assertRow(Table<Map<String, Object>> t, Map<String, Object> expected) {
        String key = t.key();
        boolean triggers = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = CAST(:t AS regclass) AND NOT tgisinternal")
                .bind("t", t.name()).mapTo(Long.class).one()) > 0;
        store.jdbi().useHandle(h -> h.createQuery("SELECT * FROM " + t.name() + " WHERE " + key + " = :k")
                .bind("k", expected.get(key))
                .map((rs, ctx) -> {
                    for (Column<Map<String, Object>> c : t.columns()) {
                        Object actual = read(rs, c, ctx);
                        Object want = expected.get(c.name());
                        String where = t.name() + "." + c.name();
                        if (triggers && c.name().equals("updated_at")) {
                            continue; // stamped by the table's trigger with the database clock
                        }
                        if (want == null) {
                            assertThat(actual).as(where).isNull();
                        } else if (c.type() == ColumnType.JSONB) {
                            assertThat(actual).as(where).isEqualTo(store.json().valueToTree(want));
                        } else if (c.type() == ColumnType.DOUBLE_ARRAY) {
                            assertThat((double[]) actual).as(where).containsExactly((double[]) want);
                        } else {
                            assertThat(actual).as(where).isEqualTo(want);
                        }
                    }
                    return 1;
                }).one());
    }

    static Object read(java.sql.ResultSet rs, Column<?> c, StatementContext ctx) throws java.sql.SQLException {
        String n = c.name();
        return switch (c.type()) {
            case TEXT -> rs.getString(n);
            case INTEGER -> (Integer) rs.getObject(n);
            case BIGINT -> (Long) rs.getObject(n);
            case DOUBLE -> (Double) rs.getObject(n);
            case BOOLEAN -> (Boolean) rs.getObject(n);
            case TIMESTAMPTZ -> ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, n, ctx);
            case JSONB -> ctx.findColumnMapperFor(JsonNode.class).orElseThrow().map(rs, n, ctx);
            case BASIN -> ctx.findColumnMapperFor(Basin.class).orElseThrow().map(rs, n, ctx);
            case PATH -> ctx.findColumnMapperFor(Mappers.BASIN_LIST).orElseThrow().map(rs, n, ctx);
            case DOUBLE_ARRAY -> ctx.findColumnMapperFor(double[].class).orElseThrow().map(rs, n, ctx);
            case TEXT_ARRAY -> ctx.findColumnMapperFor(Mappers.STRING_LIST).orElseThrow().map(rs, n, ctx);
        };
    }

}
