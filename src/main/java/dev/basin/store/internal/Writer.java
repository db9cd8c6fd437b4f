package dev.basin.store.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.store.Column;
import dev.basin.store.ColumnType;
import dev.basin.store.Delete;
import dev.basin.store.Table;
import dev.basin.store.Update;
import dev.basin.store.Upsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;

/**
 * Executes writes of declared tables on a given connection, inside whatever transaction that connection is in. Row
 * values are extracted and type-checked on the caller's thread ({@link #extract}) before any statement runs.
 */
public final class Writer {
    private final ObjectMapper json;
    private final int copyThreshold;

    /** A statement with its canonical parameter values. */
    public record Prepared(Sql.Statement statement, ColumnType[] types, Object[] params) {}

    public Writer(ObjectMapper json, int copyThreshold) {
        this.json = json;
        this.copyThreshold = copyThreshold;
    }

    /** The canonical values of {@code row}, in column order. */
    public <R> Object[] extract(Table<R> t, R row) {
        if (row == null) {
            throw new IllegalArgumentException("null row for table " + t.name());
        }
        List<Column<R>> cols = t.columns();
        Object[] v = new Object[cols.size()];
        for (int i = 0; i < v.length; i++) {
            Column<R> c = cols.get(i);
            v[i] = Values.canonical(c.type(), c.valueOf(row), json, t.name() + "." + c.name());
        }
        return v;
    }

