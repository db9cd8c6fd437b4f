package dev.basin.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code sessions}: a run's seed, configuration, status, start and end ({@code null} while running). */
public record SessionRecord(String sessionId, long seed, JsonNode config, SessionStatus status, Instant startedAt,
        Instant finishedAt, JsonNode metadata) {}
