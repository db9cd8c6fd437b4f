package dev.basin.reliability;

import dev.basin.store.Store;
import dev.basin.store.StoreException;
import dev.basin.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process writers for the database-loss tests: each thread inserts sessions with unique ids through the store
 * (group commit) in a loop and keeps writing whatever happens, recording acknowledged ids, failures that say the
 * database is unavailable, and any other failure (which the tests require to be none).
 */
final class OutageWriters implements AutoCloseable {
    private final Store store;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final List<String> unavailableMessages = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> otherFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final int tag;
    private volatile boolean stop;

    /** {@code tag} (0..0xffff) makes the ids of this writer group unique within the database. */
    OutageWriters(Store store, int writers, long seed, int tag) {
        this.store = store;
        this.tag = tag;
        for (int t = 0; t < writers; t++) {
            int thread = t;
            Thread th = new Thread(() -> loop(thread, new SplittableRandom(seed + thread)), "outage-writer-" + t);
            th.setDaemon(true);
            threads.add(th);
        }
        threads.forEach(Thread::start);
    }

    private void loop(int thread, SplittableRandom r) {
        for (int n = 0; !stop; n++) {
            String id = "ses_" + String.format("%04x%04x%08x", tag, thread, n);
            try {
                store.insert(WorkloadTables.SESSIONS, WorkloadTables.session(id, r));
                acked.add(id);
                lastAckNanos.set(System.nanoTime());
            } catch (StoreUnavailableException e) {
                unavailable.incrementAndGet();
                if (unavailableMessages.size() < 20) {
                    unavailableMessages.add(e.getMessage());
                }
                pause(50);
            } catch (StoreException e) {
                otherFailures.add(e);
                pause(50);
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until some write is acknowledged after {@code sinceNanos}; false if none within {@code timeoutMs}. */
    boolean awaitAckAfter(long sinceNanos, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (lastAckNanos.get() > sinceNanos) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Waits until at least {@code n} more unavailability failures than {@code from} were seen. */
    boolean awaitUnavailable(long from, long n, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (unavailable.get() >= from + n) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    Set<String> acked() {
        return Set.copyOf(acked);
    }

    long unavailableCount() {
        return unavailable.get();
    }

    List<String> unavailableMessages() {
        synchronized (unavailableMessages) {
            return List.copyOf(unavailableMessages);
        }
    }

    List<Throwable> otherFailures() {
        synchronized (otherFailures) {
            return List.copyOf(otherFailures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            t.join(60_000);
        }
    }
}
