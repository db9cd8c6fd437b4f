package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;
import java.util.List;

/**
 * What a spawn hands over besides the parent's attractors (always transferred): vocabulary terms, cross-pattern ids
 * ({@code knowledge_cross_patterns}) and strategy tool ids ({@code generated_tools}). Empty lists transfer nothing of
 * that type; named ids must exist.
 */
public record SpawnRequest(String childName, List<String> vocabulary, List<String> patternIds,
        List<String> strategyToolIds) {
    public SpawnRequest {
        KernelService.validName(childName);
        vocabulary = checked("vocabulary", vocabulary);
        patternIds = checked("pattern_ids", patternIds);
        strategyToolIds = checked("strategy_tool_ids", strategyToolIds);
    }

    public static SpawnRequest named(String childName) {
        return new SpawnRequest(childName, List.of(), List.of(), List.of());
    }

    private static List<String> checked(String field, List<String> items) {
        if (items == null) {
            return List.of();
        }
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            if (s == null || s.isBlank() || s.length() > 200) {
                throw new InvalidInputException(field + "[" + i + "]", "must be 1 to 200 characters, not blank");
            }
        }
        return List.copyOf(items);
    }
}
