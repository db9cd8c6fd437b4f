package dev.basin.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Regime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a row record, one per component in order: named by the component's name in snake case, typed by its
 * Java type (the reverse of {@link ColumnType}'s list), valued by its accessor. An enum (a {@link StoredName} or a
 * {@link Regime}) is stored by its stored name in a text column; a {@code JsonNode}, {@code Map} or record in a jsonb
 * column. Any other type is a programming error, reported when the table is declared.
 */
final class RecordColumns {
    private RecordColumns() {}

    /** A record component and the column it is stored in. */
    record Component<R>(String name, Column<R> column) {}

    static <R extends Record> List<Component<R>> of(Class<R> type) {
        List<Component<R>> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(new Component<>(c.getName(), new Column<>(snakeCase(c.getName()), columnType(type, c), getter(c))));
        }
        return out;
    }

    /** {@code kappaEff} → {@code kappa_eff}. */
    static String snakeCase(String camel) {
        StringBuilder s = new StringBuilder(camel.length() + 4);
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                s.append('_').append(Character.toLowerCase(ch));
            } else {
                s.append(ch);
            }
        }
        return s.toString();
    }

    private static ColumnType columnType(Class<?> record, RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class || StoredName.class.isAssignableFrom(t) || t == Regime.class) {
            return ColumnType.TEXT;
        }
        if (t == int.class || t == Integer.class) {
            return ColumnType.INTEGER;
        }
        if (t == long.class || t == Long.class) {
            return ColumnType.BIGINT;
        }
        if (t == double.class || t == Double.class) {
            return ColumnType.DOUBLE;
        }
        if (t == boolean.class || t == Boolean.class) {
            return ColumnType.BOOLEAN;
        }
        if (t == Instant.class) {
            return ColumnType.TIMESTAMPTZ;
        }
        if (t == Basin.class) {
            return ColumnType.BASIN;
        }
        if (t == double[].class) {
            return ColumnType.DOUBLE_ARRAY;
        }
        if (t == List.class && c.getGenericType() instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            if (element == String.class) {
                return ColumnType.TEXT_ARRAY;
            }
            if (element == Basin.class) {
                return ColumnType.PATH;
            }
        }
        if (JsonNode.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t) || t.isRecord()) {
            return ColumnType.JSONB;
        }
        throw new IllegalArgumentException("no column type for " + record.getSimpleName() + "." + c.getName()
                + " of type " + c.getGenericType().getTypeName());
    }

    private static <R> Function<R, Object> getter(RecordComponent c) {
        Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        boolean storedName = StoredName.class.isAssignableFrom(c.getType());
        boolean regime = c.getType() == Regime.class;
        return record -> {
            Object v = invoke(accessor, record);
            if (v == null) {
                return null;
            }
            return storedName ? ((StoredName) v).sqlName() : regime ? ((Regime) v).sqlName() : v;
        };
    }

    private static Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(accessor + " failed", e.getCause());
        }
    }
}
