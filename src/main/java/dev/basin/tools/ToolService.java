package dev.basin.tools;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.rag.DocumentService;
import dev.basin.store.Ids;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Update;
import dev.basin.store.Upsert;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The generated tools registry: {@link #register} checks a tool (name, schemas, pipeline over known operations only)
 * before storing it; {@link #run} validates the input against the tool's input schema, interprets the pipeline and
 * validates the output; {@link #recordUse} counts a use atomically.
 *
 * <p>Counting: one UPDATE sets times_used = times_used + 1, times_succeeded = times_succeeded + s (s = 1 or 0) and
 * success_rate = (times_succeeded + s)::double precision / (times_used + 1), all computed by PostgreSQL from the
 * row's current values, so success_rate = succeeded/used holds after any number of concurrent uses.
 */
public final class ToolService {
    /** Accepted generation methods. */
    public static final Set<String> METHODS = Set.of("pattern_based", "llm_assisted", "hybrid");
    /** Largest stored pipeline or schema, in characters of JSON. */
    public static final int MAX_JSON_CHARS = 65_536;
    /** Longest tool description. */
    public static final int MAX_TEXT = 4_000;

    private final Store store;
    private final Clock clock;
    private final Interpreter interpreter;
    private final ToolQueries queries;
    private final Workbench workbench;

    public ToolService(Store store, Clock clock, DocumentService documents) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interpreter = new Interpreter(Objects.requireNonNull(documents, "documents"));
        this.queries = new ToolQueries();
        this.workbench = new Workbench(this, interpreter);
    }

    /** Where kernels carry out their procedures, by hand or through the tools they know. */
    public Workbench workbench() {
        return workbench;
    }

    /** Checks and stores a tool; a taken name is rejected ({@code toolName is already registered}). */
    public ToolRow register(ToolDraft draft) {
        ToolRow row = check(draft);
        if (!store.upsert(ToolsTables.TOOLS, row, Upsert.on("tool_name").doNothing())) {
            throw new ConflictException("toolName", "is already registered: " + row.toolName());
        }
        return row;
    }

    /**
     * As {@link #register}, but a taken name returns empty instead of failing (the miner's path); {@code facts} are
     * added to the tool's metadata.
     */
    Optional<ToolRow> registerIfAbsent(ToolDraft draft, ObjectNode facts) {
        ToolRow row = check(draft);
        if (facts != null) {
            ((ObjectNode) row.metadata()).setAll(facts);
        }
        return store.upsert(ToolsTables.TOOLS, row, Upsert.on("tool_name").doNothing()) ? Optional.of(row) : Optional.empty();
    }

    private ToolRow check(ToolDraft d) {
        requirePresent("draft", d);
        if (d.name() == null || !d.name().matches("[a-z][a-z0-9_]{0,62}")) {
            throw new InvalidInputException("toolName", "must match [a-z][a-z0-9_]{0,62}, is " + d.name());
        }
        if (d.description() == null || d.description().isBlank()) {
            throw new InvalidInputException("description", "must not be blank");
        }
        if (d.description().length() > MAX_TEXT) {
            throw new InvalidInputException("description", "must be at most " + MAX_TEXT + " characters, has "
                    + d.description().length());
        }
        requirePresent("inputSchema", d.inputSchema());
        requirePresent("outputSchema", d.outputSchema());
        size("inputSchema", d.inputSchema());
        size("outputSchema", d.outputSchema());
        size("implementation", d.implementation());
        JsonSchemaLite.checkSchema("inputSchema", d.inputSchema());
        JsonSchemaLite.checkSchema("outputSchema", d.outputSchema());
        Pipeline pipeline = Pipeline.parse(d.implementation());
        if (d.generationMethod() == null || !METHODS.contains(d.generationMethod())) {
            throw new InvalidInputException("generationMethod", "must be one of " + METHODS + ", is " + d.generationMethod());
        }
        if (!(d.phiScore() >= 0.0 && d.phiScore() <= 1.0)) {
            throw new InvalidInputException("phiScore", "must be in [0, 1], is " + d.phiScore());
        }
        if (d.generatedBy() != null && !store.jdbi().withHandle(h -> Rows.kernelExists(h, d.generatedBy()))) {
            throw new UnknownIdException("generatedBy", d.generatedBy());
        }
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("step_count", pipeline.steps().size());
        pipeline.operations().forEach(meta.putArray("operations")::add);
        return new ToolRow(Ids.next("tool_"), d.name(), d.description(), d.inputSchema().deepCopy(),
                d.outputSchema().deepCopy(), d.implementation().deepCopy(), d.generatedBy(), d.generationMethod(),
                d.phiScore(), 0, 0, 0.0, clock.instant(), null, meta);
    }

    private static void size(String field, JsonNode json) {
        if (json != null && json.toString().length() > MAX_JSON_CHARS) {
            throw new InvalidInputException(field, "must be at most " + MAX_JSON_CHARS + " characters of JSON");
        }
    }

    public ToolRow tool(String toolId) {
        requireId("toolId", toolId);
        return store.jdbi().withHandle(h -> queries.tool(h, toolId)).orElseThrow(() -> new UnknownIdException("toolId", toolId));
    }

    /** A page of the tools, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public java.util.List<ToolRow> tools(int limit, int offset) {
        return store.jdbi().withHandle(h -> queries.tools(h, limit, offset));
    }

    public Optional<ToolRow> toolByName(String name) {
        requireId("toolName", name);
        return store.jdbi().withHandle(h -> queries.toolByName(h, name));
    }

    /** The oldest tool whose stored pipeline equals {@code implementation}, if any. */
    public Optional<ToolRow> toolWithImplementation(JsonNode implementation) {
        requirePresent("implementation", implementation);
        return store.jdbi().withHandle(h -> ToolQueries.toolWithImplementation(h, implementation.toString())
                .flatMap(id -> queries.tool(h, id)));
    }

    /** Throws, naming {@code field} and the first unknown id, unless every id names a stored tool. */
    public void requireKnown(String field, java.util.List<String> toolIds) {
        if (toolIds == null || toolIds.isEmpty()) {
            return;
        }
        java.util.List<String> found = store.jdbi().withHandle(h -> ToolQueries.knownTools(h, toolIds));
        for (String id : toolIds) {
            if (!found.contains(id)) {
                throw UnknownIdException.worded(field, "names an unknown id: " + id);
            }
        }
    }

    /**
     * Runs tool {@code toolId} on {@code input}. Input failing the tool's input schema (or an unknown tool) is bad
     * input: rejected, nothing recorded. Otherwise the use is recorded: succeeded if the pipeline produced output
     * valid under the output schema, failed (and a {@link ToolExecutionException} thrown) if not.
     */
    public JsonNode run(String toolId, JsonNode input) {
        return run(toolId, input, ResultCheck.NONE);
    }

    /**
     * As {@link #run(String, JsonNode)}, and the use also fails when the output fails {@code check} (the caller's test
     * that the result is usable, e.g. that a basin it produced is not forbidden).
     */
    public JsonNode run(String toolId, JsonNode input, ResultCheck check) {
        Objects.requireNonNull(check, "check");
        ToolRow tool = tool(toolId);
        requirePresent("input", input);
        JsonSchemaLite.validate("input", tool.inputSchema(), input);
        Pipeline pipeline = Pipeline.parse(tool.implementation());
        JsonNode output;
        try {
            output = interpreter.run(pipeline, input);
            JsonSchemaLite.validate("output", tool.outputSchema(), output);
        } catch (InvalidInputException | ToolExecutionException e) {
            recordUse(toolId, false);
            throw new ToolExecutionException("tool " + tool.toolName() + " failed: " + e.getMessage(), e);
        }
        Optional<String> problem = check.problem(output);
        if (problem.isPresent()) {
            recordUse(toolId, false);
            throw new ToolExecutionException("tool " + tool.toolName() + " failed its check: " + problem.get());
        }
        recordUse(toolId, true);
        return output;
    }

    /** Interprets a pipeline without a stored tool (the miner infers output schemas this way). */
    JsonNode interpret(Pipeline pipeline, JsonNode input) {
        return interpreter.run(pipeline, input);
    }

    /** Counts one use of the tool (see the class comment for the atomic UPDATE) and sets last_used_at. */
    public void recordUse(String toolId, boolean success) {
        requireId("toolId", toolId);
        int s = success ? 1 : 0;
        int n = store.update(Update.of(ToolsTables.TOOLS)
                .increment("times_used", 1)
                .increment("times_succeeded", s)
                .expression("success_rate", "(times_succeeded + " + s + ")::double precision / (times_used + 1)")
                .set("last_used_at", clock.instant())
                .where("tool_id", toolId));
        if (n == 0) {
            throw new UnknownIdException("toolId", toolId);
        }
    }

    private static void requireId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
    }
}
