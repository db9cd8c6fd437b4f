package dev.basin.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.GeometryRequest;
import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parsing and validation of the geometry request shapes shared by {@code basin geometry <op>} and the REST geometry
 * endpoints. Everything wrong raises {@link InvalidInputException} naming the field (a JSON path such as
 * {@code points[2][17]}) and the rule; nothing is corrected silently.
 *
 * <p>Rules: the body is exactly one JSON object (trailing content is rejected); duplicate keys are rejected; fields not
 * listed for the operation are rejected (by default: see {@code extraAllowed}); numbers must be JSON numbers (strings
 * such as {@code "NaN"} and the non-standard tokens NaN/Infinity are rejected); basins must be 64 finite, non-negative
 * numbers summing to 1 within {@value Basin#SUM_TOLERANCE}; {@code weights}, when present and not null, has one
 * finite, non-negative entry per point summing to 1 within 1e-9. The values and their limits ({@code steps}, the number
 * of points, the length of {@code text}) are checked by the shared shapes of {@link GeometryRequest}, which the REST
 * geometry endpoints build as well; this class only reads the CLI's JSON (the REST API reads its own bodies, where a
 * wrong JSON type is a 400 rather than a 422).
 */
public final class GeometryRequests {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private GeometryRequests() {}

    /** The mapper used to read requests and write answers (doubles are written in shortest round-trip form). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses exactly one JSON object. */
    public static ObjectNode parseObject(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("request", "is not valid JSON: " + oneLine(e.getOriginalMessage()).replaceAll(": enable `.*` to allow.*", ""));
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException("request", "is empty; expected one JSON object");
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new InvalidInputException("request", "must be a JSON object, is " + kind(node));
        }
        return obj;
    }

    public static GeometryRequest.Distance distance(ObjectNode req, Set<String> extraAllowed) {
        allowOnly(req, extraAllowed, "p", "q");
        return new GeometryRequest.Distance(basin(req, "p"), basin(req, "q"));
    }

    public static GeometryRequest.Geodesic geodesic(ObjectNode req, Set<String> extraAllowed) {
        allowOnly(req, extraAllowed, "from", "to", "steps");
        Basin from = basin(req, "from");
        Basin to = basin(req, "to");
        JsonNode n = required(req, "steps");
        if (!n.isIntegralNumber() && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            throw new InvalidInputException("steps", "must be an integer, is " + describe(n));
        }
        return new GeometryRequest.Geodesic(from, to, GeometryRequest.steps((long) n.asDouble()));
    }

    public static GeometryRequest.Mean mean(ObjectNode req, Set<String> extraAllowed) {
        allowOnly(req, extraAllowed, "points", "weights");
        JsonNode pts = required(req, "points");
        if (!(pts instanceof ArrayNode arr)) {
            throw new InvalidInputException("points", "must be an array of basins, is " + kind(pts));
        }
        GeometryRequest.pointCount(arr.size());
        List<Basin> points = new ArrayList<>(arr.size());
        for (int j = 0; j < arr.size(); j++) {
            String field = "points[" + j + "]";
            points.add(Basin.of(field, numbers(field, arr.get(j))));
        }
        double[] weights = null;
        JsonNode w = req.get("weights");
        if (w != null && !w.isNull()) {
            weights = numbers("weights", w);
        }
        return new GeometryRequest.Mean(points, weights);
    }

    public static Basin phi(ObjectNode req, Set<String> extraAllowed) {
        allowOnly(req, extraAllowed, "basin");
        return basin(req, "basin");
    }

    public static GeometryRequest.Coordize coordize(ObjectNode req, Set<String> extraAllowed) {
        allowOnly(req, extraAllowed, "text");
        JsonNode t = required(req, "text");
        if (!t.isTextual()) {
            throw new InvalidInputException("text", "must be a string, is " + kind(t));
        }
        return new GeometryRequest.Coordize(t.textValue());
    }

    /** {@code {"basin":[64],"k":n}}. */
    public static GeometryRequest.Decode decode(ObjectNode req) {
        allowOnly(req, Set.of(), "basin", "k");
        JsonNode k = required(req, "k");
        if (!k.isIntegralNumber() || !k.canConvertToInt()) {
            throw new InvalidInputException("k", "must be an integer, is " + k);
        }
        return new GeometryRequest.Decode(basin(req, "basin"), k.intValue());
    }

    /** The basin in field {@code name}: an array of 64 numbers, validated by {@link Basin#of(String, double[])}. */
    public static Basin basin(ObjectNode req, String name) {
        return Basin.of(name, numbers(name, required(req, name)));
    }

    private static JsonNode required(ObjectNode req, String name) {
        JsonNode n = req.get(name);
        if (n == null || n.isNull()) {
            throw new InvalidInputException(name, "is missing");
        }
        return n;
    }

    private static double[] numbers(String field, JsonNode n) {
        if (!(n instanceof ArrayNode arr)) {
            throw new InvalidInputException(field, "must be an array of numbers, is " + kind(n));
        }
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = arr.get(i);
            if (!e.isNumber()) {
                throw new InvalidInputException(field + "[" + i + "]", "must be a number, is " + describe(e));
            }
            v[i] = e.asDouble();
            if (!Double.isFinite(v[i])) {
                throw new InvalidInputException(field + "[" + i + "]", "is not finite: " + e.asText());
            }
        }
        return v;
    }

    private static void allowOnly(ObjectNode req, Set<String> extra, String... fields) {
        Iterator<String> names = req.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!List.of(fields).contains(name) && !extra.contains(name)) {
                throw new InvalidInputException(name, "is not a field of this request (expected " + String.join(", ", fields) + ")");
            }
        }
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }

    private static String describe(JsonNode n) {
        String text = n.isValueNode() ? n.toString() : "";
        if (text.length() > 40) {
            text = text.substring(0, 40) + "…";
        }
        return text.isEmpty() ? kind(n) : kind(n) + " " + text;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
