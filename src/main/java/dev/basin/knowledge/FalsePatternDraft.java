package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;

/**
 * A false pattern class to register: the ball (signature, radius) in which candidates are not pursued, why, and the
 * cases that showed it (a non-empty JSON array).
 */
public record FalsePatternDraft(String description, String falseReason, DetectionMethod method, Basin signature,
        double radiusFr, JsonNode exampleCases) {
    /** Longest description or reason. */
    public static final int MAX_TEXT = 4_000;

    public FalsePatternDraft {
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("description", "must not be blank");
        }
        if (falseReason == null || falseReason.isBlank()) {
            throw new InvalidInputException("falseReason", "must not be blank");
        }
        if (description.length() > MAX_TEXT) {
            throw new InvalidInputException("description", "must be at most " + MAX_TEXT + " characters, has "
                    + description.length());
        }
        if (falseReason.length() > MAX_TEXT) {
            throw new InvalidInputException("falseReason", "must be at most " + MAX_TEXT + " characters, has "
                    + falseReason.length());
        }
        requirePresent("method", method);
        requirePresent("signature", signature);
        if (!(radiusFr > 0.0 && radiusFr <= Math.PI)) {
            throw new InvalidInputException("radiusFr", "must be in (0, π], is " + radiusFr);
        }
        if (exampleCases == null || !exampleCases.isArray() || exampleCases.isEmpty()) {
            throw new InvalidInputException("exampleCases", "must be a non-empty JSON array");
        }
        if (exampleCases.size() > 1000) {
            throw new InvalidInputException("exampleCases", "must have at most 1000 entries, has " + exampleCases.size());
        }
    }
}
