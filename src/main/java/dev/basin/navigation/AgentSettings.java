package dev.basin.navigation;

import dev.basin.geometry.InvalidInputException;
import java.time.Duration;

/**
 * Tunables of the {@link OceanAgent}.
 *
 * @param waypointFlush      departed waypoints buffered before one bulk write (COPY)
 * @param maxDetours         detours allowed in one trajectory before it counts as blocked
 * @param exhaustVisits      completed visits to one target (within {@code exclusionRadius}) without Φ gain after which
 *                           the agent excludes that region ({@code exhausted})
 * @param exclusionRadius    radius (Fisher–Rao) of the regions the agent records
 * @param exclusionTtl       how long such a region lasts (from the trajectory's end, in the agent's time)
 */
public record AgentSettings(int waypointFlush, int maxDetours, int exhaustVisits, double exclusionRadius,
        Duration exclusionTtl) {
    public static final AgentSettings DEFAULTS = new AgentSettings(64, 8, 3, 0.05, Duration.ofMinutes(10));

    public AgentSettings {
        if (waypointFlush < 1) {
            throw new InvalidInputException("waypointFlush", "must be at least 1, is " + waypointFlush);
        }
        if (maxDetours < 0) {
            throw new InvalidInputException("maxDetours", "must be non-negative, is " + maxDetours);
        }
        if (exhaustVisits < 1) {
            throw new InvalidInputException("exhaustVisits", "must be at least 1, is " + exhaustVisits);
        }
        if (!(exclusionRadius > 0.0 && exclusionRadius <= Math.PI)) {
            throw new InvalidInputException("exclusionRadius", "must be in (0, π], is " + exclusionRadius);
        }
        if (exclusionTtl == null || exclusionTtl.isNegative() || exclusionTtl.isZero()) {
            throw new InvalidInputException("exclusionTtl", "must be a positive duration, is " + exclusionTtl);
        }
    }
}
