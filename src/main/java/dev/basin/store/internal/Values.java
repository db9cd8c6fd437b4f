package dev.basin.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.Basin;
import dev.basin.store.ColumnType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.postgresql.util.PGobject;

/** Converts record values to JDBC parameters by declared column type, checking the Java type on the way. */
public final class Values {
    private Values() {}

    /** The SQL placeholder for a parameter of {@code type}: casts where pgjdbc cannot infer the type of a null. */
    public static String placeholder(ColumnType type) {
        return switch (type) {
            case TEXT, INTEGER, BIGINT, DOUBLE, BOOLEAN -> "?";
            default -> "CAST(? AS " + type.sqlType() + ")";
        };
    }

    /**
     * The canonical form of a record value, checked against the declared type: String, Integer, Long, Double,
     * Boolean, Instant, JSON text (String), double[] (BASIN, DOUBLE_ARRAY), double[][] (PATH), String[] (TEXT_ARRAY).
     * {@code where} names the table and column in errors.
     */
    public static Object canonical(ColumnType type, Object value, ObjectMapper json, String where) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> expect(String.class, value, type, where);
            case INTEGER -> toInt(value, where);
            case BIGINT -> toLong(value, where);
            case DOUBLE -> toDouble(value, where);
            case BOOLEAN -> expect(Boolean.class, value, type, where);
            case TIMESTAMPTZ -> toInstant(value, where);
            case JSONB -> toJson(value, json, where);
            case BASIN -> expect(Basin.class, value, type, where).toArray();
            case PATH -> toMatrix(value, where);
            case DOUBLE_ARRAY -> expect(double[].class, value, type, where).clone();
            case TEXT_ARRAY -> toStringArray(value, where);
        };
    }

    /**
     * The PostgreSQL text form of a canonical scalar value (an element of a text array cast to the column's type), or
     * null for SQL NULL. Doubles print as Java's shortest round-trip decimal, which PostgreSQL reads back exactly.
     */
    public static String text(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case TEXT, JSONB -> (String) value;
            case INTEGER, BIGINT, DOUBLE, BOOLEAN, TIMESTAMPTZ -> value.toString();
            case BASIN, PATH, DOUBLE_ARRAY, TEXT_ARRAY -> throw new IllegalArgumentException(type + " has no scalar text form");
        };
    }

    /** Binds a {@linkplain #canonical canonical} value of a column of {@code type} as parameter {@code index}. */
    public static void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(type));
            return;
        }
        switch (type) {
            case TEXT -> ps.setString(index, (String) value);
            case INTEGER -> ps.setInt(index, (Integer) value);
            case BIGINT -> ps.setLong(index, (Long) value);
            case DOUBLE -> ps.setDouble(index, (Double) value);
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case TIMESTAMPTZ -> ps.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
            case JSONB -> ps.setObject(index, jsonb((String) value));
            case BASIN, PATH, DOUBLE_ARRAY, TEXT_ARRAY -> ps.setObject(index, value);
        }
    }

    static int sqlType(ColumnType type) {
        return switch (type) {
            case TEXT -> Types.VARCHAR;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case JSONB -> Types.OTHER;
            case BASIN, PATH, DOUBLE_ARRAY, TEXT_ARRAY -> Types.ARRAY;
        };
    }

    static PGobject jsonb(String text) throws SQLException {
        PGobject o = new PGobject();
        o.setType("jsonb");
        o.setValue(text);
        return o;
    }

    static <T> T expect(Class<T> cls, Object value, ColumnType type, String where) {
        if (!cls.isInstance(value)) {
            throw wrongType(where, type, cls.getSimpleName(), value);
        }
        return cls.cast(value);
    }

    static IllegalArgumentException wrongType(String where, ColumnType type, String expected, Object value) {
        return new IllegalArgumentException(where + " (" + type + ") expects " + expected + ", got "
                + value.getClass().getName());
    }

    static int toInt(Object v, String where) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short || v instanceof Byte || v instanceof Long) {
            long l = ((Number) v).longValue();
            if (l == (int) l) {
                return (int) l;
            }
            throw new IllegalArgumentException(where + " (INTEGER) out of range: " + l);
        }
        throw wrongType(where, ColumnType.INTEGER, "Integer", v);
    }

    static long toLong(Object v, String where) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw wrongType(where, ColumnType.BIGINT, "Long", v);
    }

    static double toDouble(Object v, String where) {
        if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Long) {
            return ((Number) v).doubleValue();
        }
        throw wrongType(where, ColumnType.DOUBLE, "Double", v);
    }

    static Instant toInstant(Object v, String where) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw wrongType(where, ColumnType.TIMESTAMPTZ, "Instant", v);
    }

    /** JSON text of a JsonNode, a JSON string already serialised, or any value Jackson can write. */
    public static String toJson(Object v, ObjectMapper json, String where) {
        if (v instanceof JsonNode n) {
            return n.toString();
        }
        try {
            return json.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " (JSONB) cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static double[][] toMatrix(Object v, String where) {
        if (v instanceof double[][] m) {
            return m;
        }
        if (!(v instanceof List<?> l)) {
            throw wrongType(where, ColumnType.PATH, "List<Basin>", v);
        }
        double[][] m = new double[l.size()][];
        for (int i = 0; i < m.length; i++) {
            Object p = l.get(i);
            if (!(p instanceof Basin b)) {
                throw new IllegalArgumentException(where + " (PATH) element " + i + " is not a Basin: " + p);
            }
            m[i] = b.toArray();
        }
        return m;
    }

    static String[] toStringArray(Object v, String where) {
        if (v instanceof String[] a) {
            return a;
        }
        if (v instanceof Collection<?> c) {
            String[] a = new String[c.size()];
            int i = 0;
            for (Object o : c) {
                if (o != null && !(o instanceof String)) {
                    throw new IllegalArgumentException(where + " (TEXT_ARRAY) element " + i + " is not a String: " + o);
                }
                a[i++] = (String) o;
            }
            return a;
        }
        throw wrongType(where, ColumnType.TEXT_ARRAY, "List<String>", v);
    }
}
