package dev.basin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.StoredName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object from a request body, read field by field into validated values. Every accessor names the field (with
 * its path, e.g. {@code points[3][12]}) in the error it raises: {@link ApiProblem#badRequest} for a missing field or a
 * wrong JSON type (400), {@link InvalidInputException} for a value that breaks a rule (422). {@link #finish()} rejects
 * fields the endpoint does not know, so a typo is reported instead of ignored.
 */
final class JsonBody {
    /** Longest accepted free-text field, in characters. */
    static final int MAX_TEXT = 100_000;
    /** Longest accepted name, id or enum field. */
    static final int MAX_NAME = 200;

    private final ObjectNode node;
    private final String prefix;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** Parses {@code bytes} (already checked as UTF-8) as one JSON object. */
    static JsonBody parse(ObjectMapper mapper, byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("body", "is empty; a JSON object is required");
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            String msg = String.valueOf(e.getOriginalMessage());
            int cut = msg.indexOf('\n');
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiProblem.badRequest("body", "is not valid JSON: " + Texts.clip(cut > 0 ? msg.substring(0, cut) : msg) + where);
        } catch (java.io.IOException e) {
            throw ApiProblem.badRequest("body", "could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw ApiProblem.badRequest("body", "is empty; a JSON object is required");
        }
        if (!root.isObject()) {
            throw ApiProblem.badRequest("body", "must be a JSON object, is " + describe(root));
        }
        return new JsonBody((ObjectNode) root, "");
    }

    /** An empty body for endpoints whose body is optional. */
    static JsonBody empty(ObjectMapper mapper) {
        return new JsonBody(mapper.createObjectNode(), "");
    }

    String path(String name) {
        return prefix + name;
    }

    /** Marks {@code name} as known to this endpoint and tells whether it holds a non-null value. */
    boolean take(String name) {
        read.add(name);
        return has(name);
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    private JsonNode required(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw ApiProblem.badRequest(path(name), "is missing");
        }
        return v;
    }

    private Optional<JsonNode> optional(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    Basin basin(String name) {
        return basinAt(required(name), path(name));
    }

    Optional<Basin> optionalBasin(String name) {
        return optional(name).map(v -> basinAt(v, path(name)));
    }

    List<Basin> basins(String name, int maxCount) {
        JsonNode v = required(name);
        String p = path(name);
        if (!v.isArray()) {
            throw ApiProblem.badRequest(p, "must be an array of basins, is " + describe(v));
        }
        if (v.isEmpty()) {
            throw new InvalidInputException(p, "must not be empty");
        }
        if (v.size() > maxCount) {
            throw new InvalidInputException(p, "must have at most " + maxCount + " basins, has " + v.size());
        }
        List<Basin> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(basinAt(v.get(i), p + "[" + i + "]"));
        }
        return out;
    }

    double[] doubles(String name, int maxCount) {
        JsonNode v = required(name);
        return doublesAt(v, path(name), maxCount);
    }

    Optional<double[]> optionalDoubles(String name, int maxCount) {
        return optional(name).map(v -> doublesAt(v, path(name), maxCount));
    }

    double number(String name) {
        return numberAt(required(name), path(name));
    }

    Optional<Double> optionalNumber(String name) {
        return optional(name).map(v -> numberAt(v, path(name)));
    }

    /** A finite number in [min, max]. */
    double number(String name, double min, double max) {
        return inRange(number(name), name, min, max);
    }

    Optional<Double> optionalNumber(String name, double min, double max) {
        return optionalNumber(name).map(d -> inRange(d, name, min, max));
    }

    private double inRange(double d, String name, double min, double max) {
        if (d < min || d > max) {
            throw new InvalidInputException(path(name), "must be in [" + min + ", " + max + "], is " + d);
        }
        return d;
    }

    long integer(String name, long min, long max) {
        return integerAt(required(name), path(name), min, max);
    }

    Optional<Long> optionalInteger(String name, long min, long max) {
        return optional(name).map(v -> integerAt(v, path(name), min, max));
    }

    boolean bool(String name, boolean fallback) {
        Optional<JsonNode> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!v.get().isBoolean()) {
            throw ApiProblem.badRequest(path(name), "must be true or false, is " + describe(v.get()));
        }
        return v.get().booleanValue();
    }

    /** A non-blank string of at most {@code maxLength} characters. */
    String string(String name, int maxLength) {
        return Texts.nonBlank(path(name), stringAt(required(name), path(name)), maxLength);
    }

    Optional<String> optionalString(String name, int maxLength) {
        return optional(name).map(v -> Texts.nonBlank(path(name), stringAt(v, path(name)), maxLength));
    }

    /** An id with {@code prefix} and 16 to 64 lower-case hex digits; anything else names nothing (404). */
    String id(String name, String prefix) {
        return Texts.id(path(name), stringAt(required(name), path(name)), prefix);
    }

    Optional<String> optionalId(String name, String prefix) {
        return optional(name).map(v -> Texts.id(path(name), stringAt(v, path(name)), prefix));
    }

    /** A string that must be one of {@code allowed}. */
    String choice(String name, Set<String> allowed) {
        return Texts.choice(path(name), stringAt(required(name), path(name)), allowed);
    }

    /** One of {@code type}'s constants, by its stored name. */
    <E extends Enum<E> & StoredName> E choice(String name, Class<E> type) {
        String stored = choice(name, Enums.names(type.getEnumConstants(), StoredName::sqlName));
        return StoredName.parse(type, path(name), stored);
    }

    Optional<String> optionalChoice(String name, Set<String> allowed) {
        return optional(name).map(v -> Texts.choice(path(name), stringAt(v, path(name)), allowed));
    }

    List<String> strings(String name, int maxCount, int maxLength) {
        JsonNode v = required(name);
        String p = path(name);
        if (!v.isArray()) {
            throw ApiProblem.badRequest(p, "must be an array of strings, is " + describe(v));
        }
        if (v.size() > maxCount) {
            throw new InvalidInputException(p, "must have at most " + maxCount + " entries, has " + v.size());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String pi = p + "[" + i + "]";
            out.add(Texts.nonBlank(pi, stringAt(v.get(i), pi), maxLength));
        }
        return out;
    }

    Instant instant(String name) {
        return Texts.instant(path(name), stringAt(required(name), path(name)));
    }

    Optional<Instant> optionalInstant(String name) {
        return optional(name).map(v -> Texts.instant(path(name), stringAt(v, path(name))));
    }

    /** A JSON object field kept as a tree (metadata, schemas); strings inside are checked like any text. */
    Optional<ObjectNode> optionalObject(String name) {
        return optional(name).map(v -> {
            if (!v.isObject()) {
                throw ApiProblem.badRequest(path(name), "must be a JSON object, is " + describe(v));
            }
            Texts.checkTree(path(name), v);
            return (ObjectNode) v;
        });
    }

    /** A JSON array field kept as a tree; strings inside are checked like any text. */
    Optional<com.fasterxml.jackson.databind.node.ArrayNode> optionalArray(String name) {
        return optional(name).map(v -> {
            if (!v.isArray()) {
                throw ApiProblem.badRequest(path(name), "must be a JSON array, is " + describe(v));
            }
            Texts.checkTree(path(name), v);
            return (com.fasterxml.jackson.databind.node.ArrayNode) v;
        });
    }

    ObjectNode object(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) {
            throw ApiProblem.badRequest(path(name), "must be a JSON object, is " + describe(v));
        }
        Texts.checkTree(path(name), v);
        return (ObjectNode) v;
    }

    /** Rejects any field that no accessor read. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                throw ApiProblem.badRequest(path(Texts.printable(n)), "is not a field of this request");
            }
        }
    }

    static Basin basinAt(JsonNode v, String p) {
        return Basin.of(p, doublesAt(v, p, Basin.DIM));
    }

    static double[] doublesAt(JsonNode v, String p, int maxCount) {
        if (!v.isArray()) {
            throw ApiProblem.badRequest(p, "must be an array of numbers, is " + describe(v));
        }
        if (v.size() > maxCount) {
            throw new InvalidInputException(p, "must have at most " + maxCount + " entries, has " + v.size());
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numberAt(v.get(i), p + "[" + i + "]");
        }
        return out;
    }

    static double numberAt(JsonNode v, String p) {
        if (!v.isNumber()) {
            throw ApiProblem.badRequest(p, "must be a number, is " + describe(v));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidInputException(p, "is not finite: " + v.asText());
        }
        return d;
    }

    static long integerAt(JsonNode v, String p, long min, long max) {
        if (!v.isNumber()) {
            throw ApiProblem.badRequest(p, "must be an integer, is " + describe(v));
        }
        if (!v.canConvertToExactIntegral()) {
            throw ApiProblem.badRequest(p, "must be an integer, is " + v.asText());
        }
        if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw new InvalidInputException(p, "must be in [" + min + ", " + max + "], is " + Texts.clip(v.asText()));
        }
        return v.longValue();
    }

    static String stringAt(JsonNode v, String p) {
        if (!v.isTextual()) {
            throw ApiProblem.badRequest(p, "must be a string, is " + describe(v));
        }
        return v.textValue();
    }

    static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
