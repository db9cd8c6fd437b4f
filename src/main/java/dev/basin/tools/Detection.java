package dev.basin.tools;

import dev.basin.knowledge.Avoidance;
import java.util.Optional;

/**
 * The result of checking two domains for resonance: {@code FIRED} (an insight stored), {@code QUIET} (no resonance:
 * too far apart or Φ too low; nothing written) or {@code AVOIDED} (resonance inside a false pattern class: not
 * pursued, that class's times_avoided incremented).
 */
public record Detection(Status status, double distance, Optional<InsightRow> insight, Optional<Avoidance> avoidance,
        String reason) {
    public enum Status { FIRED, QUIET, AVOIDED }
}
