package dev.basin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.knowledge.TestKernels;
import dev.basin.rag.DocumentService;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tools from behaviour: a kernel's procedures carried out through the workbench are traced; the miner turns a
 * sequence into a tool only at its third success by the same kernel; known tools then run through the interpreter,
 * and a use fails (and is counted as failed) when the pipeline fails or the result fails the kernel's check.
 */
class ToolMinerTest {
    static Store store;
    static ToolService tools;

    /** mid = midpoint(a, b); mid_phi = Φ(mid); span = d(a, b). */
    static final Procedure BRIDGE = Procedure.begin()
            .step("mid", Operation.GEODESIC_MIDPOINT, "p", "a", "q", "b")
            .step("mid_phi", Operation.PHI, "basin", "mid")
            .step("span", Operation.DISTANCE, "p", "a", "q", "b").build();
    /** The same operations wired differently: Φ of the input a instead of the midpoint. */
    static final Procedure REWIRED = Procedure.begin()
            .step("mid", Operation.GEODESIC_MIDPOINT, "p", "a", "q", "b")
            .step("mid_phi", Operation.PHI, "basin", "a").build();
    static final Procedure APPROACH = Procedure.begin()
            .step("target", Operation.POINT_AT, "from", "a", "to", "b", "tau", "tau")
            .step("route", Operation.DISTANCE, "p", "a", "q", "target").build();

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(ToolsTables.all().toArray(new Table<?>[0]));
        tools = new ToolService(store, Clock.systemUTC(), new DocumentService(store, Clock.systemUTC()));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Basin random(SplittableRandom r) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1.0 - r.nextDouble());
        }
        return Basin.normalize(w);
    }

    static JsonNode json(Basin b) {
        return Interpreter.basinNode(b);
    }

    /** One unit of work of {@code kernel}: the procedure on fresh random a, b (and τ), through its repertoire. */
    static WorkTrace unit(String kernel, Procedure p, Repertoire known, ResultCheck check, SplittableRandom r,
            double tau) {
        WorkTrace t = new WorkTrace(kernel, "test");
        t.bind("a", json(random(r))).bind("b", json(random(r))).bind("tau", JsonNodeFactory.instance.numberNode(tau));
        tools.workbench().carryOut(t, p, known, check);
        return t;
    }

    static long tools() {
        return TestKernels.count(store, "generated_tools");
    }

    @Test
    void aSequenceBecomesAToolOnlyAtItsThirdSuccessBySameKernel() {
        String kernel = TestKernels.kernel(store);
        String other = TestKernels.kernel(store);
        ToolMiner miner = new ToolMiner(tools, 3);
        SplittableRandom r = new SplittableRandom(1);
        Repertoire none = new Repertoire();
        long before = tools();
        WorkTrace first = unit(kernel, BRIDGE, none, null, r, 0.5);
        assertThat(first.done()).hasSize(3).allSatisfy(d -> assertThat(d.viaToolId()).isNull());
        assertThat(first.value("span").asDouble()).isCloseTo(FisherRao.distance(
                Interpreter.toBasin("a", first.value("a")), Interpreter.toBasin("b", first.value("b"))), within(1e-15));
        assertThat(miner.observe(first, 0.2, true)).isEmpty();
        assertThat(miner.observe(unit(kernel, BRIDGE, none, null, r, 0.5), 0.9, false)).as("failure").isEmpty();
        assertThat(miner.observe(unit(kernel, BRIDGE, none, null, r, 0.5), 0.3, true)).as("second success").isEmpty();
        assertThat(miner.observe(unit(other, BRIDGE, none, null, r, 0.5), 0.3, true)).as("other kernel").isEmpty();
        assertThat(miner.observe(unit(other, BRIDGE, none, null, r, 0.5), 0.3, true)).as("other kernel").isEmpty();
        assertThat(miner.observe(unit(kernel, REWIRED, none, null, r, 0.5), 0.3, true)).as("other wiring").isEmpty();
        assertThat(tools()).isEqualTo(before);

        List<ToolMiner.Mined> mined = miner.observe(unit(kernel, BRIDGE, none, null, r, 0.5), 0.4, true);
        // the stretches of two or more steps: mid→mid_phi, mid_phi→span, and all three
        assertThat(mined).hasSize(3).allSatisfy(m -> assertThat(m.registered()).isTrue());
        assertThat(mined.stream().map(m -> m.tool().metadata().get("operations").toString()).toList())
                .containsExactly("[\"geodesic_midpoint\",\"phi\"]", "[\"geodesic_midpoint\",\"phi\",\"distance\"]",
                        "[\"phi\",\"distance\"]");
        ToolRow all = mined.get(1).tool();
        assertThat(all.toolName()).matches("auto_geodesic_midpoint_phi_distance_[0-9a-f]{8}");
        assertThat(all.generationMethod()).isEqualTo("pattern_based");
        assertThat(all.generatedBy()).isEqualTo(kernel);
        assertThat(all.phiScore()).as("mean Φ of the successes").isCloseTo((0.2 + 0.3 + 0.4) / 3, within(1e-12));
        assertThat(all.metadata().get("mined_successes").asInt()).isEqualTo(3);
        assertThat(all.metadata().get("mined_failures").asInt()).isEqualTo(1);
        assertThat(all.inputSchema().get("required").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(all.inputSchema().get("properties").get("a").get("maxItems").asInt()).isEqualTo(64);
        assertThat(all.outputSchema().get("properties").get("span").get("type").asText()).isEqualTo("number");
        assertThat(tools()).isEqualTo(before + 3);
        // a fourth success mines nothing more; the other kernel's third finds the registered tools
        assertThat(miner.observe(unit(kernel, BRIDGE, none, null, r, 0.5), 0.4, true)).isEmpty();
        List<ToolMiner.Mined> found = miner.observe(unit(other, BRIDGE, none, null, r, 0.5), 0.3, true);
        assertThat(found).hasSize(3).allSatisfy(m -> assertThat(m.registered()).isFalse());
        assertThat(found.get(1).tool().toolId()).isEqualTo(all.toolId());
        assertThat(tools()).isEqualTo(before + 3);
    }

    @Test
    void aKnownToolRunsThroughTheInterpreterAndItsUseIsCounted() {
        String kernel = TestKernels.kernel(store);
        ToolMiner miner = new ToolMiner(tools, 1);
        SplittableRandom r = new SplittableRandom(2);
        Repertoire known = new Repertoire();
        miner.observe(unit(kernel, APPROACH, known, null, r, 0.4), 0.1, true).forEach(m -> known.learn(m.tool()));
        assertThat(known.size()).isEqualTo(1);
        String toolId = known.toolIds().get(0);
        WorkTrace t = new WorkTrace(kernel, "test");
        Basin a = random(r);
        Basin b = random(r);
        t.bind("a", json(a)).bind("b", json(b)).bind("tau", JsonNodeFactory.instance.numberNode(0.25));
        List<ToolUse> uses = tools.workbench().carryOut(t, APPROACH, known, null);
        assertThat(uses).singleElement().satisfies(u -> {
            assertThat(u.toolId()).isEqualTo(toolId);
            assertThat(u.success()).isTrue();
        });
        assertThat(t.done()).allSatisfy(d -> assertThat(d.viaToolId()).isEqualTo(toolId));
        Basin target = Interpreter.toBasin("target", t.value("target"));
        assertThat(FisherRao.distance(target, FisherRao.pointAt(a, b, 0.25))).isLessThan(1e-12);
        assertThat(t.value("route").asDouble()).isCloseTo(0.25 * FisherRao.distance(a, b), within(1e-9));
        ToolRow row = tools.tool(toolId);
        assertThat(row.timesUsed()).isEqualTo(1);
        assertThat(row.timesSucceeded()).isEqualTo(1);
    }

    @Test
    void aFailingCheckOrPipelineRecordsAFailedUse() {
        String kernel = TestKernels.kernel(store);
        ToolMiner miner = new ToolMiner(tools, 1);
        SplittableRandom r = new SplittableRandom(3);
        Repertoire known = new Repertoire();
        miner.observe(unit(kernel, APPROACH, known, null, r, 0.7), 0.1, true).forEach(m -> known.learn(m.tool()));
        String toolId = known.toolIds().get(0);
        ToolRow start = tools.tool(toolId);

        // the result fails the kernel's check: a failed use, then the kernel performs the steps itself
        ResultCheck refuse = out -> out.has("target") ? Optional.of("target is forbidden") : Optional.empty();
        WorkTrace t = new WorkTrace(kernel, "test");
        t.bind("a", json(random(r))).bind("b", json(random(r))).bind("tau", JsonNodeFactory.instance.numberNode(0.7));
        List<ToolUse> uses = tools.workbench().carryOut(t, APPROACH, known, refuse);
        assertThat(uses).singleElement().satisfies(u -> {
            assertThat(u.success()).isFalse();
            assertThat(u.problem()).endsWith("failed its check: target is forbidden");
        });
        assertThat(t.value("route").asDouble()).isPositive();
        assertThat(t.done()).hasSize(2).allSatisfy(d -> assertThat(d.viaToolId()).isNull());
        ToolRow afterCheck = tools.tool(toolId);
        assertThat(afterCheck.timesUsed()).isEqualTo(start.timesUsed() + 1);
        assertThat(afterCheck.timesSucceeded()).isEqualTo(start.timesSucceeded());

        // the pipeline fails (τ outside [0, 1]): a failed use; by hand the same step fails loudly
        WorkTrace bad = new WorkTrace(kernel, "test");
        bad.bind("a", json(random(r))).bind("b", json(random(r))).bind("tau", JsonNodeFactory.instance.numberNode(1.5));
        assertThatThrownBy(() -> tools.workbench().carryOut(bad, APPROACH, known, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tau must be in [0, 1]");
        ToolRow afterPipeline = tools.tool(toolId);
        assertThat(afterPipeline.timesUsed()).isEqualTo(start.timesUsed() + 2);
        assertThat(afterPipeline.timesSucceeded()).isEqualTo(start.timesSucceeded());
        assertThat(afterPipeline.successRate()).isCloseTo((double) start.timesSucceeded() / (start.timesUsed() + 2),
                within(1e-12));
    }

    @Test
    void badObservationsAreRejected() {
        ToolMiner miner = new ToolMiner(tools);
        WorkTrace t = new WorkTrace("krn_x", "test");
        assertThatThrownBy(() -> miner.observe(t, 1.5, true)).isInstanceOf(InvalidInputException.class)
                .hasMessage("phi must be in [0, 1], is 1.5");
        assertThatThrownBy(() -> new WorkTrace("", "test")).isInstanceOf(InvalidInputException.class)
                .hasMessage("kernelId must not be blank");
        assertThatThrownBy(() -> t.bind("x", JsonNodeFactory.instance.numberNode(1)).bind("x",
                JsonNodeFactory.instance.numberNode(2))).isInstanceOf(InvalidInputException.class)
                .hasMessage("x is bound twice in one unit of work");
        assertThatThrownBy(() -> Procedure.begin().step("d", Operation.DISTANCE, "p", "a").build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("d.args must be exactly");
        assertThatThrownBy(() -> new ToolMiner(tools, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("threshold must be ≥ 1, is 0");
    }

    @Test
    void canonicalFormIgnoresFieldOrder() {
        assertThat(ToolMiner.canonical(ToolServiceTest.json("{\"b\": 1, \"a\": [2, {\"d\": 3, \"c\": 4}]}")))
                .isEqualTo(ToolMiner.canonical(ToolServiceTest.json("{\"a\": [2, {\"c\": 4, \"d\": 3}], \"b\": 1}")));
    }
}
