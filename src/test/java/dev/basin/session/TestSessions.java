package dev.basin.session;

import dev.basin.session.behaviour.SimClock;
import dev.basin.BasinEngine;
import dev.basin.EngineConfig;
import dev.basin.attractors.FinderConfig;
import dev.basin.store.Store;
import java.time.Instant;

/**
 * Runs a real session (what {@code basin run} does) for tests, shortened: a simulated clock starting now and a cheaper
 * attractor finder. Used by the session tests and by tests in other packages that need a database a session filled.
 */
public final class TestSessions {
    /** The attractor finder of shortened sessions: 100 Monte Carlo volume samples instead of a session's 200. */
    public static final FinderConfig FINDER = FinderConfig.defaults().withVolumeSamples(100);

    private TestSessions() {}

    /** Runs a session of {@code kernels} root kernels for {@code cycles} cycles with {@code seed} on the shipped corpus. */
    public static SessionSummary run(Store store, int kernels, int cycles, long seed) {
        SimClock clock = new SimClock(Instant.now());
        SessionConfig config = new SessionConfig(kernels, cycles, seed, null);
        EngineConfig cfg = SessionRunner.engineConfig(store.config(), clock, config).withFinder(FINDER);
        BasinEngine engine = BasinEngine.over(store, cfg);
        try {
            return new SessionRunner(engine, clock, config, null, null).run();
        } finally {
            engine.close();
        }
    }
}
