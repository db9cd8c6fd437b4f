package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.ConflictException;
import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.runs.SessionLog;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, reads and advances kernels. Advancing moves a kernel one step toward a target through the
 * {@link Navigator} (step length base_step·κ_eff/κ*), then updates Φ, the neurotransmitters (see docs/kernel.md),
 * κ_eff, regime, emotions, step counter and RNG, and writes the {@code kernels} row; arrival and barrier hits are
 * logged as thoughts.
 */
public final class KernelService {
    /** What one step did. */
    public record Advance(KernelRow kernel, Basin from, double stepLength, double distanceToTarget, boolean arrived,
            boolean blocked, EmotionService.Observation emotions) {}

    private record Point(Basin basin, double phi, double kappaEff) {}

    private final Store store;
    private final Clock clock;
    private final SessionLog sessions;
    private final Navigator navigator;
    private final KernelConfig config;
    private final EmotionService emotions;
    private final ThoughtService thoughts;
    private final RegimeLog regimes;
    private final Map<String, Deque<Point>> windows = new ConcurrentHashMap<>();

    public KernelService(Store store, Clock clock, SessionLog sessions, Navigator navigator, KernelConfig config,
            EmotionService emotions, ThoughtService thoughts, RegimeLog regimes) {
        this.store = store;
        this.clock = clock;
        this.sessions = sessions;
        this.navigator = navigator;
        this.config = config;
        this.emotions = emotions;
        this.thoughts = thoughts;
        this.regimes = regimes;
    }

    ThoughtService thoughtService() {
        return thoughts;
    }

    KernelConfig config() {
        return config;
    }

    Store store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** Number of kernels that lived in session {@code sessionId}. */
    public int countInSession(String sessionId) {
        return store.jdbi().withHandle(h -> KernelQueries.kernelsInSession(h, sessionId));
    }

    /** A new root kernel (generation 0) of a running session, awake at {@code start}. */
    public KernelRow createRoot(String sessionId, String name, Basin start, double kappa, Neurotransmitters nt,
            long seed) {
        requirePresent("basin", start);
        requirePresent("neurotransmitters", nt);
        validName(name);
        double kEff = Coupling.kappaEff(kappa, nt.norepinephrine(), nt.gaba());
        sessions.requireRunning(sessionId);
        KernelState state = new KernelState(start, Integration.phi(start), kappa, kEff,
                dev.basin.geometry.Regime.of(kEff), nt, EmotionVector.neutral(), KernelStatus.AWAKE, 0, seed);
        Instant now = clock.instant();
        KernelRow row = new KernelRow(Ids.next("krn_"), sessionId, null, name, 0, state, now, now,
                metadata(store.json(), state, Map.of("seed", seed, "origin", "root", ThoughtService.MODEL_KEY,
                        thoughts.coordizer().current().id())));
        store.insert(KernelTables.KERNELS, row);
        return row;
    }

    public KernelRow get(String kernelId) {
        requireId(kernelId);
        return store.jdbi().withHandle(h -> KernelQueries.kernel(h, kernelId, false))
                .orElseThrow(() -> new UnknownIdException("kernel_id", kernelId));
    }

