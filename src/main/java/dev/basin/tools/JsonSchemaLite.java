package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.InvalidInputException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The subset of JSON Schema that tool schemas may use, and a validator for it. Keywords: {@code type} (object, array,
 * string, number, integer, boolean), {@code properties}, {@code required}, {@code additionalProperties} (boolean),
 * {@code items}, {@code minItems}, {@code maxItems}, {@code minimum}, {@code maximum}, {@code minLength},
 * {@code maxLength}, and the annotations {@code title}, {@code description}, {@code $schema}. A schema using any other
 * keyword is rejected when the tool is registered, so nothing is silently unchecked.
 */
final class JsonSchemaLite {
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items",
            "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength", "title", "description", "$schema");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean");

    private JsonSchemaLite() {}

    /** Checks that {@code schema} uses only the supported subset, correctly typed. */
    static void checkSchema(String f, JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw new InvalidInputException(f, "must be a JSON Schema object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            String at = f + "." + k;
            switch (k) {
                case "type" -> {
                    if (!v.isTextual() || !TYPES.contains(v.asText())) {
                        throw new InvalidInputException(at, "must be one of " + TYPES);
                    }
                }
                case "properties" -> {
                    if (!v.isObject()) {
                        throw new InvalidInputException(at, "must be an object of schemas");
                    }
                    v.fields().forEachRemaining(p -> checkSchema(at + "." + p.getKey(), p.getValue()));
                }
                case "required" -> {
                    if (!v.isArray()) {
                        throw new InvalidInputException(at, "must be an array of property names");
                    }
                    v.forEach(n -> {
                        if (!n.isTextual()) {
                            throw new InvalidInputException(at, "must contain only strings");
                        }
                    });
                }
                case "additionalProperties" -> {
                    if (!v.isBoolean()) {
                        throw new InvalidInputException(at, "must be true or false");
                    }
                }
                case "items" -> checkSchema(at, v);
                case "minItems", "maxItems", "minLength", "maxLength" -> {
                    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
                        throw new InvalidInputException(at, "must be a non-negative integer");
                    }
                }
                case "minimum", "maximum" -> {
                    if (!v.isNumber()) {
                        throw new InvalidInputException(at, "must be a number");
                    }
                }
                case "title", "description", "$schema" -> {
                    if (!v.isTextual()) {
                        throw new InvalidInputException(at, "must be a string");
                    }
                }
                default -> throw new InvalidInputException(at, "is not a supported JSON Schema keyword (supported: "
                        + KEYWORDS + ")");
            }
        }
    }

    /** Validates {@code value} against {@code schema}; the first problem is thrown, naming its path under {@code f}. */
    static void validate(String f, JsonNode schema, JsonNode value) {
        JsonNode type = schema.get("type");
        if (type != null && !hasType(value, type.asText())) {
            throw new InvalidInputException(f, "must be of type " + type.asText() + ", is " + describe(value));
        }
        if (value.isObject()) {
            JsonNode required = schema.get("required");
            if (required != null) {
                for (JsonNode r : required) {
                    if (!value.has(r.asText())) {
                        throw new InvalidInputException(f + "." + r.asText(), "is required");
                    }
                }
            }
            JsonNode props = schema.get("properties");
            boolean closed = schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode ps = props == null ? null : props.get(e.getKey());
                if (ps != null) {
                    validate(f + "." + e.getKey(), ps, e.getValue());
                } else if (closed) {
                    throw new InvalidInputException(f + "." + e.getKey(), "is not an allowed property");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                throw new InvalidInputException(f, "must have at least " + schema.get("minItems").asInt() + " items, has "
                        + value.size());
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                throw new InvalidInputException(f, "must have at most " + schema.get("maxItems").asInt() + " items, has "
                        + value.size());
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    validate(f + "[" + i + "]", schema.get("items"), value.get(i));
                }
            }
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            if (schema.has("minimum") && d < schema.get("minimum").asDouble()) {
                throw new InvalidInputException(f, "must be ≥ " + schema.get("minimum").asDouble() + ", is " + d);
            }
            if (schema.has("maximum") && d > schema.get("maximum").asDouble()) {
                throw new InvalidInputException(f, "must be ≤ " + schema.get("maximum").asDouble() + ", is " + d);
            }
        }
        if (value.isTextual()) {
            int n = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && n < schema.get("minLength").asInt()) {
                throw new InvalidInputException(f, "must have at least " + schema.get("minLength").asInt() + " characters");
            }
            if (schema.has("maxLength") && n > schema.get("maxLength").asInt()) {
                throw new InvalidInputException(f, "must have at most " + schema.get("maxLength").asInt() + " characters");
            }
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber() && Double.isFinite(v.asDouble());
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())
                    && Double.isFinite(v.asDouble()));
            case "boolean" -> v.isBoolean();
            default -> false;
        };
    }

    private static String describe(JsonNode v) {
        return v.isNull() ? "null" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
