package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Regime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A table declared from a row record: its columns, their types and values, renames and computed values. */
class TableOfRecordTest {
    enum Kind implements StoredName { PRE_SLEEP, AWAKE }

    record Pair(double a, double b) {}

    record Row(String rowId, int count, Long total, double phiValue, boolean active, Instant seenAt, Basin basin,
            List<Basin> path, double[] weights, List<String> tags, Kind kind, Regime regime, JsonNode metadata,
            Map<String, Double> scores, Pair pair) {}

    record Odd(String oddId, Object anything) {}

    static Row row() {
        Basin b = Basin.uniform();
        return new Row("r1", 3, null, 0.5, true, Instant.EPOCH, b, List.of(b), new double[] {1, 2}, List.of("x"),
                Kind.PRE_SLEEP, Regime.GEOMETRIC, JsonNodeFactory.instance.objectNode(), Map.of("s", 1.0),
                new Pair(1, 2));
    }

    @Test
    void everyComponentIsAColumnInSnakeCaseTypedByItsJavaType() {
        Table<Row> t = Table.of(Row.class, "t_rows").owner("testing").key("row_id").build();
        assertThat(t.columns()).extracting(Column::name).containsExactly("row_id", "count", "total", "phi_value",
                "active", "seen_at", "basin", "path", "weights", "tags", "kind", "regime", "metadata", "scores",
                "pair");
        assertThat(t.columns()).extracting(Column::type).containsExactly(ColumnType.TEXT, ColumnType.INTEGER,
                ColumnType.BIGINT, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.TIMESTAMPTZ, ColumnType.BASIN,
                ColumnType.PATH, ColumnType.DOUBLE_ARRAY, ColumnType.TEXT_ARRAY, ColumnType.TEXT, ColumnType.TEXT,
                ColumnType.JSONB, ColumnType.JSONB, ColumnType.JSONB);
    }

    @Test
    void valuesAreTheAccessorsWithEnumsByTheirStoredName() {
        Row r = row();
        Object[] v = Table.of(Row.class, "t_rows").owner("testing").key("row_id").build().values(r);
        assertThat(Arrays.asList(v).subList(0, 7)).containsExactly("r1", 3, null, 0.5, true, Instant.EPOCH, r.basin());
        assertThat(v[10]).isEqualTo("pre_sleep");
        assertThat(v[11]).isEqualTo("geometric");
        assertThat(v[14]).isSameAs(r.pair());
    }

    @Test
    void renameAndValueChangeOneColumnEach() {
        Table<Row> t = Table.of(Row.class, "t_rows").owner("testing").key("row_id")
                .rename("basin", "basin_coordinates")
                .value("pair", r -> Map.of("a", r.pair().a()))
                .build();
        assertThat(t.hasColumn("basin")).isFalse();
        assertThat(t.column("basin_coordinates").type()).isEqualTo(ColumnType.BASIN);
        assertThat(t.column("pair").valueOf(row())).isEqualTo(Map.of("a", 1.0));
    }

    @Test
    void mistakesFailWhenDeclared() {
        assertThatThrownBy(() -> Table.of(Row.class, "t_rows").rename("nope", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no record component nope");
        assertThatThrownBy(() -> Table.of(Row.class, "t_rows").rename("count", "total"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("column total declared twice");
        assertThatThrownBy(() -> Table.of(Row.class, "t_rows").value("nope", r -> 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("undeclared column nope");
        assertThatThrownBy(() -> Table.of(Odd.class, "t_odd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Odd.anything");
    }
}
