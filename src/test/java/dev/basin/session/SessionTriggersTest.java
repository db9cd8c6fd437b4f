package dev.basin.session;

import dev.basin.session.rules.BarrierHealing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rows a real (shortened) session's triggers stored, read as a user reads them: every era exclusion, deactivated
 * barrier, learning checkpoint and mid-voyage stop is backed by the measured rows its rule names; nothing is scripted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTriggersTest {
    Store store;

    @BeforeAll
    void runSession() {
        store = TestDatabases.freshStore();
        TestSessions.run(store, 3, 8, 7L);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private List<Map<String, Object>> rows(String sql) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    private JsonNode json(Object o) {
        try {
            return store.json().readTree(o.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void noManualFalsePatternAndEveryEraExclusionIsBackedByItsFindingsOrAnInvalidatedInsight() {
        assertThat(count("SELECT count(*) FROM false_pattern_classes WHERE detection_method = 'manual'")).isZero();
        for (Map<String, Object> e : rows("SELECT exclusion_id, exclusion_radius, metadata FROM era_exclusions")) {
            JsonNode m = json(e.get("metadata"));
            String kind = m.path("kind").asText();
            assertThat(kind).isIn("unstable_period", "contradiction");
            if (kind.equals("contradiction")) {
                assertThat(count("SELECT count(*) FROM lightning_insight_outcomes WHERE outcome_id = '"
                        + m.get("outcome_id").asText() + "' AND outcome_type = 'invalidated'")).isEqualTo(1);
                assertThat(count("SELECT count(*) FROM false_pattern_classes WHERE pattern_id = '"
                        + m.get("false_pattern_id").asText() + "'")).isEqualTo(1);
                continue;
            }
            Set<String> kernels = new HashSet<>();
            for (JsonNode f : m.get("findings")) {
                kernels.add(f.get("kernel_id").asText());
                assertThat(count("SELECT count(*) FROM geometric_barriers WHERE barrier_id = '"
                        + f.get("barrier_id").asText() + "' AND kernel_id = '" + f.get("kernel_id").asText()
                        + "' AND barrier_type IN ('instability', 'decoherence')")).isEqualTo(1);
                assertThat((Double) e.get("exclusion_radius")).isGreaterThanOrEqualTo(
                        f.get("distance_to_centre").asDouble() + f.get("radius").asDouble() - 1e-9);
            }
            assertThat(kernels).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyEndedBarrierWasMergedOrHealedAfterAQuietWindow() {
        List<Map<String, Object>> ended = rows("SELECT barrier_id, metadata FROM geometric_barriers WHERE NOT active");
        for (Map<String, Object> b : ended) {
            JsonNode m = json(b.get("metadata"));
            if (m.has("merged_into")) {
                continue;
            }
            assertThat(m.has("deactivation")).as("%s", b).isTrue();
            assertThat(m.get("deactivation").get("quiet_cycles").asInt()).isGreaterThanOrEqualTo(BarrierHealing.WINDOW);
        }
        assertThat(count("SELECT count(*) FROM geometric_barriers")).isPositive();
    }

    @Test
    void aVoyageStoppedByABarrierRaisedOnTheWayStoppedAtTheStepItWasRaised() {
        List<Map<String, Object>> stopped = rows("SELECT t.trajectory_id, t.agent_id, t.blocked_reason, t.completed_at,"
                + " t.step_count FROM ocean_trajectories t WHERE t.blocked_reason LIKE 'stopped after step%'");
        assertThat(stopped).isNotEmpty();
        for (Map<String, Object> t : stopped) {
            String reason = (String) t.get("blocked_reason");
            String barrier = reason.replaceAll("^stopped after step \\d+: (barrier_[0-9a-f]+).*$", "$1");
            assertThat(count("SELECT count(*) FROM geometric_barriers WHERE barrier_id = '" + barrier
                    + "' AND kernel_id = '" + t.get("agent_id") + "' AND discovered_at = (SELECT max(arrived_at) FROM"
                    + " ocean_waypoints WHERE trajectory_id = '" + t.get("trajectory_id") + "')")).as("%s", t)
                    .isEqualTo(1);
        }
    }

    @Test
    void learningCheckpointsNameTheirEvent() {
        List<Map<String, Object>> learned = rows("SELECT kernel_id, created_at, metadata FROM kernel_checkpoints WHERE"
                + " metadata->'facts'->>'event' IS NOT NULL");
        assertThat(learned).isNotEmpty();
        for (Map<String, Object> c : learned) {
            JsonNode f = json(c.get("metadata")).get("facts");
            if (f.get("event").asText().equals("attractor_found")) {
                for (JsonNode a : f.get("attractors")) {
                    assertThat(count("SELECT count(*) FROM learned_manifold_attractors WHERE attractor_id = '"
                            + a.asText() + "' AND kernel_id = '" + c.get("kernel_id") + "'")).isEqualTo(1);
                }
            } else {
                assertThat(f.get("event").asText()).isEqualTo("insight_validated");
                assertThat(count("SELECT count(*) FROM lightning_insight_outcomes WHERE outcome_id = '"
                        + f.get("outcome_id").asText() + "' AND outcome_type = 'validated'")).isEqualTo(1);
            }
        }
    }

    @Test
    void everyScaleMappingIsAMeasuredCrossingAndEachKernelsMappingsChain() {
        List<Map<String, Object>> maps = rows("SELECT kernel_id, source_kappa, target_kappa, source_regime,"
                + " target_regime, metadata FROM knowledge_scale_mappings ORDER BY kernel_id, discovered_at");
        Map<Object, String> lastTarget = new java.util.HashMap<>();
        for (Map<String, Object> m : maps) {
            assertThat(m.get("source_regime")).isEqualTo(
                    dev.basin.geometry.Regime.of((Double) m.get("source_kappa")).sqlName());
            assertThat(m.get("target_regime")).isEqualTo(
                    dev.basin.geometry.Regime.of((Double) m.get("target_kappa")).sqlName());
            assertThat(json(m.get("metadata")).get("cause").asText()).isIn("start", "step", "end", "blocked",
                    "restore");
            String previous = lastTarget.put(m.get("kernel_id"), (String) m.get("target_regime"));
            if (previous != null) {
                assertThat(m.get("source_regime")).as("%s", m).isEqualTo(previous);
            }
        }
    }
}
