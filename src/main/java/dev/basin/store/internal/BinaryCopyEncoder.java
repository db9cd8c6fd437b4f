package dev.basin.store.internal;

import dev.basin.store.ColumnType;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Encodes rows of {@linkplain Values#canonical canonical} values in PostgreSQL's binary COPY format (PGCOPY) and
 * streams them to a {@link CopyIn} in chunks.
 *
 * <p>Formats written: text and jsonb as UTF-8 (jsonb prefixed by version byte 1); int4, int8, float8 (IEEE bits),
 * bool big-endian; timestamptz as microseconds since 2000-01-01T00:00:00Z (rounded half up from nanoseconds, as
 * PostgreSQL's text input does); arrays as ndim, has-null flag, element OID, (length, lower bound 1) per dimension,
 * then each element as length + bytes.
 */
public final class BinaryCopyEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int OID_FLOAT8 = 701;
    private static final int OID_TEXT = 25;
    private static final int FLUSH_AT = 1 << 20;

    /** Receives encoded chunks: {@code chunk[0, length)}; the array is not reused by the encoder. */
    @FunctionalInterface
    public interface Sink {
        void accept(byte[] chunk, int length) throws SQLException;
    }

    private final Sink out;
    private final ColumnType[] types;
    private byte[] buf = new byte[FLUSH_AT + (1 << 16)];
    private int pos;
    private long rows;

    public BinaryCopyEncoder(Sink out, ColumnType[] types) {
        this.out = out;
        this.types = types.clone();
        put(SIGNATURE);
        putInt(0);
        putInt(0);
    }

    /** Appends one row; {@code values.length} must equal the number of column types. */
    public void row(Object[] values) throws SQLException {
        putShort((short) types.length);
        for (int i = 0; i < types.length; i++) {
            field(types[i], values[i]);
        }
        rows++;
        if (pos >= FLUSH_AT) {
            flush();
        }
    }

    /** Writes the trailer and hands over the last chunk; returns the number of rows encoded. */
    public long finish() throws SQLException {
        putShort((short) -1);
        flush();
        return rows;
    }

    public long rowsWritten() {
        return rows;
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            byte[] full = buf;
            int len = pos;
            buf = new byte[FLUSH_AT + (1 << 16)];
            pos = 0;
            out.accept(full, len);
        }
    }

    private void field(ColumnType type, Object v) {
        if (v == null) {
            putInt(-1);
            return;
        }
        switch (type) {
            case TEXT -> putBytes(((String) v).getBytes(StandardCharsets.UTF_8));
            case INTEGER -> {
                putInt(4);
                putInt((Integer) v);
            }
            case BIGINT -> {
                putInt(8);
                putLong((Long) v);
            }
            case DOUBLE -> {
                putInt(8);
                putLong(Double.doubleToRawLongBits((Double) v));
            }
            case BOOLEAN -> {
                putInt(1);
                ensure(1);
                buf[pos++] = (byte) (((Boolean) v) ? 1 : 0);
            }
            case TIMESTAMPTZ -> {
                putInt(8);
                putLong(pgMicros((Instant) v));
            }
            case JSONB -> {
                byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
                putInt(b.length + 1);
                ensure(1);
                buf[pos++] = 1;
                put(b);
            }
            case BASIN, DOUBLE_ARRAY -> doubleArray((double[]) v);
            case PATH -> doubleMatrix((double[][]) v);
            case TEXT_ARRAY -> textArray((String[]) v);
        }
    }

    static long pgMicros(Instant t) {
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L),
                (t.getNano() + 500) / 1000);
        return micros;
    }

    private void doubleArray(double[] a) {
        if (a.length == 0) {
            putInt(12);
            putInt(0);
            putInt(0);
            putInt(OID_FLOAT8);
            return;
        }
        putInt(20 + 12 * a.length);
        putInt(1);
        putInt(0);
        putInt(OID_FLOAT8);
        putInt(a.length);
        putInt(1);
        ensure(12 * a.length);
        for (double d : a) {
            putInt(8);
            putLong(Double.doubleToRawLongBits(d));
        }
    }

    private void doubleMatrix(double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        if (m.length == 0 || cols == 0) {
            putInt(12);
            putInt(0);
            putInt(0);
            putInt(OID_FLOAT8);
            return;
        }
        for (double[] r : m) {
            if (r.length != cols) {
                throw new IllegalArgumentException("PATH rows of different lengths: " + cols + " and " + r.length);
            }
        }
        int n = m.length * cols;
        putInt(28 + 12 * n);
        putInt(2);
        putInt(0);
        putInt(OID_FLOAT8);
        putInt(m.length);
        putInt(1);
        putInt(cols);
        putInt(1);
        ensure(12 * n);
        for (double[] r : m) {
            for (double d : r) {
                putInt(8);
                putLong(Double.doubleToRawLongBits(d));
            }
        }
    }

    private void textArray(String[] a) {
        if (a.length == 0) {
            putInt(12);
            putInt(0);
            putInt(0);
            putInt(OID_TEXT);
            return;
        }
        byte[][] el = new byte[a.length][];
        int size = 20;
        boolean hasNull = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) {
                hasNull = true;
                size += 4;
            } else {
                el[i] = a[i].getBytes(StandardCharsets.UTF_8);
                size += 4 + el[i].length;
            }
        }
        putInt(size);
        putInt(1);
        putInt(hasNull ? 1 : 0);
        putInt(OID_TEXT);
        putInt(a.length);
        putInt(1);
        for (byte[] e : el) {
            if (e == null) {
                putInt(-1);
            } else {
                putBytes(e);
            }
        }
    }

    private void putBytes(byte[] b) {
        putInt(b.length);
        put(b);
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void putShort(short v) {
        ensure(2);
        buf[pos++] = (byte) (v >> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putLong(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[pos++] = (byte) (v >>> s);
        }
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
