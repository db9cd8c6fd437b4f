package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;
import dev.basin.store.StoredName;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * The checkpoint {@code state_blob}: a {@link KernelState} as a JSON object of fixed, known fields (no type
 * information, nothing that could instantiate a class), with {@code schema_version}. Doubles are written as Jackson's
 * shortest round-trip decimals and read back with correctly rounded parsing, so restore is bit-for-bit; PostgreSQL
 * {@code jsonb} keeps numbers as exact decimals. Decoding rejects unknown or missing fields and a newer schema.
 */
public final class CheckpointCodec {
    /** The schema this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final Set<String> FIELDS = Set.of("schema_version", "basin", "phi", "kappa", "kappa_eff", "regime",
            "neurotransmitters", "emotions", "status", "step_count", "rng_state");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CheckpointCodec() {}

    public static ObjectNode encode(KernelState s) {
        ObjectNode o = F.objectNode();
        o.put("schema_version", SCHEMA_VERSION);
        ArrayNode b = o.putArray("basin");
        for (int i = 0; i < Basin.DIM; i++) {
            b.add(s.basin().get(i));
        }
        o.put("phi", s.phi());
        o.put("kappa", s.kappa());
        o.put("kappa_eff", s.kappaEff());
        o.put("regime", s.regime().sqlName());
        ObjectNode nt = o.putObject("neurotransmitters");
        s.neurotransmitters().asMap().forEach(nt::put);
        ObjectNode em = o.putObject("emotions");
        s.emotions().asMap().forEach(em::put);
        o.put("status", s.status().sqlName());
        o.put("step_count", s.stepCount());
        o.put("rng_state", s.rngState());
        return o;
    }

    /** UTF-8 size of the blob as {@code mapper} writes it (the {@code size_bytes} column). */
    public static int sizeBytes(ObjectMapper mapper, JsonNode blob) {
        try {
            return mapper.writeValueAsString(blob).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("checkpoint blob cannot be written as JSON", e);
        }
    }

    public static KernelState decode(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new InvalidInputException("state_blob", "must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InvalidInputException("state_blob." + f, "is not a known field");
            }
        }
        long version = integer(o, "schema_version");
        if (version != SCHEMA_VERSION) {
            throw new InvalidInputException("state_blob.schema_version",
                    "must be " + SCHEMA_VERSION + " (this program's), is " + version);
        }
        JsonNode b = required(o, "basin");
        if (!b.isArray() || b.size() != Basin.DIM) {
            throw new InvalidInputException("state_blob.basin", "must be an array of " + Basin.DIM + " numbers");
        }
        double[] p = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            p[i] = number(b.get(i), "state_blob.basin[" + i + "]");
        }
        JsonNode nt = object(o, "neurotransmitters");
        JsonNode em = object(o, "emotions");
        double[] e = new double[Emotion.values().length];
        for (Emotion x : Emotion.values()) {
            e[x.ordinal()] = number(em.get(x.sqlName()), "state_blob.emotions." + x.sqlName());
        }
        if (em.size() != e.length || nt.size() != 5) {
            throw new InvalidInputException("state_blob", "emotions must have 9 and neurotransmitters 5 entries");
        }
        return new KernelState(
                Basin.of("state_blob.basin", p),
                number(o.get("phi"), "state_blob.phi"),
                number(o.get("kappa"), "state_blob.kappa"),
                number(o.get("kappa_eff"), "state_blob.kappa_eff"),
                regime(text(o, "regime")),
                new Neurotransmitters(
                        number(nt.get("dopamine"), "state_blob.neurotransmitters.dopamine"),
                        number(nt.get("serotonin"), "state_blob.neurotransmitters.serotonin"),
                        number(nt.get("norepinephrine"), "state_blob.neurotransmitters.norepinephrine"),
                        number(nt.get("gaba"), "state_blob.neurotransmitters.gaba"),
                        number(nt.get("acetylcholine"), "state_blob.neurotransmitters.acetylcholine")),
                new EmotionVector(e),
                StoredName.parse(KernelStatus.class, "state_blob.status", text(o, "status")),
                integer(o, "step_count"),
                integer(o, "rng_state"));
    }

    static Regime regime(String v) {
        for (Regime r : Regime.values()) {
            if (r.sqlName().equals(v)) {
                return r;
            }
        }
        throw new InvalidInputException("regime", "must be one of linear, geometric, hierarchical, breakdown, is " + v);
    }

    private static JsonNode required(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            throw new InvalidInputException("state_blob." + f, "is missing");
        }
        return v;
    }

    private static JsonNode object(JsonNode o, String f) {
        JsonNode v = required(o, f);
        if (!v.isObject()) {
            throw new InvalidInputException("state_blob." + f, "must be an object");
        }
        return v;
    }

    private static String text(JsonNode o, String f) {
        JsonNode v = required(o, f);
        if (!v.isTextual()) {
            throw new InvalidInputException("state_blob." + f, "must be a string");
        }
        return v.textValue();
    }

    private static long integer(JsonNode o, String f) {
        JsonNode v = required(o, f);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidInputException("state_blob." + f, "must be a 64-bit integer");
        }
        return v.longValue();
    }

    private static double number(JsonNode v, String field) {
        if (v == null || !v.isNumber()) {
            throw new InvalidInputException(field, "must be a number");
        }
        return v.isBigDecimal() ? Double.parseDouble(v.decimalValue().toString()) : v.doubleValue();
    }
}
