package dev.basin.store;

import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Test support: reads the migrated schema (columns, types, CHECK and foreign-key constraints) and builds, for every
 * table, a {@code Table<Map<String, Object>>} declaration and valid sample rows that satisfy its constraints, so
 * that the write path can be exercised on every real table without knowing the features' records.
 */
final class SchemaRows {
    static final Instant T = Instant.parse("2026-11-26T05:00:00.123456Z");
    private static final Pattern ENUM = Pattern.compile("\\((\\w+) = ANY \\(ARRAY\\[(.*?)]\\)\\)");
    private static final Pattern ID = Pattern.compile("\\((\\w+) ~ '\\^([a-z_]*)\\[0-9a-f]\\{(\\d+)(,?)}\\$'");

    /** One column of a foreign key: {@code table.column} references {@code refTable.refColumn}. */
    record Fk(String table, String column, String refTable, String refColumn) {}

    final Map<String, Table<Map<String, Object>>> tables = new LinkedHashMap<>();
    final Map<String, String> keys = new HashMap<>();
    final List<String> order = new ArrayList<>();
    private final Map<String, List<String>> enums = new HashMap<>();
    private final Map<String, String[]> idFormats = new HashMap<>();
    private final Map<String, Fk> fks = new HashMap<>();
    private final Map<String, Set<String>> uniques = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> rows = new HashMap<>();

