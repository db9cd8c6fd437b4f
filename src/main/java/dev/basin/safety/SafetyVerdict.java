package dev.basin.safety;

import java.util.List;

/** The answer of a safety check: safe, or the violated balls (sorted by distance to their centre). */
public record SafetyVerdict(boolean safe, List<Violation> violations) {
    public SafetyVerdict {
        violations = List.copyOf(violations);
    }

    /** The ids of the violated balls. */
    public List<String> ids() {
        return violations.stream().map(Violation::id).toList();
    }
}
