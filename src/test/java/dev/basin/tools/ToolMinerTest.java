package dev.basin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.InvalidInputException;
import dev.basin.knowledge.TestKernels;
import dev.basin.rag.DocumentService;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToolMinerTest {
    static Store store;
    static ToolService tools;

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

    @Test
    void repeatedSuccessfulSequenceBecomesANamedTool() {
        String kernel = TestKernels.kernel(store);
        ToolMiner miner = new ToolMiner(tools, 3);
        JsonNode impl = ToolServiceTest.json(ToolServiceTest.PHI_PIPELINE);
        JsonNode input = ToolServiceTest.json("{\"text\": \"stars over the sea\"}");
        assertThat(miner.observe(kernel, impl, input, 0.2, true)).isEmpty();
        assertThat(miner.observe(kernel, impl, input, 0.9, false)).isEmpty();
        assertThat(miner.observe(kernel, impl, input, 0.3, true)).isEmpty();
        Optional<ToolRow> tool = miner.observe(kernel, impl, input, 0.4, true);
        assertThat(tool).isPresent();
        ToolRow t = tool.get();
        assertThat(t.toolName()).matches("auto_coordize_phi_[0-9a-f]{8}");
        assertThat(t.generationMethod()).isEqualTo("pattern_based");
        assertThat(t.generatedBy()).isEqualTo(kernel);
        assertThat(t.phiScore()).isCloseTo(0.3, within(1e-12));
        assertThat(t.inputSchema().get("properties").get("text").get("type").asText()).isEqualTo("string");
        assertThat(t.outputSchema().get("properties").get("phi").get("type").asText()).isEqualTo("number");
        assertThat(tools.run(t.toolId(), ToolServiceTest.json("{\"text\": \"another text\"}")).has("phi")).isTrue();
        assertThat(miner.observe(kernel, impl, input, 0.4, true)).isEmpty();
        assertThat(TestKernels.count(store, "generated_tools")).isEqualTo(1);
        // another miner (e.g. after a restart) reaching the threshold finds the name taken
        ToolMiner again = new ToolMiner(tools, 1);
        assertThat(again.observe(kernel, impl, input, 0.4, true)).isEmpty();
        assertThat(TestKernels.count(store, "generated_tools")).isEqualTo(1);
    }

    @Test
    void badObservationsAreRejected() {
        ToolMiner miner = new ToolMiner(tools);
        JsonNode input = ToolServiceTest.json("{\"text\": \"x\"}");
        assertThatThrownBy(() -> miner.observe("krn_x", ToolServiceTest.json("{\"steps\": [{\"op\": \"eval\"}]}"), input,
                0.1, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("implementation.steps[0].op is not a known operation: eval");
        assertThatThrownBy(() -> miner.observe("", ToolServiceTest.json(ToolServiceTest.PHI_PIPELINE), input, 0.1, true))
                .isInstanceOf(InvalidInputException.class).hasMessage("kernelId must not be blank");
        assertThatThrownBy(() -> new ToolMiner(tools, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("threshold must be ≥ 1, is 0");
    }

    @Test
    void canonicalFormIgnoresFieldOrder() {
        assertThat(ToolMiner.canonical(ToolServiceTest.json("{\"b\": 1, \"a\": [2, {\"d\": 3, \"c\": 4}]}")))
                .isEqualTo(ToolMiner.canonical(ToolServiceTest.json("{\"a\": [2, {\"c\": 4, \"d\": 3}], \"b\": 1}")));
    }
}
