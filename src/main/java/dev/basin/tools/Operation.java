package dev.basin.tools;

import dev.basin.geometry.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed set of operations a tool pipeline may use. Each has named, typed parameters and a Java implementation in
 * {@link Interpreter}; nothing else can run. Parameter types: {@code basin} (64 numbers, validated), {@code basins}
 * (a non-empty array of basins), {@code number}, {@code text}.
 */
public enum Operation {
    /** Fisher–Rao distance d = 2·arccos(Σ√(pᵢqᵢ)) → number. */
    DISTANCE(Map.of("p", "basin", "q", "basin"), "number"),
    /** The geodesic midpoint of p and q → basin. */
    GEODESIC_MIDPOINT(Map.of("p", "basin", "q", "basin"), "basin"),
    /** The point at fraction tau ∈ [0,1] of the geodesic from → to → basin. */
    POINT_AT(Map.of("from", "basin", "to", "basin", "tau", "number"), "basin"),
    /** The Fréchet (Karcher) mean of points, equal weights → basin. */
    KARCHER_MEAN(Map.of("points", "basins"), "basin"),
    /** Integration Φ = I(A;B)/ln 8 of a basin → number. */
    PHI(Map.of("basin", "basin"), "number"),
    /** The coordizer's basin of a text → basin. */
    COORDIZE(Map.of("text", "text"), "basin"),
    /** The nearest stored document chunk to a basin → {chunk_id, upload_id, ordinal, distance, content}. */
    NEAREST_CHUNK(Map.of("basin", "basin"), "object"),
    /** The regime of an effective coupling κ_eff → text. */
    REGIME(Map.of("kappa_eff", "number"), "text"),
    /** Navigation step length base_step·κ_eff/κ* → number. */
    STEP_LENGTH(Map.of("base_step", "number", "kappa_eff", "number"), "number");

    private final Map<String, String> params;
    private final String result;

    Operation(Map<String, String> params, String result) {
        this.params = new LinkedHashMap<>(params);
        this.result = result;
    }

    /** The pipeline name, e.g. {@code geodesic_midpoint}. */
    public String opName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parameter name → type. */
    public Map<String, String> params() {
        return Map.copyOf(params);
    }

    /** The result type: number, basin, text or object. */
    public String result() {
        return result;
    }

    /** The operation named {@code name}, or an error listing the known ones. */
    public static Operation named(String field, String name) {
        for (Operation o : values()) {
            if (o.opName().equals(name)) {
                return o;
            }
        }
        throw new InvalidInputException(field, "is not a known operation: " + name + " (known: " + known() + ")");
    }

    static List<String> known() {
        return java.util.Arrays.stream(values()).map(Operation::opName).toList();
    }
}
