package dev.basin.audit;

import dev.basin.geometry.UnknownIdException;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.StoreException;
import dev.basin.store.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes a {@link CoverageReport} for one schema of any PostgreSQL database, inside a single READ ONLY,
 * REPEATABLE READ transaction that is rolled back at the end: the audit never writes.
 *
 * <p>Per table one query: {@code count(*)}, and per column {@code count(*) FILTER (WHERE c IS NULL)} and
 * {@code count(DISTINCT c)}. A column whose type has no default B-tree operator class (json, point, xml, composite
 * types, …) is counted as {@code c::text}; should a type still defeat the query, it is retried with every column cast
 * to text. The newest write time is the greatest value of the table's write-time columns: timestamps whose default is
 * the current time, and columns named {@code updated_at}, {@code last_updated} or {@code modified_at}.
 */
public final class DatabaseAuditor {
    private static final Pattern NOW_DEFAULT = Pattern.compile(
            "(?i).*(now\\(\\)|current_timestamp|clock_timestamp|statement_timestamp|transaction_timestamp|localtimestamp).*");
    private static final Set<String> UPDATE_COLUMNS = Set.of("updated_at", "last_updated", "modified_at");

    private DatabaseAuditor() {}

    /** The coverage report of the store's schema, with owners from its table catalog (Flyway's table left out). */
    public static CoverageReport report(Store store) {
        Map<String, Table<?>> catalog = new LinkedHashMap<>();
        for (Table<?> t : store.tables()) {
            catalog.put(t.name(), t);
        }
        try (Connection c = store.dataSource().getConnection()) {
            return analyze(c, null, store.describeTarget(), catalog, true, Set.of("flyway_schema_history"));
        } catch (SQLException e) {
            throw StoreException.of(e, "coverage report of " + store.describeTarget());
        }
    }

    /**
     * Audits {@code schema} (null: the connection's current schema) of any database, knowing nothing of its
     * tables. {@code target} is how the database is named in the report (mask passwords).
     */
    public static CoverageReport audit(Connection c, String schema, String target) {
        try {
            return analyze(c, schema, target, Map.of(), false, Set.of());
        } catch (SQLException e) {
            throw StoreException.of(e, "audit of " + target);
        }
    }

