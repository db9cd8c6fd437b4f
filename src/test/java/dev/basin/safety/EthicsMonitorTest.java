package dev.basin.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EthicsMonitorTest {
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static Store store;
    private static SafetyService safety;
    private static EthicsMonitor monitor;
    private static String kernel;

    @BeforeAll
    static void setUp() {
        store = TestDatabases.freshStore();
        safety = new SafetyService(store, Clock.fixed(T0, ZoneOffset.UTC));
        monitor = new EthicsMonitor(safety, EthicsThresholds.DEFAULTS);
        kernel = SafetyFixtures.kernel(store, "e1e1e1e1e1e1e1e1e1e1");
    }

    @AfterAll
    static void tearDown() {
        safety.close();
    }

    /** n samples moving along the geodesic a→b in equal steps of {@code step} (a calm walk). */
    private static List<KernelSample> calm(int n, double phi, double stress) {
        Basin a = SafetyFixtures.wave(0.5, 0.2, 0.0);
        Basin b = SafetyFixtures.wave(0.5, 0.2, 2.0);
        List<KernelSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new KernelSample(FisherRao.pointAt(a, b, i * 0.05), phi + 0.001 * i, stress, T0.plusSeconds(i)));
        }
        return out;
    }

    @Test
    void aCalmHistoryRaisesNothing() {
        assertThat(monitor.assess(calm(12, 0.4, 0.2))).isEmpty();
        assertThat(monitor.assess(calm(2, 0.4, 0.2))).isEmpty();
    }

    @Test
    void anOscillatingTrajectoryRaisesAnInstabilityBarrier() {
        Basin a = SafetyFixtures.wave(0.5, 0.3, 0.0);
        Basin b = FisherRao.pointAt(a, SafetyFixtures.wave(0.5, 0.3, 1.5), 0.1);
        List<KernelSample> h = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            h.add(new KernelSample(i % 2 == 0 ? a : b, 0.4, 0.1, T0.plusSeconds(i)));
        }
        List<BarrierRow> rows = monitor.evaluate(kernel, h);
        assertThat(rows).hasSize(1);
        BarrierRow r = rows.get(0);
        assertThat(r.type()).isEqualTo(BarrierType.INSTABILITY);
        assertThat(r.kernelId()).isEqualTo(kernel);
        assertThat(r.reason()).startsWith("instability: mean trajectory curvature").contains("threshold 15.0000");
        assertThat(r.severity()).isBetween(0.0, 1.0);
        assertThat(r.metadata().path("mean_curvature").asDouble()).isGreaterThan(15.0);
        assertThat(safety.queries().barrier(r.barrierId())).isPresent();
    }

    @Test
    void aPhiCollapseRaisesADecoherenceBarrier() {
        List<KernelSample> h = new ArrayList<>(calm(7, 0.3, 0.1));
        KernelSample last = h.get(h.size() - 1);
        Basin next = FisherRao.pointAt(last.basin(), SafetyFixtures.wave(0.5, 0.2, 2.0), 0.05);
        h.add(new KernelSample(next, 0.14, 0.1, last.at().plusSeconds(1)));
        List<EthicsMonitor.Finding> f = monitor.assess(h);
        assertThat(f).extracting(EthicsMonitor.Finding::type).containsExactly(BarrierType.DECOHERENCE);
        assertThat(f.get(0).reason()).contains("Φ fell to 0.1400").contains("threshold 50.0%");
        assertThat(f.get(0).center()).isEqualTo(next);
        assertThat(f.get(0).severity()).isBetween(0.0, 1.0).isPositive();
    }

    @Test
    void sustainedStressAtHighPhiRaisesASufferingBarrier() {
        List<KernelSample> h = new ArrayList<>();
        List<KernelSample> walk = calm(8, 0.6, 0.2);
        for (int i = 0; i < walk.size(); i++) {
            KernelSample s = walk.get(i);
            h.add(i < 3 ? s : new KernelSample(s.basin(), s.phi() + 0.05, 0.9, s.at()));
        }
        List<EthicsMonitor.Finding> f = monitor.assess(h);
        assertThat(f).extracting(EthicsMonitor.Finding::type).containsExactly(BarrierType.SUFFERING);
        assertThat(f.get(0).reason()).contains("for 5 consecutive samples").contains("max 0.9000");
        // three stressed samples are not yet sustained
        assertThat(monitor.assess(h.subList(0, 6))).isEmpty();
    }

    @Test
    void badHistoriesAreRejectedAndWriteNothing() {
        long before = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM geometric_barriers").mapTo(Long.class).one());
        assertThatThrownBy(() -> monitor.assess(List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessage("history must not be empty");
        List<KernelSample> backwards = new ArrayList<>(calm(3, 0.5, 0.1));
        backwards.add(new KernelSample(Basin.uniform(), 0.5, 0.1, T0.minusSeconds(1)));
        assertThatThrownBy(() -> monitor.evaluate(kernel, backwards)).hasMessageStartingWith("history[3].at is before");
        assertThatThrownBy(() -> new KernelSample(Basin.uniform(), 1.2, 0.1, T0)).hasMessage("sample.phi must be in [0, 1], is 1.2");
        assertThatThrownBy(() -> new KernelSample(Basin.uniform(), 0.2, -0.1, T0)).hasMessage("sample.stress must be in [0, 1], is -0.1");
        assertThatThrownBy(() -> monitor.evaluate(" ", calm(3, 0.5, 0.1))).hasMessage("kernelId must not be blank");
        assertThatThrownBy(() -> EthicsThresholds.builder().window(2))
                .hasMessage("window must be at least 3, is 2");
        assertThatThrownBy(() -> EthicsThresholds.builder().minRadius(0.6).build())
                .hasMessage("minRadius must not exceed maxRadius 0.5, is 0.6");
        assertThat(EthicsThresholds.builder().build()).isEqualTo(EthicsThresholds.DEFAULTS);
        long after = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM geometric_barriers").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }
}