    SchemaRows(Handle h) {
        List<Map<String, Object>> cols = h.createQuery("""
                SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                  AND c.relname <> 'flyway_schema_history'
                ORDER BY c.relname, a.attnum""").mapToMap().list();
        List<Map<String, Object>> cons = h.createQuery("""
                SELECT c.conrelid::regclass::text AS tbl, c.contype AS kind, pg_get_constraintdef(c.oid) AS def,
                       (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) AS col,
                       c.confrelid::regclass::text AS ref, cardinality(c.conkey) AS ncols
                FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace""").mapToMap().list();
        // every column of every foreign key (a composite key names several); a column that several keys share takes
        // its value from a key to another table rather than from a key to its own table
        h.createQuery("""
                SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, c.confrelid::regclass::text AS ref,
                       fa.attname AS refcol
                FROM pg_constraint c
                CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(n, fn)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fn
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                ORDER BY cardinality(c.conkey), c.conname""").mapToMap().list().forEach(f -> {
            Fk fk = new Fk((String) f.get("tbl"), (String) f.get("col"), (String) f.get("ref"), (String) f.get("refcol"));
            fks.merge(fk.table() + "." + fk.column(), fk, (old, neu) -> old.refTable().equals(old.table()) ? neu : old);
        });
        Map<String, Set<String>> basinCols = new HashMap<>();
        Map<String, Set<String>> pathCols = new HashMap<>();
        for (Map<String, Object> c : cons) {
            String tbl = (String) c.get("tbl");
            String def = (String) c.get("def");
            String kind = String.valueOf(c.get("kind"));
            switch (kind) {
                case "p" -> keys.put(tbl, (String) c.get("col"));
                case "f" -> { } // below, column by column
                case "u" -> {
                    if (((Number) c.get("ncols")).intValue() == 1) {
                        uniques.computeIfAbsent(tbl, k -> new LinkedHashSet<>()).add((String) c.get("col"));
                    }
                }
                case "c" -> {
                    Matcher m = ENUM.matcher(def);
                    if (m.find()) {
                        List<String> values = new ArrayList<>();
                        for (String v : m.group(2).split(",")) {
                            values.add(v.trim().replaceAll("^'(.*)'::text$", "$1"));
                        }
                        enums.put(tbl + "." + m.group(1), values);
                    }
                    Matcher id = ID.matcher(def);
                    if (id.find()) {
                        idFormats.put(tbl + "." + id.group(1), new String[] {id.group(2), id.group(3), id.group(4)});
                    }
                    Matcher b = Pattern.compile("basin_ok\\((\\w+)\\)").matcher(def);
                    while (b.find()) {
                        basinCols.computeIfAbsent(tbl, k -> new LinkedHashSet<>()).add(b.group(1));
                    }
                    Matcher p = Pattern.compile("path_ok\\((\\w+)\\)").matcher(def);
                    while (p.find()) {
                        pathCols.computeIfAbsent(tbl, k -> new LinkedHashSet<>()).add(p.group(1));
                    }
                }
                default -> { }
            }
        }
        Map<String, Table.Builder<Map<String, Object>>> builders = new LinkedHashMap<>();
        for (Map<String, Object> c : cols) {
            String tbl = (String) c.get("tbl");
            String col = (String) c.get("col");
            String type = (String) c.get("type");
            if (type.equals("xid8") && col.equals(ChangeFeed.STAMP)) {
                continue; // stamped by the database (change feed), never written from a row
            }
            ColumnType ct = switch (type) {
                case "text" -> ColumnType.TEXT;
                case "integer" -> ColumnType.INTEGER;
                case "bigint" -> ColumnType.BIGINT;
                case "double precision" -> ColumnType.DOUBLE;
                case "boolean" -> ColumnType.BOOLEAN;
                case "timestamp with time zone" -> ColumnType.TIMESTAMPTZ;
                case "jsonb" -> ColumnType.JSONB;
                case "text[]" -> ColumnType.TEXT_ARRAY;
                case "double precision[]" -> basinCols.getOrDefault(tbl, Set.of()).contains(col) ? ColumnType.BASIN
                        : pathCols.getOrDefault(tbl, Set.of()).contains(col) ? ColumnType.PATH : ColumnType.DOUBLE_ARRAY;
                default -> throw new IllegalStateException("no ColumnType for " + tbl + "." + col + " " + type);
            };
            builders.computeIfAbsent(tbl, t -> Table.<Map<String, Object>>named(t).owner("schema").key(keys.get(t)))
                    .column(col, ct, m -> m.get(col));
        }
        builders.forEach((t, b) -> tables.put(t, b.build()));
        // parents before children
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < tables.size()) {
            for (String t : tables.keySet()) {
                if (done.contains(t)) {
                    continue;
                }
                boolean ready = fks.values().stream().filter(f -> f.table().equals(t) && !f.refTable().equals(t))
                        .allMatch(f -> done.contains(f.refTable()));
                if (ready) {
                    done.add(t);
                }
            }
        }
        order.addAll(done);
    }

    /** Sample row {@code i} (0 or 1) of {@code table}; rows of referenced tables must have been made first. */
    Map<String, Object> row(String table, int i) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (Column<Map<String, Object>> c : tables.get(table).columns()) {
            r.put(c.name(), value(table, c, i));
        }
        overrides(table, r, i);
        rows.computeIfAbsent(table, k -> new ArrayList<>()).add(r);
        return r;
    }

    Object key(String table, int i) {
        return rows.get(table).get(i).get(keys.get(table));
    }

    private Object value(String table, Column<Map<String, Object>> c, int i) {
        String q = table + "." + c.name();
        String[] id = idFormats.get(q);
        if (id != null) {
            int n = Integer.parseInt(id[1]);
            String hex = Ids.next("").repeat(4).substring(0, Math.max(n, id[2].isEmpty() ? n : 20));
            return id[0] + hex;
        }
        Fk fk = fks.get(q);
        if (fk != null) {
            return fk.refTable().equals(table) ? null : rows.get(fk.refTable()).get(i).get(fk.refColumn());
        }
        List<String> e = enums.get(q);
        if (e != null) {
            return e.get(0);
        }
        return switch (c.type()) {
            case TEXT -> "sample_" + c.name() + (uniques.getOrDefault(table, Set.of()).contains(c.name()) || c.name().equals(keys.get(table))
                    ? "_" + Ids.next("") : "");
            case INTEGER -> 1;
            case BIGINT -> 1L;
            case DOUBLE -> 0.5;
            case BOOLEAN -> true;
            case TIMESTAMPTZ -> T;
            case JSONB -> Map.of("schema_version", 1, "sample", c.name());
            case BASIN -> Basin.uniform();
            case PATH -> List.of(Basin.uniform(), Basin.pointMass(3));
            case DOUBLE_ARRAY -> new double[] {1.0, 0.5};
            case TEXT_ARRAY -> List.of("alpha", "beta");
        };
    }

    /** Cross-column rules of the schema that per-column defaults cannot satisfy. */
    private void overrides(String table, Map<String, Object> r, int i) {
        if (table.equals("coordizer_models")) { // id nmf64-<16 hex>, 64 topics, at least 64 words
            r.put("model_id", "nmf64-" + Ids.next("").repeat(2).substring(0, 16));
            r.put("topics", 64);
            r.put("vocabulary_size", 64 + i);
        }
        nullIf(r, "completed_at", "blocked_reason", "deactivated_at", "consolidated_into", "consolidated_at",
                "parent_kernel_id", "parent_checkpoint_id", "finished_at");
        if (r.containsKey("generation")) {
            r.put("generation", 0);
        }
        if (r.containsKey("end_timestamp")) {
            r.put("end_timestamp", T.plusSeconds(3600));
        }
        if (r.containsKey("expires_at")) {
            r.put("expires_at", T.plusSeconds(3600));
        }
        if (r.containsKey("example_count")) {
            r.put("example_count", 2);
        }
        if (r.containsKey("success_rate")) {
            r.put("success_rate", 1.0);
        }
        if (r.containsKey("target_regime") && r.containsKey("source_regime")) {
            r.put("target_regime", enums.get(table + ".target_regime").get(1));
        }
        if (r.containsKey("target_kernel_id")) {
            r.put("target_kernel_id", key("kernels", (i + 1) % 2));
        }
        if (table.equals("kernel_checkpoints") || table.equals("tps_geodesic_paths")) {
            // a space-time path links two checkpoints of its own kernel: both sample checkpoints belong to kernel 0
            r.put("kernel_id", key("kernels", 0));
        }
        if (table.equals("kernel_checkpoints")) {
            r.put("sequence", (long) (i + 1));
        }
        if (r.containsKey("to_checkpoint_id")) {
            r.put("to_checkpoint_id", key("kernel_checkpoints", (i + 1) % 2));
        }
        if (r.containsKey("success") && r.containsKey("outcome_type")) {
            r.put("success", "validated".equals(r.get("outcome_type")));
        }
        if (r.containsKey("num_steps") && r.get("path_coordinates") instanceof List<?> p) {
            r.put("num_steps", p.size() - 1);
        }
    }

    private static void nullIf(Map<String, Object> r, String... cols) {
        for (String c : cols) {
            if (r.containsKey(c)) {
                r.put(c, null);
            }
        }
    }
}
