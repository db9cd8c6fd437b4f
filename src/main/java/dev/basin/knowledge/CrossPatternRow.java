package dev.basin.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.List;

/** One row of {@code knowledge_cross_patterns}. {@code patternKey} identifies the member set across re-discoveries. */
public record CrossPatternRow(
        String patternId,
        String patternKey,
        String patternType,
        List<String> involvedDomains,
        Basin signature,
        double radiusFr,
        double confidence,
        int exampleCount,
        JsonNode examples,
        int timesDiscovered,
        Instant discoveredAt,
        Instant lastSeenAt,
        JsonNode metadata) {
    public CrossPatternRow {
        involvedDomains = List.copyOf(involvedDomains);
    }
}
