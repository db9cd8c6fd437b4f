package dev.basin.kernel;

import dev.basin.geometry.UnknownIdException;
import dev.basin.runs.SessionStatus;
import dev.basin.runs.SessionRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kernel lifecycle and the navigation behaviour ported from the peer implementation's tests. */
class KernelServiceTest {
    static final double STEP_RATIO_TOLERANCE = 0.10;
    static final double SMOOTHNESS_FACTOR = 3.0;

    static Store store;
    static Kernels kernels;
    static SessionRecord session;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        kernels = Kernels.withDefaults(store, TickingClock.seconds());
        session = kernels.sessions().start(42L, store.json().createObjectNode().put("corpus", "test"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static KernelRow kernel(String name, double kappa) {
        return kernels.kernels().createRoot(session.sessionId(), name, Trajectories.START, kappa,
                Neurotransmitters.resting(), 1L);
    }

    @Test
    void repeatedStepsTowardATargetConverge() {
        KernelRow k = kernel("converge", 64.21);
        double initial = FisherRao.distance(k.state().basin(), Trajectories.TARGET);
        KernelService.Advance last = null;
        int steps = (int) Math.ceil(initial / 0.05 * 0.75);
        for (int i = 0; i < steps; i++) {
            last = kernels.kernels().advance(k.kernelId(), Trajectories.TARGET, "target");
        }
        assertThat(last.distanceToTarget()).isLessThan(initial / 2);
        assertThat(kernels.kernels().get(k.kernelId()).state().stepCount()).isEqualTo(steps);
    }

    @Test
    void stepLengthScalesWithKappaEff() {
        KernelRow slow = kernel("kappa-32", 32.0);
        KernelRow fast = kernel("kappa-64", 64.0);
        double a = kernels.kernels().advance(slow.kernelId(), Trajectories.TARGET, "t").stepLength();
        double b = kernels.kernels().advance(fast.kernelId(), Trajectories.TARGET, "t").stepLength();
        assertThat(b / a).isBetween(2.0 * (1 - STEP_RATIO_TOLERANCE), 2.0 * (1 + STEP_RATIO_TOLERANCE));
    }

    @Test
    void stepsAlongAPathAreSmooth() {
        KernelRow k = kernel("smooth", 64.21);
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            KernelService.Advance a = kernels.kernels().advance(k.kernelId(), Trajectories.TARGET, "target");
            if (a.stepLength() > 0) {
                steps.add(a.stepLength());
            }
            if (a.arrived()) {
                break;
            }
        }
        double mean = steps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double max = steps.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(steps.size()).isGreaterThan(5);
        assertThat(max).isLessThan(SMOOTHNESS_FACTOR * mean);
    }

    @Test
    void arrivalIsThoughtAboutAndEmotionsAreWritten() {
        KernelRow k = kernel("arrive", 64.21);
        Basin near = FisherRao.stepToward(Trajectories.START, Trajectories.TARGET, 0.12);
        KernelService.Advance a = null;
        for (int i = 0; i < 5 && (a == null || !a.arrived()); i++) {
            a = kernels.kernels().advance(k.kernelId(), near, "chunk-7");
        }
        assertThat(a.arrived()).isTrue();
        List<String> thoughts = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT thought_content FROM kernel_thoughts WHERE kernel_id = :k AND event = 'arrival'")
                .bind("k", k.kernelId()).mapTo(String.class).list());
        assertThat(thoughts).hasSize(1);
        assertThat(thoughts.get(0)).startsWith("Arrived at chunk-7 after 3 steps");
        int emotions = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM kernel_emotions WHERE kernel_id = :k").bind("k", k.kernelId())
                .mapTo(Integer.class).one());
        assertThat(emotions).isGreaterThanOrEqualTo(1);
    }

    @Test
    void planIsLoggedWithTheMeasuredDistance() {
        KernelRow k = kernel("plan", 64.21);
        ThoughtRow t = kernels.kernels().plan(k.kernelId(), Trajectories.TARGET, "chunk-1");
        assertThat(t.type()).isEqualTo(ThoughtType.PLAN);
        assertThat(t.content()).contains(ThoughtEvent.format(FisherRao.distance(Trajectories.START,
                Trajectories.TARGET)));
    }

    @Test
    void retiredKernelsNoLongerMove() {
        KernelRow k = kernel("old", 64.21);
        assertThat(kernels.kernels().retire(k.kernelId()).state().status()).isEqualTo(KernelStatus.RETIRED);
        assertThat(kernels.kernels().get(k.kernelId()).state().status()).isEqualTo(KernelStatus.RETIRED);
        assertThatThrownBy(() -> kernels.kernels().advance(k.kernelId(), Trajectories.TARGET, "t"))
                .hasMessageContaining("is retired, not awake");
    }

    @Test
    void sessionsStartAndFinishOnce() {
        SessionRecord s = kernels.sessions().start(5L, store.json().createObjectNode().put("k", 1));
        assertThat(s.status()).isEqualTo(SessionStatus.RUNNING);
        SessionRecord done = kernels.sessions().finish(s.sessionId(), SessionStatus.COMPLETED);
        assertThat(done.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.metadata().get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> kernels.sessions().finish(s.sessionId(), SessionStatus.FAILED))
                .hasMessageContaining("is already completed");
    }

    @Test
    void badInputIsRejectedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> kernels.kernels().get("krn_00000000000000000000"))
                .isInstanceOf(UnknownIdException.class).hasMessage("kernel_id is unknown: krn_00000000000000000000");
        assertThatThrownBy(() -> kernels.kernels().createRoot("ses_00000000000000000000", "x", Basin.uniform(), 64,
                Neurotransmitters.resting(), 1)).hasMessage("session_id is unknown: ses_00000000000000000000");
        assertThatThrownBy(() -> kernels.kernels().createRoot(session.sessionId(), " ", Basin.uniform(), 64,
                Neurotransmitters.resting(), 1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("name must be 1 to 200 characters, not blank");
        assertThatThrownBy(() -> kernels.kernels().createRoot(session.sessionId(), "k", Basin.uniform(), -1,
                Neurotransmitters.resting(), 1)).hasMessageContaining("kappa must be finite and non-negative");
        assertThatThrownBy(() -> new Neurotransmitters(0.5, 0.5, 1.5, 0.5, 0.5))
                .hasMessage("neurotransmitters.norepinephrine must be in [0, 1], is 1.5");
        KernelRow k = kernel("bad", 64);
        assertThatThrownBy(() -> kernels.kernels().advance(k.kernelId(), null, "t"))
                .hasMessage("target is missing");
    }
}
