package dev.basin.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;

/**
 * A false pattern class to register: the ball (signature, radius) in which candidates are not pursued, why, and the
 * cases that showed it (a non-empty JSON array).
 */
public record FalsePatternDraft(String description, String falseReason, DetectionMethod method, Basin signature,
        double radiusFr, JsonNode exampleCases) {
    public FalsePatternDraft {
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("description", "must not be blank");
        }
        if (falseReason == null || falseReason.isBlank()) {
            throw new InvalidInputException("falseReason", "must not be blank");
        }
        if (method == null) {
            throw new InvalidInputException("method", "is missing");
        }
        if (signature == null) {
            throw new InvalidInputException("signature", "is missing");
        }
        if (!(radiusFr > 0.0 && radiusFr <= Math.PI)) {
            throw new InvalidInputException("radiusFr", "must be in (0, π], is " + radiusFr);
        }
        if (exampleCases == null || !exampleCases.isArray() || exampleCases.isEmpty()) {
            throw new InvalidInputException("exampleCases", "must be a non-empty JSON array");
        }
    }
}
