package dev.basin.session.behaviour;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulated clock of a session: it stands still until the session moves it, so every domain time (waypoint
 * arrivals, emotions, checkpoints, era windows, fragment ages) follows the session's steps, not the machine's speed.
 *
 * <p>Kernels that live concurrently each keep their own time: {@link #inLane} runs work on the calling thread with a
 * lane, a private clock starting at a given time, and every read and move of this clock on that thread reads and moves
 * the lane instead. Outside a lane the session's thread moves the session time; readers on other threads see the
 * latest value.
 */
public final class SimClock extends Clock {
    private volatile Instant now;
    private final ThreadLocal<Instant[]> lane = new ThreadLocal<>();

    /** A clock standing at {@code start} truncated to the millisecond (times round-trip through PostgreSQL's µs). */
    public SimClock(Instant start) {
        this.now = start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock is UTC only");
    }

    @Override
    public Instant instant() {
        Instant[] l = lane.get();
        return l != null ? l[0] : now;
    }

    /** Moves the clock (the lane's, inside one) forward by {@code d} (≥ 0) and returns the new time. */
    public Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the simulated clock never goes back: " + d);
        }
        Instant[] l = lane.get();
        if (l != null) {
            l[0] = l[0].plus(d);
            return l[0];
        }
        now = now.plus(d);
        return now;
    }

    /** Moves the clock (the lane's, inside one) to {@code t} if that is later (never back). */
    public Instant advanceTo(Instant t) {
        Instant[] l = lane.get();
        if (l != null) {
            if (t.isAfter(l[0])) {
                l[0] = t;
            }
            return l[0];
        }
        if (t.isAfter(now)) {
            now = t;
        }
        return now;
    }

    /**
     * Runs {@code work} on the calling thread in a lane that starts at {@code start} (truncated to the millisecond) and
     * returns the lane's time when the work ends. Lanes do not nest and do not move the session time.
     */
    public Instant inLane(Instant start, Runnable work) {
        if (lane.get() != null) {
            throw new IllegalStateException("this thread is already in a lane");
        }
        Instant[] l = {start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)};
        lane.set(l);
        try {
            work.run();
            return l[0];
        } finally {
            lane.remove();
        }
    }
}
