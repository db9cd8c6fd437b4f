package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contiguous stretch of planned steps written as a tool pipeline. The rule: an argument naming a result bound by an
 * earlier step of the stretch stays a reference ({@code $name}); any other name becomes an input of the pipeline
 * ({@code $input.name}); the result is an object holding every step's result under its name. Two stretches are the
 * same sequence when their pipelines are equal in canonical form (same operations, same wiring, same names).
 */
record Stretch(ObjectNode pipeline, List<String> inputs, List<String> operations, String canonical) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static Stretch of(List<Procedure.Planned> steps) {
        ObjectNode p = JSON.objectNode();
        ArrayNode arr = p.putArray("steps");
        ObjectNode result = JSON.objectNode();
        Set<String> internal = new HashSet<>();
        Set<String> inputs = new LinkedHashSet<>();
        List<String> ops = new ArrayList<>();
        for (Procedure.Planned s : steps) {
            ObjectNode step = arr.addObject().put("op", s.op().opName());
            ObjectNode args = step.putObject("args");
            for (String param : s.op().params().keySet().stream().sorted().toList()) {
                String name = s.args().get(param);
                if (internal.contains(name)) {
                    args.put(param, "$" + name);
                } else {
                    args.put(param, "$input." + name);
                    inputs.add(name);
                }
            }
            step.put("as", s.as());
            internal.add(s.as());
            result.put(s.as(), "$" + s.as());
            ops.add(s.op().opName());
        }
        p.set("result", result);
        return new Stretch(p, List.copyOf(inputs), List.copyOf(ops), ToolMiner.canonical(p));
    }

    /** The pipeline's input: each input name with its value in {@code values}. */
    ObjectNode input(Map<String, JsonNode> values) {
        ObjectNode in = JSON.objectNode();
        for (String name : inputs) {
            in.set(name, values.get(name));
        }
        return in;
    }
}
