package dev.basin.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.Basin;
import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading stored column values back into domain types, for the row mappers of {@code rag} and the feature packages
 * above it: basins are validated on the way in, JSON is parsed, timestamps become {@link Instant}s.
 */
public final class SqlRows {
    private SqlRows() {}

    /** A {@code double precision[]} basin column, validated. */
    public static Basin basin(ResultSet rs, String column) throws SQLException {
        return Basin.of(column, doubles(rs, column));
    }

    /** A {@code double precision[]} column as doubles, or null. */
    public static double[] doubles(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return null;
        }
        Object[] boxed = (Object[]) a.getArray();
        double[] v = new double[boxed.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) boxed[i]).doubleValue();
        }
        return v;
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
        Timestamp t = rs.getTimestamp(column);
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
}
