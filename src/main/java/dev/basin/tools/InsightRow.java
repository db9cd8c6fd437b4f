package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.List;

/** One row of {@code lightning_insights}: a resonance between domains and the bridging basin between them. */
public record InsightRow(
        String insightId,
        String kernelId,
        List<String> domains,
        Basin basin,
        double confidence,
        String content,
        Instant createdAt,
        JsonNode metadata) {
    public InsightRow {
        domains = List.copyOf(domains);
    }
}