    static CoverageReport analyze(Connection c, String schema, String target, Map<String, Table<?>> catalog,
            boolean withOwners, Set<String> exclude) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                st.execute("SET LOCAL work_mem = '64MB'");
            }
            String sch = schema != null ? schema : currentSchema(c);
            if (!schemaExists(c, sch)) {
                throw UnknownIdException.worded("schema", "does not exist: " + sch);
            }
            List<TableStats> tables = new ArrayList<>();
            Map<Long, Boolean> sortable = new HashMap<>();
            for (Map.Entry<Long, String> t : listTables(c, sch).entrySet()) {
                if (exclude.contains(t.getValue())) {
                    continue;
                }
                tables.add(tableStats(c, sch, t.getKey(), t.getValue(), catalog.get(t.getValue()), sortable));
            }
            return new CoverageReport(target, sch, Instant.now(), withOwners, tables, summarize(tables, catalog));
        } finally {
            try {
                c.rollback();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    static CoverageSummary summarize(List<TableStats> tables, Map<String, Table<?>> catalog) {
        int fp = 0;
        int ft = 0;
        int pp = 0;
        int pt = 0;
        int clean = 0;
        int total = 0;
        int explained = 0;
        for (TableStats t : tables) {
            for (ColumnStats col : t.columns()) {
                total++;
                if (col.clean()) {
                    clean++;
                } else if (col.explainedConstant()) {
                    explained++;
                }
            }
        }
        if (catalog.isEmpty()) {
            ft = tables.size();
            fp = (int) tables.stream().filter(TableStats::populated).count();
        } else {
            Map<String, TableStats> byName = new HashMap<>();
            tables.forEach(t -> byName.put(t.name(), t));
            for (Table<?> decl : catalog.values()) {
                TableStats t = byName.get(decl.name());
                boolean populated = t != null && t.populated();
                if (decl.isParent()) {
                    pt++;
                    pp += populated ? 1 : 0;
                } else {
                    ft++;
                    fp += populated ? 1 : 0;
                }
            }
        }
        return new CoverageSummary(fp, ft, pp, pt, clean, total, explained);
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            String s = rs.getString(1);
            if (s == null) {
                throw new StoreException("the connection has no current schema; name one with --schema");
            }
            return s;
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<Long, String> listTables(Connection c, String schema) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private record Col(String name, String type, long typeOid, String def) {}

    private static TableStats tableStats(Connection c, String schema, long oid, String name, Table<?> decl,
            Map<Long, Boolean> sortableCache) throws SQLException {
        List<Col> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.atttypid, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(new Col(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        List<String> writeCols = new ArrayList<>();
        for (Col col : cols) {
            boolean ts = col.type().startsWith("timestamp");
            if (ts && ((col.def() != null && NOW_DEFAULT.matcher(col.def()).matches()) || UPDATE_COLUMNS.contains(col.name()))) {
                writeCols.add(col.name());
            }
        }
        boolean[] asText = new boolean[cols.size()];
        for (int i = 0; i < asText.length; i++) {
            asText[i] = !sortable(c, cols.get(i).typeOid(), sortableCache, 0);
        }
        String qualified = quote(schema) + "." + quote(name);
        long[] counts;
        Savepoint sp = c.setSavepoint();
        try {
            counts = count(c, qualified, cols, asText, writeCols);
            c.releaseSavepoint(sp);
        } catch (SQLException e) {
            c.rollback(sp);
            java.util.Arrays.fill(asText, true);
            counts = count(c, qualified, cols, asText, writeCols);
        }
        long rows = counts[0];
        Instant newest = counts[1] == Long.MIN_VALUE ? null : Instant.ofEpochSecond(0, 0).plusNanos(counts[1] * 1000);
        List<ColumnStats> stats = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            long nulls = counts[2 + 2 * i];
            long distinct = counts[3 + 2 * i];
            List<Flag> flags = new ArrayList<>();
            if (rows == 0) {
                flags.add(Flag.EMPTY_TABLE);
            } else if (nulls == rows) {
                flags.add(Flag.ALL_NULL);
            } else if (rows >= 2 && distinct == 1) {
                flags.add(Flag.CONSTANT);
            }
            String reason = decl == null ? null : decl.constantReasons().get(cols.get(i).name());
            stats.add(new ColumnStats(cols.get(i).name(), cols.get(i).type(), rows == 0 ? 0.0 : (double) nulls / rows,
                    distinct, flags, reason));
        }
        return new TableStats(name, rows, decl == null ? null : decl.owner(), decl != null && decl.isParent(), newest,
                stats);
    }

    /** [rows, newest write in µs since epoch or MIN_VALUE, then (nulls, distinct) per column]. */
    private static long[] count(Connection c, String qualified, List<Col> cols, boolean[] asText, List<String> writeCols)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        if (writeCols.isEmpty()) {
            sql.append(", NULL::bigint");
        } else {
            sql.append(", (extract(epoch FROM GREATEST(");
            for (int i = 0; i < writeCols.size(); i++) {
                sql.append(i > 0 ? ", " : "").append("max(").append(quote(writeCols.get(i))).append(")::timestamptz");
            }
            sql.append(")) * 1000000)::bigint");
        }
        for (int i = 0; i < cols.size(); i++) {
            String q = quote(cols.get(i).name());
            String e = asText[i] ? q + "::text" : q;
            sql.append(", count(*) FILTER (WHERE ").append(q).append(" IS NULL), count(DISTINCT ").append(e).append(")");
        }
        sql.append(" FROM ").append(qualified);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            rs.next();
            long[] out = new long[2 + 2 * cols.size()];
            out[0] = rs.getLong(1);
            long newest = rs.getLong(2);
            out[1] = rs.wasNull() ? Long.MIN_VALUE : newest;
            for (int i = 0; i < 2 * cols.size(); i++) {
                out[2 + i] = rs.getLong(3 + i);
            }
            return out;
        }
    }

    /** Whether count(DISTINCT) works natively on the type: it (or its element/base type) has a default B-tree class. */
    private static boolean sortable(Connection c, long typeOid, Map<Long, Boolean> cache, int depth) throws SQLException {
        Boolean known = cache.get(typeOid);
        if (known != null) {
            return known;
        }
        boolean result;
        try (PreparedStatement ps = c.prepareStatement("SELECT t.typtype, t.typcategory, t.typelem, t.typbasetype,"
                + " EXISTS (SELECT 1 FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod"
                + "   WHERE am.amname = 'btree' AND oc.opcdefault AND oc.opcintype = t.oid)"
                + " FROM pg_type t WHERE t.oid = ?")) {
            ps.setLong(1, typeOid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    result = false;
                } else {
                    String typtype = rs.getString(1);
                    String category = rs.getString(2);
                    long elem = rs.getLong(3);
                    long base = rs.getLong(4);
                    boolean direct = rs.getBoolean(5);
                    if (direct || "e".equals(typtype)) {
                        result = true;
                    } else if (depth > 4) {
                        result = false;
                    } else if ("d".equals(typtype)) {
                        result = sortable(c, base, cache, depth + 1);
                    } else if ("A".equals(category) && elem != 0) {
                        result = sortable(c, elem, cache, depth + 1);
                    } else {
                        result = false;
                    }
                }
            }
        }
        cache.put(typeOid, result);
        return result;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

}
