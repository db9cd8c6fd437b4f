package dev.basin.knowledge;

import dev.basin.geometry.InvalidInputException;
import java.time.Duration;

/**
 * Parameters of sleep consolidation (see {@code docs/knowledge.md}).
 *
 * @param clusterRadius Fisher–Rao radius around a cluster's seed within which pending fragments join it
 *     (default {@value #DEFAULT_CLUSTER_RADIUS}); in (0, π]
 * @param decayTau time constant τ of the age decay importance·exp(−age/τ) (default 1 hour)
 * @param pruneThreshold a singleton whose decayed importance is below this is pruned (default
 *     {@value #DEFAULT_PRUNE_THRESHOLD})
 */
public record SleepConfig(double clusterRadius, Duration decayTau, double pruneThreshold) {
    public static final double DEFAULT_CLUSTER_RADIUS = 0.3;
    public static final double DEFAULT_PRUNE_THRESHOLD = 0.1;

    public SleepConfig {
        if (!(clusterRadius > 0.0 && clusterRadius <= Math.PI)) {
            throw new InvalidInputException("clusterRadius", "must be in (0, π], is " + clusterRadius);
        }
        if (decayTau == null || decayTau.isNegative() || decayTau.isZero()) {
            throw new InvalidInputException("decayTau", "must be positive, is " + decayTau);
        }
        if (!(pruneThreshold >= 0.0) || !Double.isFinite(pruneThreshold)) {
            throw new InvalidInputException("pruneThreshold", "must be finite and ≥ 0, is " + pruneThreshold);
        }
    }

    public static SleepConfig defaults() {
        return new SleepConfig(DEFAULT_CLUSTER_RADIUS, Duration.ofHours(1), DEFAULT_PRUNE_THRESHOLD);
    }
}
