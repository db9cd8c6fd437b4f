package dev.basin.session.rules;

import dev.basin.geometry.Regime;
import dev.basin.knowledge.KappaState;
import java.util.Optional;

/**
 * The scale-mapping rule of one kernel: every measurement of its coupling state (each step of a voyage, a blocked
 * voyage's reaction in place, a restore) is compared with the previous one; when κ_eff lies in another regime
 * ({@link Regime#of}) the pair is a crossing, recorded by the session as a scale mapping at the time of the
 * measurement that shows it. A crossing into a regime and back within one voyage is thus two mappings, and a restore
 * that moves κ_eff out of breakdown is one.
 */
public final class RegimeWatch {
    /** Two consecutive measurements in different regimes, and what made the second. */
    public record Crossing(KappaState before, KappaState after, String cause) {
        public Regime from() {
            return Regime.of(before.kappaEff());
        }

        public Regime to() {
            return Regime.of(after.kappaEff());
        }
    }

    private KappaState last;

    /** The crossing from the previous measurement to {@code now}, if the regime changed; {@code now} becomes the last. */
    public Optional<Crossing> measure(KappaState now, String cause) {
        KappaState before = last;
        last = now;
        if (before == null || Regime.of(before.kappaEff()) == Regime.of(now.kappaEff())) {
            return Optional.empty();
        }
        return Optional.of(new Crossing(before, now, cause));
    }
}
