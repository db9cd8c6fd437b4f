package dev.basin.session.behaviour;

import dev.basin.session.SessionConfig;
import dev.basin.session.SessionRunner;
import dev.basin.session.rules.CycleSpan;
import dev.basin.session.rules.TimeTravel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.BasinEngine;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.Integration;
import dev.basin.geometry.Regime;
import dev.basin.kernel.EmotionVector;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.KernelState;
import dev.basin.kernel.KernelStatus;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.navigation.MovementReason;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time travel: the rule fires on breakdown or Φ collapse only, and a restore puts the kernel back bit for bit. */
class TimeTravelTest {
    static Store store;
    static BasinEngine engine;
    static SimClock clock;
    static String session;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        clock = new SimClock(Instant.parse("2026-04-01T00:00:00Z"));
        SessionConfig config = new SessionConfig(2, 1, 1L, null);
        engine = BasinEngine.over(store, SessionRunner.engineConfig(store.config(), clock, config)
                .withFinder(dev.basin.session.TestSessions.FINDER));
        session = engine.sessions().start(1L, store.json().createObjectNode()).sessionId();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static KernelState state(double phi, double kappaEff) {
        return new KernelState(Basin.uniform(), phi, 64.0, kappaEff, Regime.of(kappaEff), Neurotransmitters.resting(),
                EmotionVector.neutral(), KernelStatus.AWAKE, 0, 1L);
    }

    /** A basin whose 8×8 joint puts weight on the diagonal: high Φ. */
    private static Basin structured() {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = i / 8 == i % 8 ? 20.0 : 1.0;
        }
        return Basin.normalize(w);
    }

    @Test
    void theRuleFiresOnBreakdownOrCollapseOnly() {
        TimeTravel.Stable stable = new TimeTravel.Stable("ckpt_x", 0.2, 60.0, "attractor_found");
        assertThat(TimeTravel.cause(null, state(0.2, 60), state(0.01, 120))).isNull();
        assertThat(TimeTravel.cause(stable, state(0.2, 60), state(0.15, 90))).isNull();
        assertThat(TimeTravel.cause(stable, state(0.2, 60), state(0.1001, 60))).isNull();
        assertThat(TimeTravel.cause(stable, state(0.2, 60), state(0.1, 60))).contains("Φ collapsed to 0.1000");
        assertThat(TimeTravel.cause(stable, state(0.2, 95), state(0.2, 101))).contains("breakdown (101.0000");
        assertThat(TimeTravel.cause(stable, state(0.2, 101), state(0.2, 102))).as("already in breakdown").isNull();
        TimeTravel.Stable faint = new TimeTravel.Stable("ckpt_y", 0.04, 60.0, "insight_validated");
        assertThat(TimeTravel.cause(faint, state(0.04, 60), state(0.0, 60))).as("Φ too low to collapse").isNull();
    }

    @Test
    void aRestoreInASessionPutsTheKernelBackBitForBitAndIsRecorded() {
        Basin start = structured();
        KernelRow k = engine.kernels().createRoot(session, "traveller", start, Coupling.KAPPA_STAR,
                Neurotransmitters.resting(), 77L);
        KernelActions actions = new KernelActions(new KernelWork(engine, clock, new Tally(), List.of(), List.of(), () -> { }, new CycleSpan(KernelActions.STEP)));
        KernelLife life = new KernelLife(k.kernelId(), "traveller", "d", 0, new SplittableRandom(3), 0);
        actions.learned(life, "attractor_found", Map.of("attractors", List.of("attr_test"), "count", 1));
        assertThat(life.stable).isNotNull();
        KernelState saved = engine.checkpoints().state(life.stable.checkpointId());
        assertThat(saved.phi()).isEqualTo(Integration.phi(start)).isGreaterThan(0.1);

        KernelState before = engine.kernels().get(k.kernelId()).state();
        KernelRow after = engine.voyages().navigate(k.kernelId(), Basin.uniform(), "flat", MovementReason.EXPLORATION,
                60).kernel();
        clock.advanceTo(after.updatedAt());
        assertThat(after.state().phi()).isLessThan(0.5 * saved.phi());
        assertThat(after.state()).isNotEqualTo(saved);

        assertThat(actions.restoreIfNeeded(life, before, after)).isTrue();
        KernelRow back = engine.kernels().get(k.kernelId());
        assertThat(back.state()).isEqualTo(saved);
        assertThat(Double.doubleToRawLongBits(back.state().phi())).isEqualTo(Double.doubleToRawLongBits(saved.phi()));
        assertThat(back.state().basin().toArray()).containsExactly(saved.basin().toArray());
        assertThat(back.state().rngState()).isEqualTo(saved.rngState());
        assertThat(back.metadata().get("restored_from").asText()).isEqualTo(life.stable.checkpointId());
        Map<String, Object> thought = store.jdbi().withHandle(h -> h.createQuery("SELECT thought_content, related_id,"
                + " metadata->'facts'->>'cause' AS cause FROM kernel_thoughts WHERE kernel_id = :k AND event = 'restore'")
                .bind("k", k.kernelId()).mapToMap().one());
        assertThat(thought.get("related_id")).isEqualTo(life.stable.checkpointId());
        assertThat((String) thought.get("cause")).startsWith("Φ collapsed to");
        assertThat((String) thought.get("thought_content")).contains("Restored checkpoint " + life.stable.checkpointId());

        // back at the stable state, nothing collapsed: silent
        assertThat(actions.restoreIfNeeded(life, back.state(), back)).isFalse();
    }
}
