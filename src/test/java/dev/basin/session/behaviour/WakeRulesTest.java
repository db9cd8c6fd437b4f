package dev.basin.session.behaviour;

import dev.basin.session.SessionConfig;
import dev.basin.session.SessionRunner;
import dev.basin.session.rules.BarrierHealing;
import dev.basin.session.rules.CycleSpan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.BasinEngine;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.ExcludedRegionRow;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyFixtures;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules a kernel applies on waking: expired exclusions are lifted even while their refusing ball exists, ordered
 * ones and those whose ball is gone too, unexpired ones over a live ball stay; quiet own barriers heal, the rule and
 * measured values stored.
 */
class WakeRulesTest {
    static Store store;
    static BasinEngine engine;
    static SimClock clock;
    static String session;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        clock = new SimClock(Instant.parse("2026-05-01T00:00:00Z"));
        SessionConfig config = new SessionConfig(2, 1, 1L, null);
        engine = BasinEngine.over(store, SessionRunner.engineConfig(store.config(), clock, config)
                .withFinder(dev.basin.session.TestSessions.FINDER));
        session = engine.sessions().start(1L, store.json().createObjectNode()).sessionId();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static ExcludedRegionRow region(String kernel, BarrierRow ball, ExclusionReason reason, Instant expires) {
        return engine.safety().createExcludedRegion(kernel, ball.center(), ball.radius() * 1.2, reason, 1, expires,
                store.json().createObjectNode().put("blocked_by", ball.barrierId()));
    }

    private static ExcludedRegionRow reread(ExcludedRegionRow r) {
        return engine.safety().queries().region(r.regionId()).orElseThrow();
    }

    @Test
    void exclusionsAreLiftedByRuleAndQuietBarriersHeal() {
        KernelRow k = engine.kernels().createRoot(session, "sleeper", Basin.uniform(), Coupling.KAPPA_STAR,
                Neurotransmitters.resting(), 3L);
        String id = k.kernelId();
        BarrierRow live = engine.safety().createBarrier(new NewBarrier(id, SafetyFixtures.wave(0.5, 0.3, 0.0), 0.05,
                BarrierType.INSTABILITY, 0.4, "live", null));
        BarrierRow gone = engine.safety().createBarrier(new NewBarrier(id, SafetyFixtures.wave(0.5, 0.3, 3.0), 0.05,
                BarrierType.DECOHERENCE, 0.4, "gone", null));
        ExcludedRegionRow expiring = region(id, live, ExclusionReason.UNSAFE, clock.instant().plusSeconds(60));
        ExcludedRegionRow lasting = region(id, live, ExclusionReason.UNSAFE, null);
        ExcludedRegionRow ordered = region(id, live, ExclusionReason.ORDERED, clock.instant().plusSeconds(600));
        ExcludedRegionRow orphan = region(id, gone, ExclusionReason.UNSAFE, null);
        engine.safety().deactivateBarrier(gone.barrierId());

        LifeCycle life = new LifeCycle(new KernelWork(engine, clock, new Tally(), List.of(), List.of(), () -> { }, new CycleSpan(KernelActions.STEP)));
        KernelLife kl = new KernelLife(id, "sleeper", "d", 0, new SplittableRandom(5), 0);
        clock.advance(Duration.ofSeconds(61));
        life.wake(kl, 2);

        assertThat(reread(expiring).active()).isFalse();
        assertThat(reread(expiring).metadata().get("deactivation").get("rule").asText()).startsWith("expired at");
        assertThat(reread(ordered).active()).isFalse();
        assertThat(reread(ordered).metadata().get("deactivation").get("rule").asText()).startsWith("ordered away");
        assertThat(reread(orphan).active()).isFalse();
        assertThat(reread(orphan).metadata().get("deactivation").get("rule").asText())
                .contains(gone.barrierId()).contains("no longer active");
        assertThat(reread(lasting).active()).as("unexpired, its ball alive").isTrue();
        assertThat(engine.safety().queries().barrier(live.barrierId()).orElseThrow().active())
                .as("watched since cycle 2 only").isTrue();

        life.wake(kl, 2 + BarrierHealing.WINDOW);
        BarrierRow healed = engine.safety().queries().barrier(live.barrierId()).orElseThrow();
        assertThat(healed.active()).isFalse();
        assertThat(healed.metadata().get("deactivation").get("quiet_cycles").asInt()).isEqualTo(BarrierHealing.WINDOW);
        assertThat(healed.metadata().get("deactivation").get("watched_since_cycle").asInt()).isEqualTo(2);
    }
}
