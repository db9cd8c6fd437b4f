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
 * Turns behaviour into tools (generation_method {@code pattern_based}). A kernel hands in each finished unit of work
 * ({@link #observe}): the {@link WorkTrace} of the operations it actually performed, the kernel's Φ at the end, and
 * whether the unit succeeded. The rule:
 *
 * <ul>
 *   <li>candidates are the contiguous stretches of two or more operations within one procedure of the trace, each
 *       written as a pipeline ({@link Stretch}: same operations, same wiring, same names = the same sequence);</li>
 *   <li>each candidate counts a success or a failure for that kernel; failures never count toward a tool;</li>
 *   <li>at the {@code threshold}-th success (default {@value #DEFAULT_THRESHOLD}) of the same sequence by the same
 *       kernel, the kernel gets the tool: the one already registered with that pipeline (another kernel, an earlier
 *       session) or a new one, named {@code auto_<ops joined by _, cut to 40>_<8 hex of SHA-256(canonical pipeline)>},
 *       input schema inferred from this run's inputs, output schema from running the pipeline on them, phi_score =
 *       the mean Φ of the successful units, and the counts (successes, failures seen, kinds of unit) in its
 *       metadata.</li>
 * </ul>
 *
 * Counts are kept per miner instance; the number of tools grows with the distinct sequences kernels repeat with
 * success.
 */
public final class ToolMiner {
    public static final int DEFAULT_THRESHOLD = 3;

    /** A tool the observing kernel now knows; {@code registered} when this observation created it. */
    public record Mined(ToolRow tool, boolean registered) {}

    private record Tally(int successes, int failures, double phiSum, java.util.SortedSet<String> units) {}

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
     * Counts every candidate sequence of the finished unit {@code trace} (kernel Φ {@code phi} at its end) as a
     * success or a failure, and returns the tools the kernel gets from it (see the class comment).
     */
    public List<Mined> observe(WorkTrace trace, double phi, boolean success) {
        Objects.requireNonNull(trace, "trace");
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
        List<Mined> out = new ArrayList<>();
        List<List<Procedure.Planned>> segments = new ArrayList<>();
        int current = -1;
        for (WorkTrace.Done d : trace.done()) {
            if (d.procedure() != current) {
                segments.add(new ArrayList<>());
                current = d.procedure();
            }
            segments.get(segments.size() - 1).add(d.step());
        }
        for (List<Procedure.Planned> seg : segments) {
            for (int from = 0; from < seg.size(); from++) {
                for (int to = from + 2; to <= seg.size(); to++) {
                    Stretch s = Stretch.of(seg.subList(from, to));
                    count(trace, s, phi, success).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private Optional<Mined> count(WorkTrace trace, Stretch s, double phi, boolean success) {
        java.util.SortedSet<String> unit = new java.util.TreeSet<>(List.of(trace.unit()));
        Tally t = tallies.merge(trace.kernelId() + "\n" + s.canonical(),
                new Tally(success ? 1 : 0, success ? 0 : 1, success ? phi : 0.0, unit),
                (a, b) -> {
                    java.util.SortedSet<String> units = new java.util.TreeSet<>(a.units());
                    units.addAll(b.units());
                    return new Tally(a.successes() + b.successes(), a.failures() + b.failures(),
                            a.phiSum() + b.phiSum(), units);
                });
        if (!success || t.successes() != threshold) {
            return Optional.empty();
        }
        Optional<ToolRow> known = tools.toolWithImplementation(s.pipeline());
        if (known.isPresent()) {
            return Optional.of(new Mined(known.get(), false));
        }
        ObjectNode input = s.input(trace.values());
        JsonNode output = tools.interpret(Pipeline.parse(s.pipeline()), input);
        String ops = String.join("_", s.operations());
        if (ops.length() > 40) {
            ops = ops.substring(0, 40);
        }
        String name = "auto_" + ops + "_" + sha256(s.canonical()).substring(0, 8);
        String description = String.format(java.util.Locale.ROOT, "Pattern-based tool mined from %d successful units "
                + "of work (%s) of kernel %s that performed %s; %d failed units performed it too", t.successes(),
                String.join(", ", t.units()), trace.kernelId(), String.join(" → ", s.operations()), t.failures());
        ObjectNode facts = JsonNodeFactory.instance.objectNode().put("mined_successes", t.successes())
                .put("mined_failures", t.failures()).put("mined_by", trace.kernelId());
        t.units().forEach(facts.putArray("mined_units")::add);
        ToolDraft draft = new ToolDraft(name, description, schemaOf(input), schemaOf(output), s.pipeline(),
                trace.kernelId(), "pattern_based", t.phiSum() / t.successes());
        Optional<ToolRow> registered = tools.registerIfAbsent(draft, facts);
        if (registered.isPresent()) {
            return Optional.of(new Mined(registered.get(), true));
        }
        return tools.toolWithImplementation(s.pipeline()).map(row -> new Mined(row, false));
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
