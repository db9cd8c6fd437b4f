package dev.basin.safety;

import dev.basin.store.ChangeFeed;
import dev.basin.store.ChangeListener;
import dev.basin.store.Store;
import dev.basin.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link BallIndex} equal to the three safety tables as of the snapshot of its last {@link #read()}: each read
 * takes the rows that the tables' {@link ChangeFeed} returns (every row the first time, then exactly the rows written
 * by transactions that committed since the previous read) and puts the active ones into the index and removes the
 * inactive ones. Reads are serialised, so the index only ever moves forward in commit order.
 *
 * <p>{@link #start} runs a thread that listens on {@link SafetyTables#CHANNEL} (every write of the three tables
 * notifies it when it commits) and reads after every notification, and after every {@code interval} without one: the
 * fallback that finds whatever a lost connection's notifications would have announced. See docs/safety.md for the
 * bound on how long after a commit in another process a check here sees it.
 */
final class SafetySync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SafetySync.class);

    private final Store store;
    private final SafetyQueries queries;
    private final BallIndex index;
    private final ChangeFeed feed;
    private final AtomicLong reads = new AtomicLong();
    private volatile Instant lastRead;
    private volatile ChangeListener listener;
    private volatile boolean closed;
    private Thread thread;

    SafetySync(Store store, SafetyQueries queries, BallIndex index) {
        this.store = store;
        this.queries = queries;
        this.index = index;
        this.feed = store.changeFeed();
    }

    /** Reads every change since the last read into the index; returns the rows read. */
    synchronized int read() {
        int n = feed.read(changes -> {
            SafetyQueries.Changed c = queries.changed(changes);
            for (BarrierRow r : c.barriers()) {
                apply(r.active(), r.barrierId(), () -> SafetyService.ball(r));
            }
            for (ExcludedRegionRow r : c.regions()) {
                apply(r.active(), r.regionId(), () -> SafetyService.ball(r));
            }
            for (EraExclusionRow r : c.eras()) {
                apply(r.active(), r.exclusionId(), () -> SafetyService.ball(r));
            }
            return c.size();
        });
        reads.incrementAndGet();
        lastRead = Instant.now();
        return n;
    }

    private void apply(boolean active, String id, Supplier<Ball> ball) {
        if (active) {
            index.put(ball.get());
        } else {
            index.remove(id);
        }
    }

    /**
     * Starts the listening thread (idempotent): it waits for a notification at most {@code interval}, then reads;
     * while the listening connection is lost it reads every {@code interval} and tries to listen again.
     */
    synchronized void start(Duration interval) {
        if (thread != null || closed) {
            return;
        }
        listener = store.listen(SafetyTables.CHANNEL);
        thread = new Thread(() -> loop(interval), "safety-sync");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Duration interval) {
        boolean lost = false;
        while (!closed) {
            try {
                if (!listener.listen()) {
                    listener.await(interval);
                }
                if (lost) {
                    LOG.info("safety sync listens on {} again", SafetyTables.CHANNEL);
                    lost = false;
                }
            } catch (StoreException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn("safety sync cannot listen on {} ({}); reading every {} ms until it can again",
                            SafetyTables.CHANNEL, e.getMessage(), interval.toMillis());
                    lost = true;
                }
                if (!pause(interval)) {
                    return;
                }
            }
            try {
                read();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                // A failed read changes nothing in the index; the next one returns the same changes again.
                LOG.error("safety index read failed; the index keeps its last state until the next read", e);
            }
        }
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Where the sync stands: whether it listens, how often it read and when last, how often it connected. */
    SyncStatus status() {
        ChangeListener l = listener;
        return new SyncStatus(l != null && l.listening(), reads.get(), lastRead, l == null ? 0 : l.connects(),
                l == null ? 0 : l.backendPid());
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        ChangeListener l = listener;
        if (l != null) {
            l.close();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
