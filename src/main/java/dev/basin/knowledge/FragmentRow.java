package dev.basin.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code memory_fragments}. {@code consolidatedInto} and {@code consolidatedAt} may be null. */
public record FragmentRow(
        String fragmentId,
        String kernelId,
        FragmentType type,
        JsonNode content,
        Basin basin,
        double phi,
        double importance,
        int accessCount,
        ConsolidationStatus status,
        String consolidatedInto,
        Instant createdAt,
        Instant consolidatedAt,
        JsonNode metadata) {}
