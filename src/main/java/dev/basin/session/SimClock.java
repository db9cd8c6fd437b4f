package dev.basin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulated clock of a session: it stands still until the session moves it, so every domain time (waypoint
 * arrivals, emotions, checkpoints, era windows, fragment ages) follows the session's steps, not the machine's speed.
 * Only the session's own thread moves it; readers on other threads see the latest value.
 */
public final class SimClock extends Clock {
    private volatile Instant now;

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
        return now;
    }

    /** Moves the clock forward by {@code d} (≥ 0) and returns the new time. */
    public Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the simulated clock never goes back: " + d);
        }
        now = now.plus(d);
        return now;
    }

    /** Moves the clock to {@code t} if that is later (never back). */
    public Instant advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
        return now;
    }
}
