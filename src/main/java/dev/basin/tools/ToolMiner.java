package dev.basin.tools;

import dev.basin.store.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns repeated success into tools (generation_method {@code pattern_based}). The kernel reports each operation
 * sequence it ran ({@link #observe}); when the same kernel has run the same pipeline successfully
 * {@code threshold} times (default {@value #DEFAULT_THRESHOLD}), the pipeline is registered as a named tool:
 *
 * <ul>
 *   <li>name {@code auto_<ops joined by _>_<8 hex of SHA-256(canonical pipeline)>} (ops part cut to 40 chars);</li>
 *   <li>input schema inferred from the example input (object → properties with their inferred types, all required;
 *       arrays of 64 numbers → minItems = maxItems = 64), output schema inferred from running the pipeline on it;</li>
 *   <li>phi_score = mean Φ reported with the successful runs.</li>
 * </ul>
 *
 * Counts are kept per miner instance (per kernel and canonical pipeline); failures do not count. The same pipeline
 * mined again (by another kernel, or after a restart) finds its name taken and is not registered twice.
 */
public final class ToolMiner {
    public static final int DEFAULT_THRESHOLD = 3;

    private record Tally(int successes, double phiSum) {}

    private final ToolService tools;
    private final int threshold;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    public ToolMiner(ToolService tools) {
        this(tools, DEFAULT_THRESHOLD);
    }

    public ToolMiner(ToolService tools, int threshold) {
        this.tools = Objects.requireNonNull(tools, "tools");
        if (threshold < 1) {
            throw new InvalidInputException("threshold", "must be ≥ 1, is " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Records one run of {@code implementation} (a pipeline) by {@code kernelId} on {@code exampleInput}, with the
     * kernel's Φ at the time. Returns the tool when this run made the pipeline reach the threshold and it was
     * registered.
     */
    public Optional<ToolRow> observe(String kernelId, JsonNode implementation, JsonNode exampleInput, double phi,
            boolean success) {
        if (kernelId == null || kernelId.isBlank()) {
            throw new InvalidInputException("kernelId", "must not be blank");
        }
        Pipeline pipeline = Pipeline.parse(implementation);
        if (exampleInput == null || !exampleInput.isObject()) {
            throw new InvalidInputException("exampleInput", "must be a JSON object");
        }
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
        if (!success) {
            return Optional.empty();
        }
        String canonical = canonical(implementation);
        Tally t = tallies.merge(kernelId + "\n" + canonical, new Tally(1, phi),
                (a, b) -> new Tally(a.successes() + 1, a.phiSum() + b.phiSum()));
        if (t.successes() != threshold) {
            return Optional.empty();
        }
        JsonNode output = tools.interpret(pipeline, exampleInput);
        String ops = String.join("_", pipeline.operations());
        if (ops.length() > 40) {
            ops = ops.substring(0, 40);
        }
        String name = "auto_" + ops + "_" + sha256(canonical).substring(0, 8);
        String description = "Pattern-based tool mined from " + threshold + " successful runs of "
                + String.join(" → ", pipeline.operations()) + " by kernel " + kernelId;
        ToolDraft draft = new ToolDraft(name, description, schemaOf(exampleInput), schemaOf(output), implementation,
                kernelId, "pattern_based", t.phiSum() / t.successes());
        return tools.registerIfAbsent(draft);
    }

    /** The JSON Schema (supported subset) describing {@code v}'s shape. */
    static ObjectNode schemaOf(JsonNode v) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        if (v.isObject()) {
            s.put("type", "object");
            ObjectNode props = s.putObject("properties");
            ArrayNode required = s.putArray("required");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                props.set(e.getKey(), schemaOf(e.getValue()));
                required.add(e.getKey());
            }
        } else if (v.isArray()) {
            s.put("type", "array");
            if (v.size() == Basin.DIM && allNumbers(v)) {
                s.put("minItems", Basin.DIM).put("maxItems", Basin.DIM);
                s.putObject("items").put("type", "number").put("minimum", 0.0);
            } else if (!v.isEmpty()) {
                s.set("items", schemaOf(v.get(0)));
            }
        } else if (v.isIntegralNumber()) {
            s.put("type", "integer");
        } else if (v.isNumber()) {
            s.put("type", "number");
        } else if (v.isBoolean()) {
            s.put("type", "boolean");
        } else if (v.isTextual()) {
            s.put("type", "string");
        }
        return s;
    }

    private static boolean allNumbers(JsonNode arr) {
        for (JsonNode n : arr) {
            if (!n.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** JSON text with object fields sorted by name at every level, so equal pipelines compare equal. */
    static String canonical(JsonNode v) {
        if (v.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            v.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            List<String> parts = new ArrayList<>();
            sorted.forEach((k, x) -> parts.add(JsonNodeFactory.instance.textNode(k) + ":" + canonical(x)));
            return "{" + String.join(",", parts) + "}";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(canonical(x)));
            return "[" + String.join(",", parts) + "]";
        }
        return v.toString();
    }

    private static String sha256(String s) {
        return Hashes.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }
}
