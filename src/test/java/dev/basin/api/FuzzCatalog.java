package dev.basin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The endpoints the fuzz test drives: for each, a valid request and the kind of each field, from which bad values
 * are generated (wrong types, wrong lengths, NaN/∞, negatives, sums off 1, empty and huge arrays, huge strings, NUL
 * and unpaired surrogates, SQL metacharacters, path traversal, unknown enums and ids, out-of-range times).
 */
final class FuzzCatalog {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper JSON = ApiClient.JSON;

    enum Kind { BASIN, BASINS, INT, NUMBER, STRING, ID, ENUM, TIME, BOOL, OBJECT, NUMBERS, STRINGS }

    /** A field of a request body: name, kind, whether required, and the kind's parameters. */
    record Field(String name, Kind kind, boolean required, double min, double max, String prefix, Set<String> values) {
        static Field of(String name, Kind kind) {
            return new Field(name, kind, true, 0, 0, null, Set.of());
        }

        Field optional() {
            return new Field(name, kind, false, min, max, prefix, values);
        }

        Field range(double lo, double hi) {
            return new Field(name, kind, required, lo, hi, prefix, values);
        }

        Field prefix(String p) {
            return new Field(name, kind, required, min, max, p, values);
        }

        Field values(String... vs) {
            return new Field(name, kind, required, min, max, prefix, Set.of(vs));
        }
    }

    /**
     * A POST endpoint with a valid body; {@code writes} tells whether a valid call stores rows. {@code valid} is
     * called once per request so that a writing endpoint can get a fresh valid body each time.
     */
    record Spec(String path, Supplier<ObjectNode> valid, List<Field> fields, boolean writes, List<BadBody> extras) {
        Spec(String path, Supplier<ObjectNode> valid, List<Field> fields, boolean writes) {
            this(path, valid, fields, writes, List.of());
        }
    }

    /** A whole bad body breaking a rule across fields (e.g. end before start), and the field its problem names. */
    record BadBody(String label, Supplier<ObjectNode> body, String field) {}

    /** A GET endpoint with query parameters to break. */
    record Query(String path, List<String> params) {}

    final List<Spec> posts = new ArrayList<>();
    final List<Query> gets = new ArrayList<>();
    /** GET paths with an id segment: the id is replaced by bad ones (template with {id}). */
    final List<String> idPaths = new ArrayList<>();

    static ArrayNode basin(Basin b) {
        ArrayNode a = F.arrayNode();
        for (double v : b.toArray()) {
            a.add(v);
        }
        return a;
    }

