package dev.basin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.Basin;
import dev.basin.store.internal.Mappers;
import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Reading stored column values back into domain types, the one set of helpers for every feature's row mappers: basins
 * are validated on the way in, JSON is parsed, timestamps become {@link Instant}s.
 */
public final class Rows {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private Rows() {}

    /** A {@code double precision[]} basin column, validated, or null (the same reading as Jdbi's basin mapper). */
    public static Basin basin(ResultSet rs, String column) throws SQLException {
        return Mappers.basin(rs, rs.findColumn(column));
    }

    /** A {@code double precision[]} column as doubles, or null. */
    public static double[] doubles(ResultSet rs, String column) throws SQLException {
        return Mappers.doubles(rs, rs.findColumn(column));
    }

    /** A {@code text[]} column, or an empty list when null. */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    /** A {@code timestamptz} column, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A {@code jsonb} column (select it as {@code col::text}), parsed. */
    public static JsonNode json(ObjectMapper json, ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new SQLException("column " + column + " is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code table} holds a row whose text key {@code keyColumn} is {@code key}: the one existence check, for
     * a clear "unknown id" before a write the foreign key would refuse anyway (table and column are code's lower-case
     * identifiers, never input).
     */
    public static boolean exists(Handle h, String table, String keyColumn, String key) {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(keyColumn).matches()) {
            throw new IllegalArgumentException("not a lower-case SQL identifier: " + table + "." + keyColumn);
        }
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + keyColumn + " = :key)")
                .bind("key", key).mapTo(Boolean.class).one();
    }
}