    /** Retires a kernel (status {@code retired}, e.g. at the end of its session); it no longer moves or sleeps. */
    public KernelRow retire(String kernelId) {
        KernelRow k = get(kernelId);
        if (k.state().status() == KernelStatus.RETIRED) {
            throw new ConflictException("kernel_id", "is already retired: " + kernelId);
        }
        KernelState s = k.state().withStatus(KernelStatus.RETIRED);
        Map<String, Object> extra = extra(k.metadata());
        extra.put("retired_at_step", s.stepCount());
        KernelRow row = new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(), s,
                k.createdAt(), clock.instant(), metadata(store.json(), s, extra));
        store.update(stateUpdate(row));
        return row;
    }

    /** Logs the plan to move toward {@code target} (a {@code navigation_plan} thought) and returns it. */
    public ThoughtRow plan(String kernelId, Basin target, String targetLabel) {
        KernelRow k = get(kernelId);
        requireTarget(target);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("target", targetLabel == null ? "target" : targetLabel);
        facts.put("distance", FisherRao.distance(k.state().basin(), target));
        facts.put("step", Coupling.stepLength(config.baseStep(), k.state().kappaEff()));
        facts.put("kappa_eff", k.state().kappaEff());
        facts.put("regime", k.state().regime().sqlName());
        return thoughts.think(k, ThoughtEvent.NAVIGATION_PLAN, targetLabel, facts, target);
    }

    /** One step toward {@code target}. */
    public Advance advance(String kernelId, Basin target, String targetLabel) {
        requireTarget(target);
        KernelRow k = get(kernelId);
        KernelState s = k.state();
        if (s.status() != KernelStatus.AWAKE) {
            throw new InvalidInputException("kernel_id", "is " + s.status().sqlName() + ", not awake: " + kernelId);
        }
        Instant now = clock.instant();
        double before = FisherRao.distance(s.basin(), target);
        double length = Coupling.stepLength(config.baseStep(), s.kappaEff());
        Navigator.Step step = navigator.step(kernelId, s.basin(), target, length, now);
        Basin next = step.basin();
        double after = FisherRao.distance(next, target);
        Lived lived = live(k, s, next, Integration.phi(next), target, step.blocked(), true, now);
        boolean arrived = lived.arrived();
        double phi = lived.state().phi();
        KernelState felt = lived.state();
        EmotionService.Observation obs = lived.observation();
        KernelRow updated = new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(),
                felt, k.createdAt(), now, metadata(store.json(), felt, extra(k.metadata())));
        store.update(stateUpdate(updated));
        if (arrived && before > config.arrivalTolerance()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("target", targetLabel == null ? "target" : targetLabel);
            f.put("steps", felt.stepCount());
            f.put("distance", after);
            f.put("phi_before", s.phi());
            f.put("phi_after", phi);
            thoughts.think(updated, ThoughtEvent.ARRIVAL, targetLabel, f);
        }
        if (step.blocked()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("target", targetLabel == null ? "target" : targetLabel);
            f.put("barriers", step.blockedBy() == null ? "a barrier" : step.blockedBy());
            f.put("distance", after);
            thoughts.think(updated, ThoughtEvent.BARRIER_HIT, step.blockedBy(), f, target);
        }
        return new Advance(updated, s.basin(), FisherRao.distance(s.basin(), next), after, arrived, step.blocked(),
                obs);
    }

    /** A lived step: the state after it (emotions included), what the emotions observed, and whether it arrived. */
    record Lived(KernelState state, EmotionService.Observation observation, boolean arrived) {}

    /**
     * The one way a kernel lives a step to {@code at} (Φ = {@code phi}) on its way to {@code target}, for a single
     * {@link #advance} and every step of a voyage alike: arrival is distance to target ≤
     * {@link KernelConfig#arrivalTolerance()}; neurotransmitters react to ΔΦ, a block and arrival; κ_eff follows; the
     * trajectory window and emotions are observed and the regime logged. {@code moved} false keeps the step count (a
     * blocked voyage's reaction in place). Writes nothing to the kernel's row: the caller does.
     */
    Lived live(KernelRow k, KernelState s, Basin at, double phi, Basin target, boolean blocked, boolean moved,
            Instant time) {
        boolean arrived = FisherRao.distance(at, target) <= config.arrivalTolerance();
        SplitMix64 rng = new SplitMix64(s.rngState());
        Neurotransmitters nt = NeuroDynamics.next(s.neurotransmitters(), phi - s.phi(), blocked, arrived,
                rng.nextDouble());
        double kEff = Coupling.kappaEff(s.kappa(), nt.norepinephrine(), nt.gaba());
        KernelState next = s.with(at, phi, s.kappa(), nt, kEff, s.emotions(), s.stepCount() + (moved ? 1 : 0),
                rng.state());
        TrajectoryWindow window = push(k.kernelId(), s, next, target, blocked);
        KernelRow interim = new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(),
                next, k.createdAt(), time, k.metadata());
        EmotionService.Observation obs = emotions.observe(interim, window, time);
        KernelState felt = next.withEmotions(obs.reading().emotions());
        regimes.record(k.kernelId(), time, felt.regime(), felt.kappaEff());
        return new Lived(felt, obs, arrived);
    }

    /** Writes {@code kernel}'s state to its row (all state columns, {@code updated_at}, emotions in metadata). */
    static Update stateUpdate(KernelRow kernel) {
        KernelState s = kernel.state();
        return Update.of(KernelTables.KERNELS)
                .set("status", s.status().sqlName())
                .set("basin", s.basin())
                .set("phi", s.phi())
                .set("kappa", s.kappa())
                .set("kappa_eff", s.kappaEff())
                .set("regime", s.regime().sqlName())
                .set("neurotransmitters", s.neurotransmitters().asMap())
                .set("step_count", s.stepCount())
                .set("rng_state", s.rngState())
                .set("updated_at", kernel.updatedAt())
                .set("metadata", kernel.metadata())
                .where("kernel_id", kernel.kernelId());
    }

    static void writeState(Tx tx, KernelRow kernel) {
        tx.update(stateUpdate(kernel));
    }

    /** Kernel metadata: the caller's entries plus the current emotion vector (restored with the state). */
    static JsonNode metadata(ObjectMapper json, KernelState s, Map<String, ?> extra) {
        ObjectNode m = json.createObjectNode();
        extra.forEach((k, v) -> m.set(k, json.valueToTree(v)));
        m.set("emotions", json.valueToTree(s.emotions().asMap()));
        m.put("dominant_emotion", s.emotions().dominant().sqlName());
        return m;
    }

    static Map<String, Object> extra(JsonNode meta) {
        Map<String, Object> m = new LinkedHashMap<>();
        meta.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("emotions") && !e.getKey().equals("dominant_emotion")) {
                m.put(e.getKey(), e.getValue());
            }
        });
        return m;
    }

    /** Forgets the in-memory trajectory window of a kernel (after restore, its past is no longer recent). */
    void forgetWindow(String kernelId) {
        windows.remove(kernelId);
        emotions.reset(kernelId);
    }

    TrajectoryWindow push(String kernelId, KernelState before, KernelState after, Basin target,
            boolean blocked) {
        Deque<Point> w = windows.computeIfAbsent(kernelId, id -> new ArrayDeque<>());
        synchronized (w) {
            if (w.isEmpty()) {
                w.addLast(new Point(before.basin(), before.phi(), before.kappaEff()));
            }
            w.addLast(new Point(after.basin(), after.phi(), after.kappaEff()));
            while (w.size() > config.emotionWindow()) {
                w.removeFirst();
            }
            List<Point> pts = List.copyOf(w);
            double[] phis = pts.stream().mapToDouble(Point::phi).toArray();
            double[] ks = pts.stream().mapToDouble(Point::kappaEff).toArray();
            return new TrajectoryWindow(pts.stream().map(Point::basin).toList(), phis, ks, target, blocked);
        }
    }

    static void validName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "must be 1 to 200 characters, not blank");
        }
    }

    private static void requireTarget(Basin target) {
        requirePresent("target", target);
    }

    static void requireId(String kernelId) {
        if (kernelId == null || kernelId.isBlank()) {
            throw new InvalidInputException("kernel_id", "must not be blank");
        }
    }
}
