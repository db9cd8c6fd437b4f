package dev.basin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small builders for JSON Schema (2020-12, as OpenAPI 3.1 uses it). In {@link #obj}, a property name ending in
 * {@code ?} is optional; all others are required; unknown properties are refused, as the API does.
 */
class OpenApiSchemas {
    final ObjectMapper json;

    OpenApiSchemas(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode ref(String name) {
        return json.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    ObjectNode num() {
        return json.createObjectNode().put("type", "number");
    }

    ObjectNode num(double min, double max) {
        return num().put("minimum", min).put("maximum", max);
    }

    ObjectNode integer(long min, long max) {
        return json.createObjectNode().put("type", "integer").put("minimum", min).put("maximum", max);
    }

    ObjectNode str() {
        return json.createObjectNode().put("type", "string");
    }

    ObjectNode str(int maxLength) {
        return str().put("maxLength", maxLength);
    }

    ObjectNode id(String prefix) {
        return str().put("pattern", "^" + prefix + "[0-9a-f]{16,64}$");
    }

    ObjectNode time() {
        return str().put("format", "date-time");
    }

    ObjectNode bool() {
        return json.createObjectNode().put("type", "boolean");
    }

    ObjectNode any() {
        return json.createObjectNode();
    }

    ObjectNode object() {
        return json.createObjectNode().put("type", "object");
    }

    ObjectNode arr(ObjectNode items) {
        ObjectNode a = json.createObjectNode().put("type", "array");
        a.set("items", items);
        return a;
    }

    ObjectNode arr(ObjectNode items, int minItems, int maxItems) {
        return arr(items).put("minItems", minItems).put("maxItems", maxItems);
    }

    ObjectNode enumOf(String... values) {
        ObjectNode e = str();
        ArrayNode a = e.putArray("enum");
        for (String v : values) {
            a.add(v);
        }
        return e;
    }

    ObjectNode nullable(ObjectNode schema) {
        ObjectNode n = json.createObjectNode();
        ArrayNode any = n.putArray("oneOf");
        any.add(schema);
        any.add(json.createObjectNode().put("type", "null"));
        return n;
    }

    /** An object schema from alternating names and schemas: {@code obj("p", ref("Basin"), "weights?", arr(num()))}. */
    ObjectNode obj(Object... namesAndSchemas) {
        ObjectNode o = object();
        ObjectNode props = o.putObject("properties");
        ArrayNode required = json.createArrayNode();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            String name = (String) namesAndSchemas[i];
            ObjectNode schema = (ObjectNode) namesAndSchemas[i + 1];
            if (name.endsWith("?")) {
                props.set(name.substring(0, name.length() - 1), schema);
            } else {
                props.set(name, schema);
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        o.put("additionalProperties", false);
        return o;
    }

    /** An open object (answers may grow new fields). */
    ObjectNode open(Object... namesAndSchemas) {
        ObjectNode o = obj(namesAndSchemas);
        o.put("additionalProperties", true);
        return o;
    }

    /** A page of {@code item}. */
    ObjectNode page(ObjectNode item) {
        return open("items", arr(item), "limit", integer(1, Page.MAX_LIMIT), "offset", integer(0, Page.MAX_OFFSET),
                "nextOffset", nullable(integer(0, Page.MAX_OFFSET)));
    }
}