    public <R> List<Object[]> extractAll(Table<R> t, List<R> rows) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (R r : rows) {
            out.add(extract(t, r));
        }
        return out;
    }

    /** An upsert ready to run: SQL plus canonical values (row, then assignment parameters). */
    public <R> Prepared prepareUpsert(Table<R> t, R row, Upsert spec) {
        Sql.Statement st = Sql.upsert(t, spec);
        Object[] rowValues = extract(t, row);
        Object[] params = new Object[rowValues.length + st.paramTypes().size()];
        ColumnType[] types = new ColumnType[params.length];
        System.arraycopy(rowValues, 0, params, 0, rowValues.length);
        System.arraycopy(types(t), 0, types, 0, rowValues.length);
        for (int i = 0; i < st.paramTypes().size(); i++) {
            types[rowValues.length + i] = st.paramTypes().get(i);
            params[rowValues.length + i] = Values.canonical(st.paramTypes().get(i), st.fixedParams().get(i), json,
                    t.name() + " upsert parameter " + (i + 1));
        }
        return new Prepared(st, types, params);
    }

    public Prepared prepareUpdate(Update u) {
        Sql.Statement st = Sql.update(u);
        Object[] params = new Object[st.paramTypes().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = Values.canonical(st.paramTypes().get(i), st.fixedParams().get(i), json,
                    u.table().name() + " update parameter " + (i + 1));
        }
        return new Prepared(st, st.paramTypes().toArray(new ColumnType[0]), params);
    }

    public Prepared prepareDelete(Delete d) {
        Sql.Statement st = Sql.delete(d);
        Object[] params = new Object[st.paramTypes().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = Values.canonical(st.paramTypes().get(i), st.fixedParams().get(i), json,
                    d.table().name() + " delete parameter " + (i + 1));
        }
        return new Prepared(st, st.paramTypes().toArray(new ColumnType[0]), params);
    }

    /** Inserts the rows as one JDBC batch, or by binary COPY above the copy threshold. */
    public void insertRows(Connection c, Table<?> t, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() > copyThreshold) {
            copyRows(c, t, rows.iterator());
            return;
        }
        ColumnType[] types = types(t);
        try (PreparedStatement ps = c.prepareStatement(Sql.insert(t))) {
            if (rows.size() == 1) {
                bindRow(ps, types, rows.get(0), 1);
                ps.executeUpdate();
                return;
            }
            for (Object[] r : rows) {
                bindRow(ps, types, r, 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Binary COPY of the rows; returns the number of rows copied. Encoding runs on the calling thread while a helper
     * thread sends the previous chunks, so the two overlap; the connection is used by one thread at a time.
     */
    public long copyRows(Connection c, Table<?> t, Iterator<Object[]> rows) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(Sql.copy(t));
        CopySender sender = new CopySender(in, t.name());
        boolean done = false;
        try {
            BinaryCopyEncoder enc = new BinaryCopyEncoder(sender::send, types(t));
            while (rows.hasNext()) {
                enc.row(rows.next());
            }
            enc.finish();
            sender.finish();
            long n = in.endCopy();
            done = true;
            return n;
        } finally {
            if (!done) {
                sender.abort();
                if (in.isActive()) {
                    try {
                        in.cancelCopy();
                    } catch (SQLException ignoredBecauseTheFirstFailureIsThrown) {
                        // the original failure propagates; cancel only releases the connection's COPY state
                    }
                }
            }
        }
    }

    /** Runs an upsert; true if a row was inserted. */
    public boolean upsert(Connection c, Prepared p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(p.statement().text())) {
            bindAll(ps, p);
            if (p.statement().text().endsWith("DO NOTHING")) {
                return ps.executeUpdate() == 1;
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("upsert returned no row: " + p.statement().text());
                }
                return rs.getBoolean(1);
            }
        }
    }

    /** Runs an update; returns the affected row count. */
    public int update(Connection c, Prepared p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(p.statement().text())) {
            bindAll(ps, p);
            return ps.executeUpdate();
        }
    }

    /** Runs a delete; returns the number of rows deleted. */
    public int delete(Connection c, Prepared p) throws SQLException {
        return update(c, p);
    }

    /**
     * Updates of one shape, checked and prepared on the caller's side: as one set-based statement when they have its
     * form ({@link Sql#updateEach}), planned for its actual arrays on every execution (a plan cached while a table was
     * small would keep scanning it whole after it grew), else as one JDBC batch of the single statement.
     */
    public record PreparedEach(Sql.SetStatement set, Object[][] arrays, List<Prepared> each) {}

    public PreparedEach prepareEach(List<Update> updates) {
        if (updates.isEmpty()) {
            return new PreparedEach(null, null, List.of());
        }
        List<Prepared> each = new ArrayList<>(updates.size());
        String shape = null;
        for (Update u : updates) {
            Prepared p = prepareUpdate(u);
            if (shape == null) {
                shape = p.statement().text();
            } else if (!shape.equals(p.statement().text()) || u.table() != updates.get(0).table()) {
                throw new IllegalArgumentException("updates of one batch must have one shape: " + u + " differs from " + updates.get(0));
            }
            each.add(p);
        }
        Sql.SetStatement set = updates.size() > 1 ? Sql.updateEach(updates) : null;
        if (set == null) {
            return new PreparedEach(null, null, each);
        }
        int n = set.types().size();
        Object[][] arrays = new Object[n][updates.size()];
        java.util.Set<List<Object>> keys = new java.util.HashSet<>();
        String table = updates.get(0).table().name();
        for (int r = 0; r < updates.size(); r++) {
            Update u = updates.get(r);
            int i = 0;
            for (Update.Assignment a : u.sets()) {
                if (a.kind() != Update.Kind.EXPRESSION) {
                    arrays[i][r] = Values.text(set.types().get(i), Values.canonical(set.types().get(i), a.value(), json, table + "." + a.column()));
                    i++;
                }
            }
            List<Object> key = new ArrayList<>();
            for (Update.Condition c : u.wheres()) {
                if (c.op() == Update.Op.EQ) {
                    Object v = Values.canonical(set.types().get(i), c.value(), json, table + "." + c.column());
                    arrays[i][r] = Values.text(set.types().get(i), v);
                    key.add(v);
                    i++;
                }
            }
            if (!keys.add(key)) {
                return new PreparedEach(null, null, each); // two updates of the same rows: one after the other
            }
        }
        return new PreparedEach(set, arrays, each);
    }

    /** Runs prepared updates of one shape; returns the number of rows changed by all of them. */
    public int updateEach(Connection c, PreparedEach p) throws SQLException {
        if (p.each().isEmpty()) {
            return 0;
        }
        if (p.set() != null) {
            try (PreparedStatement ps = c.prepareStatement(p.set().text())) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(0);
                for (int i = 0; i < p.arrays().length; i++) {
                    ps.setArray(i + 1, c.createArrayOf("text", p.arrays()[i]));
                }
                return ps.executeUpdate();
            }
        }
        if (p.each().size() == 1) {
            return update(c, p.each().get(0));
        }
        try (PreparedStatement ps = c.prepareStatement(p.each().get(0).statement().text())) {
            for (Prepared one : p.each()) {
                bindAll(ps, one);
                ps.addBatch();
            }
            int total = 0;
            for (int n : ps.executeBatch()) {
                total += Math.max(n, 0);
            }
            return total;
        }
    }

    private static void bindAll(PreparedStatement ps, Prepared p) throws SQLException {
        for (int i = 0; i < p.params().length; i++) {
            Values.bind(ps, i + 1, p.types()[i], p.params()[i]);
        }
    }

    static ColumnType[] types(Table<?> t) {
        ColumnType[] types = new ColumnType[t.columns().size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = t.columns().get(i).type();
        }
        return types;
    }

    private static void bindRow(PreparedStatement ps, ColumnType[] types, Object[] row, int first) throws SQLException {
        for (int i = 0; i < types.length; i++) {
            Values.bind(ps, first + i, types[i], row[i]);
        }
    }
}
