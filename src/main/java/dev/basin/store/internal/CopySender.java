package dev.basin.store.internal;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.copy.CopyIn;

/**
 * Sends encoded COPY chunks to the server on a helper thread, so that encoding the next chunk overlaps with sending
 * this one. At most {@value #IN_FLIGHT} chunks wait. A send failure is rethrown to the encoding thread at its next
 * chunk or at {@link #finish()}.
 */
final class CopySender {
    private static final int IN_FLIGHT = 4;
    private static final byte[] END = new byte[0];

    private record Chunk(byte[] bytes, int length) {}

    private final CopyIn in;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final AtomicReference<SQLException> failure = new AtomicReference<>();
    private final Thread thread;

    CopySender(CopyIn in, String table) {
        this.in = in;
        this.thread = Thread.ofPlatform().daemon().name("basin-copy-" + table).start(this::run);
    }

    private void run() {
        try {
            while (true) {
                Chunk c = queue.take();
                if (c.bytes() == END) {
                    return;
                }
                in.writeToCopy(c.bytes(), 0, c.length());
            }
        } catch (SQLException e) {
            failure.set(e);
            queue.clear();
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new SQLException("COPY sender interrupted"));
        }
    }

    void send(byte[] bytes, int length) throws SQLException {
        put(new Chunk(bytes, length));
    }

    /** Waits until every chunk is sent; rethrows a send failure. */
    void finish() throws SQLException {
        put(new Chunk(END, 0));
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while finishing a COPY", e);
        }
        rethrow();
    }

    /** Stops the helper without sending what is queued. */
    void abort() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Chunk c) throws SQLException {
        try {
            while (!queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new SQLException("COPY sender stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending a COPY", e);
        }
        rethrow();
    }

    private void rethrow() throws SQLException {
        SQLException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
