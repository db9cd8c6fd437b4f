package dev.basin.store;

/**
 * PostgreSQL column types a table declaration may use, with the Java value each expects from a record getter.
 *
 * <ul>
 *   <li>{@link #TEXT} {@code String}; {@link #INTEGER} {@code Integer}; {@link #BIGINT} {@code Long};
 *       {@link #DOUBLE} {@code Double}; {@link #BOOLEAN} {@code Boolean}; {@link #TIMESTAMPTZ} {@code Instant}
 *   <li>{@link #JSONB} a Jackson {@code JsonNode}, or a {@code Map}/{@code List}/record that the store serialises
 *   <li>{@link #BASIN} {@code dev.basin.geometry.Basin} (stored as {@code double precision[]} of 64)
 *   <li>{@link #PATH} {@code List<Basin>} (stored as a 2-D {@code double precision[]}, points × 64)
 *   <li>{@link #DOUBLE_ARRAY} {@code double[]}; {@link #TEXT_ARRAY} {@code List<String>}
 * </ul>
 *
 * A getter may return {@code null} only for a nullable column.
 */
public enum ColumnType {
    TEXT("text"),
    INTEGER("integer"),
    BIGINT("bigint"),
    DOUBLE("double precision"),
    BOOLEAN("boolean"),
    TIMESTAMPTZ("timestamptz"),
    JSONB("jsonb"),
    BASIN("double precision[]"),
    PATH("double precision[]"),
    DOUBLE_ARRAY("double precision[]"),
    TEXT_ARRAY("text[]");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The PostgreSQL type name, as used in casts. */
    public String sqlType() {
        return sqlType;
    }
}
