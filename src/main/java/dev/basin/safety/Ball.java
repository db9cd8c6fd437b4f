package dev.basin.safety;

import dev.basin.geometry.Basin;
import java.time.Instant;

/**
 * A forbidden ball as the safety check sees it: d(p, center) &lt; radius is inside. Which queries it applies to:
 * <ul>
 *   <li>{@code scopeAgent} null: everyone; otherwise that agent, and — unless {@code agentOnly} — also a check made
 *       without an agent (a barrier of one kernel is still reported to an anonymous caller);
 *   <li>{@code validFrom}/{@code validUntil} (each nullable): only when validFrom ≤ at &lt; validUntil.
 * </ul>
 */
public record Ball(
        String table,
        String id,
        Basin center,
        double radius,
        String reason,
        String scopeAgent,
        boolean agentOnly,
        Instant validFrom,
        Instant validUntil) {

    /** Whether this ball applies to a check at {@code at} for {@code agentId} (nullable). */
    public boolean appliesTo(Instant at, String agentId) {
        if (validFrom != null && at.isBefore(validFrom)) {
            return false;
        }
        if (validUntil != null && !at.isBefore(validUntil)) {
            return false;
        }
        if (scopeAgent == null) {
            return true;
        }
        if (agentId == null) {
            return !agentOnly;
        }
        return scopeAgent.equals(agentId);
    }
}