    /** Bad values for {@code f}, each with a short label; the expected problem field starts with {@code f.name()}. */
    static List<JsonNode> badValues(Field f, SplittableRandom rnd) {
        List<JsonNode> out = new ArrayList<>();
        // wrong JSON types, for every kind
        if (f.kind() != Kind.STRING && f.kind() != Kind.ID && f.kind() != Kind.ENUM && f.kind() != Kind.TIME) {
            out.add(F.textNode("x"));
        } else {
            out.add(F.numberNode(rnd.nextInt(1000)));
        }
        if (f.kind() != Kind.BOOL) {
            out.add(F.booleanNode(true));
        }
        if (f.kind() != Kind.OBJECT) {
            out.add(F.objectNode().put("a", 1));
        }
        if (f.required()) {
            out.add(F.nullNode());
        }
        switch (f.kind()) {
            case BASIN -> basinBad(out, rnd);
            case BASINS -> {
                out.add(F.arrayNode());
                out.add(F.arrayNode().add(F.arrayNode()));
                ArrayNode two = F.arrayNode();
                two.add(basin(TestBasins.random(rnd)));
                List<JsonNode> inner = new ArrayList<>();
                basinBad(inner, rnd);
                two.add(inner.get(rnd.nextInt(inner.size())));
                out.add(two);
                out.add(F.arrayNode().add("x"));
            }
            case INT -> {
                out.add(F.numberNode(2.5));
                out.add(F.numberNode((long) f.min() - 1 - rnd.nextInt(100)));
                out.add(F.numberNode((long) f.max() + 1 + rnd.nextInt(100)));
                out.add(F.numberNode(new java.math.BigInteger("1" + "0".repeat(30))));
                out.add(F.textNode("3"));
                out.add(F.arrayNode().add(1));
            }
            case NUMBER -> {
                out.add(F.numberNode(f.min() - 1e-3 - rnd.nextDouble()));
                out.add(F.numberNode(f.max() + 1e-3 + rnd.nextDouble()));
                out.add(F.textNode("1"));
                out.add(F.arrayNode().add(1));
                out.add(F.numberNode(new java.math.BigDecimal("1e999")));
            }
            case STRING -> {
                out.add(F.textNode(""));
                out.add(F.textNode("   "));
                out.add(F.textNode("x".repeat(JsonBody.MAX_TEXT + 1 + rnd.nextInt(10))));
                out.add(F.textNode("a\u0000b"));
                out.add(F.textNode("bad \ud800 surrogate"));
                out.add(F.arrayNode().add("x"));
            }
            case ID -> {
                out.add(F.textNode(""));
                out.add(F.textNode("../../etc/passwd"));
                out.add(F.textNode(f.prefix() + "' OR 1=1; DROP TABLE kernels; --"));
                out.add(F.textNode(f.prefix() + hex(rnd, 20)));
                out.add(F.textNode("x".repeat(10_000)));
                out.add(F.textNode(f.prefix() + "\u0000" + hex(rnd, 20)));
            }
            case ENUM -> {
                out.add(F.textNode("no_such_" + rnd.nextInt(1000)));
                out.add(F.textNode("'; DELETE FROM sessions; --"));
                out.add(F.textNode(""));
                String any = f.values().iterator().next();
                out.add(F.textNode(any.toUpperCase(java.util.Locale.ROOT) + " "));
            }
            case TIME -> {
                out.add(F.textNode("not a time"));
                out.add(F.textNode("+99999-01-01T00:00:00Z"));
                out.add(F.textNode("-0001-01-01T00:00:00Z"));
                out.add(F.textNode("2026-13-45T00:00:00Z"));
                out.add(F.textNode("2026-01-01T00:00:00Z' OR '1'='1"));
                out.add(F.textNode("2026-01-01"));
            }
            case BOOL -> {
                out.add(F.textNode("true"));
                out.add(F.numberNode(1));
            }
            case OBJECT -> {
                out.add(F.arrayNode());
                out.add(F.objectNode().put("k", "a\u0000b"));
            }
            case NUMBERS -> {
                out.add(F.arrayNode().add("x"));
                out.add(F.arrayNode().add(F.numberNode(new java.math.BigDecimal("1e999"))));
                out.add(F.arrayNode().add(-1.0));
            }
            case STRINGS -> {
                out.add(F.arrayNode().add(1));
                out.add(F.arrayNode().add("a\u0000"));
            }
            default -> throw new IllegalStateException(f.kind().toString());
        }
        return out;
    }

    private static void basinBad(List<JsonNode> out, SplittableRandom rnd) {
        Basin b = TestBasins.random(rnd);
        out.add(F.arrayNode());
        ArrayNode shortOne = basin(b);
        shortOne.remove(rnd.nextInt(64));
        out.add(shortOne);
        ArrayNode longOne = basin(b);
        longOne.add(0.0);
        out.add(longOne);
        ArrayNode neg = basin(b);
        int i = rnd.nextInt(64);
        neg.set(i, F.numberNode(-neg.get(i).doubleValue() - 1e-6));
        out.add(neg);
        ArrayNode off = basin(b);
        off.set(rnd.nextInt(64), F.numberNode(0.5 + rnd.nextDouble()));
        out.add(off);
        ArrayNode inf = basin(b);
        inf.set(rnd.nextInt(64), F.numberNode(new java.math.BigDecimal("1e400")));
        out.add(inf);
        ArrayNode str = basin(b);
        str.set(rnd.nextInt(64), F.textNode("NaN"));
        out.add(str);
        ArrayNode nested = basin(b);
        nested.set(rnd.nextInt(64), F.arrayNode().add(0.1));
        out.add(nested);
        ArrayNode zeros = F.arrayNode();
        for (int k = 0; k < 64; k++) {
            zeros.add(0.0);
        }
        out.add(zeros);
    }

    static String hex(SplittableRandom rnd, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(Character.forDigit(rnd.nextInt(16), 16));
        }
        return s.toString();
    }
}
