package dev.basin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.internal.Mappers;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reading stored column values back into domain types, the one set of helpers for every feature's row mappers: basins
 * are validated on the way in, JSON is parsed, timestamps become {@link Instant}s.
 */
public final class Rows {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final ObjectMapper JSON = Store.newObjectMapper();

    private Rows() {}

    /** A {@code double precision[]} basin column, validated, or null (the same reading as Jdbi's basin mapper). */
    public static Basin basin(ResultSet rs, String column) throws SQLException {
        return Mappers.basin(rs, rs.findColumn(column));
    }

    /** A text column holding a stored enum ({@link StoredName}); anything else is invalid input naming the column. */
    public static <E extends Enum<E> & StoredName> E stored(ResultSet rs, String column, Class<E> type)
            throws SQLException {
        return StoredName.parse(type, column, rs.getString(column));
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

    /** A {@code jsonb} column, parsed (with the store's one mapper), or null. */
    public static JsonNode json(ResultSet rs, String column) throws SQLException {
        return Mappers.json(rs, rs.findColumn(column), JSON);
    }

    /** The one check of a page of a list read: {@code limit} in [1, 10000], {@code offset} non-negative. */
    public static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", "must be in [1, 10000], is " + limit);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be non-negative, is " + offset);
        }
    }

    /**
     * A page of a list read: {@code sql} (ending in its ORDER BY) with {@code LIMIT :limit OFFSET :offset} appended and
     * bound, after {@link #checkPage}. Callers bind their own parameters and map the rows.
     */
    public static Query page(Handle h, String sql, int limit, int offset) {
        checkPage(limit, offset);
        return h.createQuery(sql + " LIMIT :limit OFFSET :offset").bind("limit", limit).bind("offset", offset);
    }

    /**
     * Whether kernel {@code kernelId} exists: the one check the features below {@code kernel} (which owns the table and
     * which they cannot import) make before writing a row that references a kernel.
     */
    public static boolean kernelExists(Handle h, String kernelId) {
        return exists(h, "kernels", "kernel_id", kernelId);
    }

    /**
     * Whether {@code table} holds a row whose text columns equal the given values, named in pairs (column, value, ...):
     * the one existence check, for a clear "unknown id" before a write the foreign key would refuse anyway. A feature
     * below the owner of a referenced row checks it here rather than writing SQL of that table (table and columns are
     * code's lower-case identifiers, never input).
     */
    public static boolean exists(Handle h, String table, String... columnsAndValues) {
        if (columnsAndValues.length == 0 || columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("columns and values come in pairs, got " + columnsAndValues.length);
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String column = columnsAndValues[i];
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException("not a lower-case SQL identifier: " + column);
            }
            where.append(i == 0 ? "" : " AND ").append(column).append(" = :v").append(i / 2);
        }
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a lower-case SQL identifier: " + table);
        }
        var q = h.createQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + where + ")");
        for (int i = 1; i < columnsAndValues.length; i += 2) {
            q.bind("v" + i / 2, columnsAndValues[i]);
        }
        return q.mapTo(Boolean.class).one();
    }
}
