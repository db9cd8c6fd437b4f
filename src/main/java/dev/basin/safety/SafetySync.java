package dev.basin.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link BallIndex} in step with the three safety tables: each {@link #poll()} reads the rows whose
 * {@code updated_at} (set by the database: {@code now()} on insert, {@code clock_timestamp()} by every update of
 * {@link SafetyService}) is later than the newest seen minus
 * an overlap window, and puts active rows into the index and removes inactive ones. The overlap (default 10 s)
 * catches rows whose transaction committed after a later-stamped row was already seen. Polling on a background
 * thread bounds the delay with which another process's writes become visible to one poll interval (plus the poll's
 * own query time); writes of this process are applied immediately by {@link SafetyService}.
 */
final class SafetySync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SafetySync.class);

    private final SafetyQueries queries;
    private final BallIndex index;
    private final Duration overlap;
    private final AtomicReference<Instant> barriersSeen = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Instant> regionsSeen = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Instant> erasSeen = new AtomicReference<>(Instant.EPOCH);
    private ScheduledExecutorService poller;

    SafetySync(SafetyQueries queries, BallIndex index, Duration overlap) {
        this.queries = queries;
        this.index = index;
        this.overlap = overlap;
    }

    /** Reads every change since the last poll (minus the overlap) into the index; returns the rows read. */
    synchronized int poll() {
        int n = 0;
        for (var s : queries.barriersChangedSince(since(barriersSeen))) {
            apply(s.row().active(), s.row().barrierId(), () -> SafetyService.ball(s.row()));
            advance(barriersSeen, s.updatedAt());
            n++;
        }
        for (var s : queries.regionsChangedSince(since(regionsSeen))) {
            apply(s.row().active(), s.row().regionId(), () -> SafetyService.ball(s.row()));
            advance(regionsSeen, s.updatedAt());
            n++;
        }
        for (var s : queries.erasChangedSince(since(erasSeen))) {
            apply(s.row().active(), s.row().exclusionId(), () -> SafetyService.ball(s.row()));
            advance(erasSeen, s.updatedAt());
            n++;
        }
        return n;
    }

    /** Starts polling every {@code interval} on a daemon thread (idempotent). */
    synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "safety-sync");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        poller.scheduleWithFixedDelay(this::pollLoudly, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void pollLoudly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A failed poll changes nothing in the index; the next poll retries from the same watermark.
            LOG.error("safety index poll failed; the index keeps its last state until the next poll", e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private Instant since(AtomicReference<Instant> seen) {
        Instant s = seen.get();
        return s.equals(Instant.EPOCH) ? s : s.minus(overlap);
    }

    private static void advance(AtomicReference<Instant> seen, Instant t) {
        seen.accumulateAndGet(t, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void apply(boolean active, String id, java.util.function.Supplier<Ball> ball) {
        if (active) {
            index.put(ball.get());
        } else {
            index.remove(id);
        }
    }
}
