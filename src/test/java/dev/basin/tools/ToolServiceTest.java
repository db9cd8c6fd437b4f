package dev.basin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.coordizer.DefaultModel;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.knowledge.TestKernels;
import dev.basin.rag.DocumentService;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToolServiceTest {
    static final double ACCURACY = 1e-12;
    static final ObjectMapper JSON = new ObjectMapper();
    static Store store;
    static DocumentService docs;
    static ToolService tools;

    static final String PHI_PIPELINE = """
            {"steps": [{"op": "coordize", "args": {"text": "$input.text"}, "as": "b"},
                       {"op": "phi", "args": {"basin": "$b"}, "as": "phi"}],
             "result": {"phi": "$phi"}}""";
    static final String IN_TEXT = """
            {"type": "object", "required": ["text"], "additionalProperties": false,
             "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 1000}}}""";
    static final String OUT_PHI = """
            {"type": "object", "required": ["phi"], "properties": {"phi": {"type": "number", "minimum": 0, "maximum": 1}}}""";

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(ToolsTables.all().toArray(new Table<?>[0]));
        docs = new DocumentService(store, Clock.systemUTC());
        tools = new ToolService(store, Clock.systemUTC(), docs);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ToolDraft draft(String name, String impl, String in, String out) {
        return new ToolDraft(name, "test tool " + name, json(in), json(out), json(impl), null, "llm_assisted", 0.4);
    }

    @Test
    void registeredPipelineRunsAndCountsTheUse() {
        ToolRow t = tools.register(draft("text_phi", PHI_PIPELINE, IN_TEXT, OUT_PHI));
        JsonNode out = tools.run(t.toolId(), json("{\"text\": \"waves and tides\"}"));
        assertThat(out.get("phi").asDouble())
                .isCloseTo(Integration.phi(DefaultModel.shipped().coordize("waves and tides")), within(ACCURACY));
        ToolRow after = tools.tool(t.toolId());
        assertThat(after.timesUsed()).isEqualTo(1);
        assertThat(after.timesSucceeded()).isEqualTo(1);
        assertThat(after.successRate()).isEqualTo(1.0);
        assertThat(after.lastUsedAt()).isNotNull();
        assertThat(after.metadata().get("operations").toString()).isEqualTo("[\"coordize\",\"phi\"]");
    }

    @Test
    void nearestChunkToolReadsTheDocuments() {
        docs.ingest("sea.md", "sea", "Tides rise twice a day under the moon.".getBytes(StandardCharsets.UTF_8));
        String impl = """
                {"steps": [{"op": "coordize", "args": {"text": "$input.q"}, "as": "b"},
                           {"op": "nearest_chunk", "args": {"basin": "$b"}, "as": "hit"}],
                 "result": {"chunk": "$hit.chunk_id", "distance": "$hit.distance"}}""";
        ToolRow t = tools.register(draft("find_chunk", impl, "{\"type\": \"object\", \"required\": [\"q\"]}",
                "{\"type\": \"object\", \"required\": [\"chunk\", \"distance\"]}"));
        JsonNode out = tools.run(t.toolId(), json("{\"q\": \"moon tides\"}"));
        assertThat(out.get("chunk").asText()).startsWith("chk_");
        assertThat(out.get("distance").asDouble()).isBetween(0.0, Math.PI);
    }

    @Test
    void unknownOperationsAndBadPipelinesAreRejected() {
        long before = TestKernels.count(store, "generated_tools");
        assertBad(() -> tools.register(draft("evil", """
                {"steps": [{"op": "exec", "args": {"cmd": "rm -rf /"}, "as": "x"}], "result": "$x"}""", IN_TEXT, OUT_PHI)),
                "implementation.steps[0].op is not a known operation: exec (known: [distance, geodesic_midpoint");
        assertBad(() -> tools.register(draft("t1", """
                {"steps": [{"op": "phi", "args": {"basin": "$nowhere"}, "as": "x"}], "result": "$x"}""", IN_TEXT, OUT_PHI)),
                "implementation.steps[0].args.basin refers to $nowhere but nowhere is not bound before it");
        assertBad(() -> tools.register(draft("t2", """
                {"steps": [{"op": "phi", "args": {}, "as": "x"}], "result": "$x"}""", IN_TEXT, OUT_PHI)),
                "implementation.steps[0].args.basin is required by phi");
        assertBad(() -> tools.register(draft("t3", """
                {"steps": [{"op": "phi", "args": {"basin": "$input", "extra": 1}, "as": "x"}], "result": "$x"}""",
                IN_TEXT, OUT_PHI)), "implementation.steps[0].args.extra is not a parameter of phi");
        assertBad(() -> tools.register(draft("t4", "{\"steps\": [], \"result\": 1}", IN_TEXT, OUT_PHI)),
                "implementation.steps must be a non-empty array");
        assertBad(() -> tools.register(draft("t5", "{\"code\": \"System.exit(0)\"}", IN_TEXT, OUT_PHI)),
                "implementation.code is not a pipeline field");
        assertBad(() -> tools.register(draft("t6", PHI_PIPELINE, "{\"type\": \"object\", \"pattern\": \".*\"}", OUT_PHI)),
                "inputSchema.pattern is not a supported JSON Schema keyword");
        assertBad(() -> tools.register(draft("Bad Name", PHI_PIPELINE, IN_TEXT, OUT_PHI)),
                "toolName must match [a-z][a-z0-9_]{0,62}, is Bad Name");
        assertBad(() -> tools.register(new ToolDraft("t7", "d", json(IN_TEXT), json(OUT_PHI), json(PHI_PIPELINE), null,
                "magic", 0.5)), "generationMethod must be one of");
        assertBad(() -> tools.register(new ToolDraft("t8", "d", json(IN_TEXT), json(OUT_PHI), json(PHI_PIPELINE),
                "krn_nope", "hybrid", 0.5)), "generatedBy is unknown: krn_nope");
        assertBad(() -> tools.register(new ToolDraft("t9", "d", json(IN_TEXT), json(OUT_PHI), json(PHI_PIPELINE), null,
                "hybrid", 1.5)), "phiScore must be in [0, 1], is 1.5");
        assertThat(TestKernels.count(store, "generated_tools")).isEqualTo(before);
        tools.register(draft("dup_name", PHI_PIPELINE, IN_TEXT, OUT_PHI));
        assertBad(() -> tools.register(draft("dup_name", PHI_PIPELINE, IN_TEXT, OUT_PHI)),
                "toolName is already registered: dup_name");
    }

    @Test
    void schemaInvalidInputIsRejectedAndNotCounted() {
        ToolRow t = tools.register(draft("strict_phi", PHI_PIPELINE, IN_TEXT, OUT_PHI));
        assertBad(() -> tools.run(t.toolId(), json("{}")), "input.text is required");
        assertBad(() -> tools.run(t.toolId(), json("{\"text\": 5}")), "input.text must be of type string, is number");
        assertBad(() -> tools.run(t.toolId(), json("{\"text\": \"\"}")), "input.text must have at least 1 characters");
        assertBad(() -> tools.run(t.toolId(), json("{\"text\": \"a\", \"x\": 1}")), "input.x is not an allowed property");
        assertBad(() -> tools.run(t.toolId(), json("[1]")), "input must be of type object, is array");
        assertBad(() -> tools.run("tool_nope", json("{\"text\": \"a\"}")), "toolId is unknown: tool_nope");
        assertBad(() -> tools.recordUse("tool_nope", true), "toolId is unknown: tool_nope");
        assertThat(tools.tool(t.toolId()).timesUsed()).isZero();
    }

    @Test
    void failingRunsCountAsFailedUses() {
        String impl = """
                {"steps": [{"op": "distance", "args": {"p": "$input.p", "q": "$input.q"}, "as": "d"}],
                 "result": {"d": "$d"}}""";
        ToolRow t = tools.register(draft("pair_distance", impl, "{\"type\": \"object\", \"required\": [\"p\", \"q\"]}",
                "{\"type\": \"object\"}"));
        assertThatThrownBy(() -> tools.run(t.toolId(), json("{\"p\": [1, 2], \"q\": [3]}")))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessageContaining("steps[0].args.p must have 64 entries, has 2");
        ToolRow after = tools.tool(t.toolId());
        assertThat(after.timesUsed()).isEqualTo(1);
        assertThat(after.timesSucceeded()).isZero();
        assertThat(after.successRate()).isZero();
    }

    @Test
    void successRateEqualsSucceededOverUsedAfterConcurrentUse() throws Exception {
        ToolRow t = tools.register(draft("busy_tool", PHI_PIPELINE, IN_TEXT, OUT_PHI));
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int succeeded = 0;
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean ok = i % 3 != 0;
                succeeded += ok ? 1 : 0;
                calls.add(() -> {
                    tools.recordUse(t.toolId(), ok);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ToolRow after = tools.tool(t.toolId());
        assertThat(after.timesUsed()).isEqualTo(n);
        assertThat(after.timesSucceeded()).isEqualTo(succeeded);
        assertThat(after.successRate()).isEqualTo((double) succeeded / n);
    }

    static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }
}
