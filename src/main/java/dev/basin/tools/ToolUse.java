package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One use of a generated tool while a procedure was carried out: which tool, the operations it stood for, whether it
 * succeeded, the problem if it did not (pipeline error, output schema or the user's check), and its output if it did.
 */
public record ToolUse(String toolId, String toolName, List<String> operations, boolean success, String problem,
        JsonNode output) {
    public ToolUse {
        operations = List.copyOf(operations);
    }
}
