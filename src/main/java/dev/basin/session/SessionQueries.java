package dev.basin.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The few reads the session makes that no feature service offers. */
final class SessionQueries {
    private final Jdbi jdbi;

    SessionQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Ids of the cross-domain patterns involving {@code domain}, most often discovered first (at most {@code limit}). */
    List<String> patternIdsFor(String domain, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pattern_id FROM knowledge_cross_patterns"
                        + " WHERE :domain = ANY(involved_domains) ORDER BY times_discovered DESC, confidence_score DESC, example_count DESC, pattern_key LIMIT :limit")
                .bind("domain", domain).bind("limit", limit).mapTo(String.class).list());
    }

    /** The generated tool whose stored pipeline equals {@code implementation} (jsonb equality), oldest first. */
    Optional<String> toolWithImplementation(JsonNode implementation) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tool_id FROM generated_tools WHERE implementation = CAST(:impl AS jsonb)"
                        + " ORDER BY generated_at, tool_id LIMIT 1")
                .bind("impl", implementation.toString()).mapTo(String.class).findOne());
    }
}
