package dev.basin.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A deterministic clock that advances by a fixed tick on every reading. */
final class TickingClock extends Clock {
    private final Instant start;
    private final Duration tick;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Instant start, Duration tick) {
        this.start = start;
        this.tick = tick;
    }

    static TickingClock seconds() {
        return new TickingClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));
    }

    @Override
    public Instant instant() {
        return start.plus(tick.multipliedBy(reads.getAndIncrement()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
