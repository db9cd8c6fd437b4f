package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operations one kernel actually performed in one unit of work, in order, with the values they read and
 * produced. The kernel binds the values it holds ({@link #bind}); a {@link Workbench} appends every operation it
 * carries out (by hand or inside a tool). The {@link ToolMiner} reads finished traces: contiguous stretches of one
 * procedure are the candidate tools.
 */
public final class WorkTrace {
    /** One performed operation: the planned step, the procedure it belonged to, and the tool that ran it (or null). */
    public record Done(Procedure.Planned step, int procedure, String viaToolId) {}

    private final String kernelId;
    private final String unit;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final List<Done> done = new ArrayList<>();
    private int procedures;

    /** A trace of kernel {@code kernelId} for a unit of work of kind {@code unit} (e.g. explore, rest, bridge). */
    public WorkTrace(String kernelId, String unit) {
        if (kernelId == null || kernelId.isBlank()) {
            throw new InvalidInputException("kernelId", "must not be blank");
        }
        if (unit == null || unit.isBlank()) {
            throw new InvalidInputException("unit", "must not be blank");
        }
        this.kernelId = kernelId;
        this.unit = unit;
    }

    public String kernelId() {
        return kernelId;
    }

    public String unit() {
        return unit;
    }

    /** Binds a value the kernel holds under {@code name} (a name may be bound once). */
    public WorkTrace bind(String name, JsonNode value) {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}") || name.equals("input")) {
            throw new InvalidInputException("name", "must match [a-z][a-z0-9_]* and not be input, is " + name);
        }
        put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The value bound to {@code name} (an input or a step's result). */
    public JsonNode value(String name) {
        JsonNode v = values.get(name);
        if (v == null) {
            throw new InvalidInputException(name, "is not bound in this trace");
        }
        return v;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    void put(String name, JsonNode value) {
        if (values.putIfAbsent(name, value) != null) {
            throw new InvalidInputException(name, "is bound twice in one unit of work");
        }
    }

    int nextProcedure() {
        return procedures++;
    }

    void record(Procedure.Planned step, int procedure, String viaToolId) {
        done.add(new Done(step, procedure, viaToolId));
    }

    /** The operations performed so far, in order. */
    public List<Done> done() {
        return Collections.unmodifiableList(done);
    }

    /** All bound values (inputs and results). */
    Map<String, JsonNode> values() {
        return Collections.unmodifiableMap(values);
    }
}
