package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Means;
import dev.basin.geometry.Regime;
import dev.basin.rag.ChunkHit;
import dev.basin.rag.DocumentService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Pipeline}: each step's arguments are resolved (references looked up, literals taken as they are),
 * converted to the operation's parameter types (basins validated), and passed to that operation's Java
 * implementation. There is no other way for a stored pipeline to do anything.
 */
final class Interpreter {
    /** Largest {@code basins} argument. */
    static final int MAX_POINTS = 10_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DocumentService documents;

    Interpreter(DocumentService documents) {
        this.documents = documents;
    }

    JsonNode run(Pipeline pipeline, JsonNode input) {
        Map<String, JsonNode> env = new HashMap<>();
        env.put("input", input);
        for (int i = 0; i < pipeline.steps().size(); i++) {
            Pipeline.Step step = pipeline.steps().get(i);
            Map<String, JsonNode> args = new HashMap<>();
            for (Map.Entry<String, JsonNode> a : step.args().entrySet()) {
                args.put(a.getKey(), resolve("steps[" + i + "].args." + a.getKey(), a.getValue(), env));
            }
            env.put(step.as(), apply(step.op(), "steps[" + i + "]", args));
        }
        return resolve("result", pipeline.result(), env);
    }

    /** Applies one operation to resolved arguments ({@code f} names the place in errors). */
    JsonNode apply(Operation op, String f, Map<String, JsonNode> a) {
        return switch (op) {
            case DISTANCE -> JSON.numberNode(FisherRao.distance(basin(f, a, "p"), basin(f, a, "q")));
            case GEODESIC_MIDPOINT -> basinNode(FisherRao.pointAt(basin(f, a, "p"), basin(f, a, "q"), 0.5));
            case POINT_AT -> basinNode(FisherRao.pointAt(basin(f, a, "from"), basin(f, a, "to"), number(f, a, "tau")));
            case KARCHER_MEAN -> basinNode(Means.karcher(basins(f, a, "points"), null).basin());
            case PHI -> JSON.numberNode(Integration.phi(basin(f, a, "basin")));
            case COORDIZE -> basinNode(documents.coordize(text(f, a, "text")).basin());
            case NEAREST_CHUNK -> nearest(f, basin(f, a, "basin"));
            case REGIME -> JSON.textNode(Regime.of(number(f, a, "kappa_eff")).sqlName());
            case STEP_LENGTH -> JSON.numberNode(Coupling.stepLength(number(f, a, "base_step"), number(f, a, "kappa_eff")));
        };
    }

    private JsonNode nearest(String f, Basin b) {
        List<ChunkHit> hits = documents.nearest(b, 1);
        if (hits.isEmpty()) {
            throw new ToolExecutionException(f + " nearest_chunk found no stored chunk");
        }
        ChunkHit h = hits.get(0);
        return JSON.objectNode().put("chunk_id", h.chunkId()).put("upload_id", h.uploadId()).put("ordinal", h.ordinal())
                .put("distance", h.distance()).put("content", h.content());
    }

    /** Replaces every reference in {@code expr} by its value. */
    static JsonNode resolve(String f, JsonNode expr, Map<String, JsonNode> env) {
        if (expr.isTextual() && expr.asText().startsWith("$")) {
            String[] parts = expr.asText().substring(1).split("\\.", -1);
            JsonNode v = env.get(parts[0]);
            for (int i = 1; i < parts.length && v != null; i++) {
                v = v.isArray() && parts[i].matches("\\d{1,9}") ? v.get(Integer.parseInt(parts[i])) : v.get(parts[i]);
            }
            if (v == null) {
                throw new InvalidInputException(f, "refers to " + expr.asText() + ", which has no value");
            }
            return v;
        }
        if (expr.isObject()) {
            ObjectNode o = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = expr.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), resolve(f + "." + e.getKey(), e.getValue(), env));
            }
            return o;
        }
        if (expr.isArray()) {
            ArrayNode arr = JSON.arrayNode();
            for (int i = 0; i < expr.size(); i++) {
                arr.add(resolve(f + "[" + i + "]", expr.get(i), env));
            }
            return arr;
        }
        return expr;
    }

    static ArrayNode basinNode(Basin b) {
        ArrayNode arr = JSON.arrayNode(Basin.DIM);
        for (int i = 0; i < Basin.DIM; i++) {
            arr.add(b.get(i));
        }
        return arr;
    }

    static Basin toBasin(String field, JsonNode v) {
        if (v == null || !v.isArray()) {
            throw new InvalidInputException(field, "must be an array of " + Basin.DIM + " numbers");
        }
        if (v.size() != Basin.DIM) {
            throw new InvalidInputException(field, "must have " + Basin.DIM + " entries, has " + v.size());
        }
        double[] p = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            if (!v.get(i).isNumber()) {
                throw new InvalidInputException(field + "[" + i + "]", "must be a number");
            }
            p[i] = v.get(i).asDouble();
        }
        return Basin.of(field, p);
    }

    private static Basin basin(String f, Map<String, JsonNode> a, String name) {
        return toBasin(f + ".args." + name, a.get(name));
    }

    private static List<Basin> basins(String f, Map<String, JsonNode> a, String name) {
        JsonNode v = a.get(name);
        String field = f + ".args." + name;
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new InvalidInputException(field, "must be a non-empty array of basins");
        }
        if (v.size() > MAX_POINTS) {
            throw new InvalidInputException(field, "must have at most " + MAX_POINTS + " basins, has " + v.size());
        }
        List<Basin> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(toBasin(field + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    private static double number(String f, Map<String, JsonNode> a, String name) {
        JsonNode v = a.get(name);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new InvalidInputException(f + ".args." + name, "must be a finite number");
        }
        return v.asDouble();
    }

    private static String text(String f, Map<String, JsonNode> a, String name) {
        JsonNode v = a.get(name);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(f + ".args." + name, "must be a string");
        }
        return v.asText();
    }
}
