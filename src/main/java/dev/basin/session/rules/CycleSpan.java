package dev.basin.session.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a cycle lasts in simulated time, measured: the mean duration of the cycles completed so far, and during
 * the first cycle the time it has lasted up to the moment asked (at least one step). Windows and expiries the session
 * declares "for n cycles" are n times this span, so they last about n cycles however many kernels live and
 * investigate in a cycle. Written on the session's thread between cycles; the kernels' threads only read it.
 */
public final class CycleSpan {
    private final Duration shortest;
    private volatile Instant cycleStart;
    private volatile Duration completed = Duration.ZERO;
    private volatile int cycles;

    /** A span of at least {@code shortest} (one step of a kernel). */
    public CycleSpan(Duration shortest) {
        this.shortest = shortest;
    }

    /** Cycle {@code c} begins at {@code at}. */
    public void begin(Instant at) {
        cycleStart = at;
    }

    /** The current cycle ends at {@code at}. */
    public void end(Instant at) {
        completed = completed.plus(Duration.between(cycleStart, at));
        cycles++;
    }

    /** The measured span of one cycle as seen at {@code now}. */
    public Duration at(Instant now) {
        Duration span = cycles > 0 ? completed.dividedBy(cycles)
                : cycleStart == null ? Duration.ZERO : Duration.between(cycleStart, now);
        return span.compareTo(shortest) < 0 ? shortest : span;
    }

    /** {@code n} measured cycles from {@code now}. */
    public Instant after(Instant now, int n) {
        return now.plus(at(now).multipliedBy(n));
    }
}
