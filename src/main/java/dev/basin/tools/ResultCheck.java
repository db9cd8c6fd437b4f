package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The user's check of a tool's result (beyond its output schema): the problem that makes the result unusable, or
 * empty. A result that fails its check is a failed use.
 */
@FunctionalInterface
public interface ResultCheck {
    /** Accepts every result that satisfies the output schema. */
    ResultCheck NONE = output -> Optional.empty();

    Optional<String> problem(JsonNode output);
}
