package dev.basin.knowledge;

import static dev.basin.knowledge.TestKernels.around;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FalsePatternServiceTest {
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    static Store store;
    static FalsePatternService service;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        store.register(KnowledgeTables.all().toArray(new Table<?>[0]));
        service = new FalsePatternService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static ArrayNode examples() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.addObject().put("case", "test");
        return a;
    }

    static FalsePatternDraft draft(Basin centre, double radius) {
        return new FalsePatternDraft("tides predict melodies", "Φ fell after acting on it", DetectionMethod.MANUAL,
                centre, radius, examples());
    }

    @Test
    void candidatesInsideAreAvoidedAndCountedOutsideAreNot() {
        FalsePatternRow cls = service.register(draft(around(30, 30, 0), 0.2));
        Optional<Avoidance> inside = service.isAvoided(around(30, 30, 0.03));
        assertThat(inside).isPresent();
        assertThat(inside.get().pattern().patternId()).isEqualTo(cls.patternId());
        assertThat(service.isAvoided(around(50, 30, 0))).isEmpty();
        FalsePatternRow after = service.falsePattern(cls.patternId());
        assertThat(after.timesAvoided()).isEqualTo(1);
        assertThat(after.lastAvoidedAt()).isEqualTo(NOW);
        assertThat(after.metadata().get("detection").asText()).isEqualTo("manual");
    }

    @Test
    void concurrentAvoidancesAreAllCounted() throws Exception {
        FalsePatternRow cls = service.register(draft(around(12, 30, 0), 0.2));
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Optional<Avoidance>>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double tilt = 0.001 * i;
                calls.add(() -> service.isAvoided(around(12, 30, tilt)));
            }
            for (Future<Optional<Avoidance>> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(service.falsePattern(cls.patternId()).timesAvoided()).isEqualTo(n);
    }

    @Test
    void badInputIsRejectedAndWritesNothing() {
        long before = TestKernels.count(store, "false_pattern_classes");
        Basin c = around(3, 10, 0);
        assertThatThrownBy(() -> draft(c, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("radiusFr must be in (0, π], is 0.0");
        assertThatThrownBy(() -> draft(c, 3.5)).isInstanceOf(InvalidInputException.class)
                .hasMessage("radiusFr must be in (0, π], is 3.5");
        assertThatThrownBy(() -> new FalsePatternDraft(" ", "r", DetectionMethod.MANUAL, c, 0.1, examples()))
                .isInstanceOf(InvalidInputException.class).hasMessage("description must not be blank");
        assertThatThrownBy(() -> new FalsePatternDraft("d", "r", DetectionMethod.MANUAL, c, 0.1,
                JsonNodeFactory.instance.arrayNode())).isInstanceOf(InvalidInputException.class)
                .hasMessage("exampleCases must be a non-empty JSON array");
        assertThatThrownBy(() -> service.isAvoided(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("candidate is missing");
        assertThatThrownBy(() -> service.falsePattern("fpat_nope")).isInstanceOf(InvalidInputException.class)
                .hasMessage("patternId is unknown: fpat_nope");
        assertThat(TestKernels.count(store, "false_pattern_classes")).isEqualTo(before);
    }
}
