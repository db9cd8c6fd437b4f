package dev.basin.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.Basin;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * JDBI configuration for Basin's column types: {@code double precision[]} → {@link Basin} (validated), 2-D →
 * {@code List<Basin>}, {@code double[]}; {@code jsonb} → {@link JsonNode}; {@code text[]} → {@code List<String>}.
 * Arguments: {@link Basin}, {@code double[]} and {@link JsonNode} bind as float8[] and jsonb.
 */
public final class Mappers {
    /** {@code List<Basin>} for 2-D {@code double precision[]} columns. */
    public static final GenericType<List<Basin>> BASIN_LIST = new GenericType<>() {};
    /** {@code List<String>} for {@code text[]} columns. */
    public static final GenericType<List<String>> STRING_LIST = new GenericType<>() {};

    private Mappers() {}

    public static void install(Jdbi jdbi, ObjectMapper json) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerColumnMapper(Basin.class, (rs, col, ctx) -> basin(rs, col));
        jdbi.registerColumnMapper(double[].class, (rs, col, ctx) -> doubles(rs, col));
        jdbi.registerColumnMapper(BASIN_LIST, (ColumnMapper<List<Basin>>) (rs, col, ctx) -> basins(rs, col));
        jdbi.registerColumnMapper(STRING_LIST, (ColumnMapper<List<String>>) (rs, col, ctx) -> strings(rs, col));
        jdbi.registerColumnMapper(JsonNode.class, (rs, col, ctx) -> json(rs, col, json));
        jdbi.registerArgument(new BasinArgumentFactory());
        jdbi.registerArgument(new DoublesArgumentFactory());
        jdbi.registerArgument(new JsonArgumentFactory());
    }

    /** A {@code double precision[]} basin column (validated, named by its label), or null. */
    public static Basin basin(ResultSet rs, int col) throws SQLException {
        double[] d = doubles(rs, col);
        if (d == null) {
            return null;
        }
        return Basin.of(rs.getMetaData().getColumnLabel(col), d);
    }

    /** A {@code jsonb} column parsed with {@code mapper}, or null. */
    public static JsonNode json(ResultSet rs, int col, ObjectMapper mapper) throws SQLException {
        String text = rs.getString(col);
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String label = rs.getMetaData().getColumnLabel(col);
            throw new SQLException("column " + label + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** A 1-D {@code double precision[]} column, or null. */
    public static double[] doubles(ResultSet rs, int col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) {
            return null;
        }
        Object o = a.getArray();
        if (!(o instanceof Double[] boxed)) {
            throw new SQLException("column " + rs.getMetaData().getColumnLabel(col)
                    + " is not a 1-D double precision[] but " + o.getClass().getSimpleName());
        }
        double[] d = new double[boxed.length];
        for (int i = 0; i < d.length; i++) {
            if (boxed[i] == null) {
                throw new SQLException("column " + rs.getMetaData().getColumnLabel(col) + "[" + i + "] is NULL");
            }
            d[i] = boxed[i];
        }
        return d;
    }

    static List<Basin> basins(ResultSet rs, int col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) {
            return null;
        }
        Object o = a.getArray();
        String label = rs.getMetaData().getColumnLabel(col);
        if (o instanceof Double[] empty && empty.length == 0) {
            return List.of();
        }
        if (!(o instanceof Double[][] m)) {
            throw new SQLException("column " + label + " is not a 2-D double precision[] but " + o.getClass().getSimpleName());
        }
        List<Basin> out = new ArrayList<>(m.length);
        for (int i = 0; i < m.length; i++) {
            double[] d = new double[m[i].length];
            for (int j = 0; j < d.length; j++) {
                d[j] = m[i][j];
            }
            out.add(Basin.of(label + "[" + i + "]", d));
        }
        return Collections.unmodifiableList(out);
    }

    static List<String> strings(ResultSet rs, int col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) {
            return null;
        }
        Object o = a.getArray();
        if (!(o instanceof String[] s)) {
            throw new SQLException("column " + rs.getMetaData().getColumnLabel(col) + " is not text[]");
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(s));
    }

    static final class BasinArgumentFactory extends AbstractArgumentFactory<Basin> {
        BasinArgumentFactory() {
            super(Types.ARRAY);
        }

        @Override
        protected Argument build(Basin value, ConfigRegistry config) {
            double[] d = value.toArray();
            return (pos, stmt, ctx) -> stmt.setObject(pos, d);
        }
    }

    static final class DoublesArgumentFactory extends AbstractArgumentFactory<double[]> {
        DoublesArgumentFactory() {
            super(Types.ARRAY);
        }

        @Override
        protected Argument build(double[] value, ConfigRegistry config) {
            double[] d = value.clone();
            return (pos, stmt, ctx) -> stmt.setObject(pos, d);
        }
    }

    static final class JsonArgumentFactory extends AbstractArgumentFactory<JsonNode> {
        JsonArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(JsonNode value, ConfigRegistry config) {
            String text = value.toString();
            return (pos, stmt, ctx) -> stmt.setObject(pos, Values.jsonb(text));
        }
    }

}
