package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code sessions}. */
public record SessionRow(String sessionId, long seed, JsonNode config, SessionStatus status, Instant startedAt,
        Instant finishedAt, JsonNode metadata) {}
