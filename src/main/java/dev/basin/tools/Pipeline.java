package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's implementation: a declarative pipeline, checked when parsed.
 *
 * <pre>{@code
 * {"steps": [
 *    {"op": "coordize", "args": {"text": "$input.query"}, "as": "q"},
 *    {"op": "nearest_chunk", "args": {"basin": "$q"}, "as": "hit"}],
 *  "result": {"chunk": "$hit.chunk_id", "distance": "$hit.distance"}}
 * }</pre>
 *
 * Each step names a known {@link Operation}, gives exactly its arguments, and binds its result to a name
 * ({@code [a-z][a-z0-9_]*}, not {@code input}, unique). An argument or result string starting with {@code $} is a
 * reference: {@code $input}, {@code $input.field…}, {@code $name} or {@code $name.field…}, where {@code name} was bound
 * by an earlier step; anything else is a literal. At most {@value #MAX_STEPS} steps.
 */
public record Pipeline(List<Step> steps, JsonNode result) {
    public static final int MAX_STEPS = 32;

    /** One step: operation, argument expressions, and the name its result is bound to. */
    public record Step(Operation op, Map<String, JsonNode> args, String as) {}

    public Pipeline {
        steps = List.copyOf(steps);
    }

    /** The operations in order, e.g. [coordize, nearest_chunk]. */
    public List<String> operations() {
        return steps.stream().map(s -> s.op().opName()).toList();
    }

    /** Parses and checks {@code json}; every problem names its place, e.g. {@code implementation.steps[1].op}. */
    public static Pipeline parse(JsonNode json) {
        String f = "implementation";
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(f, "must be a JSON object with steps and result");
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("steps") && !k.equals("result")) {
                throw new InvalidInputException(f + "." + k, "is not a pipeline field (allowed: steps, result)");
            }
        }
        JsonNode steps = json.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new InvalidInputException(f + ".steps", "must be a non-empty array");
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidInputException(f + ".steps", "must have at most " + MAX_STEPS + " steps, has " + steps.size());
        }
        Set<String> bound = new HashSet<>();
        bound.add("input");
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(f + ".steps[" + i + "]", steps.get(i), bound));
        }
        if (!json.has("result")) {
            throw new InvalidInputException(f + ".result", "is required");
        }
        checkRefs(f + ".result", json.get("result"), bound);
        return new Pipeline(out, json.get("result").deepCopy());
    }

    private static Step step(String f, JsonNode s, Set<String> bound) {
        if (!s.isObject()) {
            throw new InvalidInputException(f, "must be an object with op, args, as");
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("op") && !k.equals("args") && !k.equals("as")) {
                throw new InvalidInputException(f + "." + k, "is not a step field (allowed: op, args, as)");
            }
        }
        JsonNode op = s.get("op");
        if (op == null || !op.isTextual()) {
            throw new InvalidInputException(f + ".op", "must be an operation name");
        }
        Operation operation = Operation.named(f + ".op", op.asText());
        JsonNode args = s.get("args");
        if (args == null || !args.isObject()) {
            throw new InvalidInputException(f + ".args", "must be an object");
        }
        Map<String, JsonNode> a = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!operation.params().containsKey(e.getKey())) {
                throw new InvalidInputException(f + ".args." + e.getKey(), "is not a parameter of " + operation.opName()
                        + " (parameters: " + operation.params().keySet() + ")");
            }
            checkRefs(f + ".args." + e.getKey(), e.getValue(), bound);
            a.put(e.getKey(), e.getValue().deepCopy());
        }
        for (String p : operation.params().keySet()) {
            if (!a.containsKey(p)) {
                throw new InvalidInputException(f + ".args." + p, "is required by " + operation.opName());
            }
        }
        JsonNode as = s.get("as");
        if (as == null || !as.isTextual() || !as.asText().matches("[a-z][a-z0-9_]{0,62}")) {
            throw new InvalidInputException(f + ".as", "must be a name matching [a-z][a-z0-9_]*");
        }
        if (!bound.add(as.asText())) {
            throw new InvalidInputException(f + ".as", "binds " + as.asText() + " again");
        }
        return new Step(operation, a, as.asText());
    }

    private static void checkRefs(String f, JsonNode v, Set<String> bound) {
        if (v.isTextual() && v.asText().startsWith("$")) {
            String root = v.asText().substring(1).split("\\.", -1)[0];
            if (!bound.contains(root)) {
                throw new InvalidInputException(f, "refers to " + v.asText() + " but " + root + " is not bound before it");
            }
        } else if (v.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                checkRefs(f + "." + e.getKey(), e.getValue(), bound);
            }
            for (int i = 0; v.isArray() && i < v.size(); i++) {
                checkRefs(f + "[" + i + "]", v.get(i), bound);
            }
        }
    }
}
