package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.attractors.AttractorFinder;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.FinderConfig;
import dev.basin.attractors.Potential;
import dev.basin.attractors.Well;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.kernel.CheckpointRow;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.GeodesicNavigator;
import dev.basin.kernel.KernelConfig;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.Kernels;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.runs.SessionRecord;
import dev.basin.kernel.SleepCycle;
import dev.basin.kernel.SpaceTimeLinker;
import dev.basin.kernel.SpawnConfig;
import dev.basin.kernel.SpawnRequest;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.FragmentType;
import dev.basin.knowledge.MemoryService;
import dev.basin.knowledge.SleepConfig;
import dev.basin.navigation.AgentSettings;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationRequest;
import dev.basin.navigation.NavigationResult;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.StepObserver;
import dev.basin.rag.DocumentService;
import dev.basin.safety.SafetyService;
import dev.basin.store.FaultInjector;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import dev.basin.store.Upsert;
import dev.basin.store.Update;
import dev.basin.tools.Detection;
import dev.basin.tools.DomainSignal;
import dev.basin.tools.InsightService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R3, injected failures: for every multi-table unit of work of the product, the store's fault hook fails statement
 * 1, 2, 3, … of the unit until the unit runs out of statements and commits. After each injected failure the whole
 * database (every row of every table, {@link DatabaseSnapshot}) must be exactly as before: zero partial rows. The
 * count of statements swept per unit is recorded.
 */
class FaultSweepTest {
    /** No unit of work here has more statements; reaching it means the fault never fired. */
    static final int MAX_STATEMENTS = 400;
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    static Store store;
    static Kernels kernels;
    static SessionRecord session;
    static final Map<String, Integer> SWEPT = new LinkedHashMap<>();

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AttractorService attractors = new AttractorService(store, clock,
                new AttractorFinder(FinderConfig.defaults().withVolumeSamples(100)), 1e-3);
        kernels = new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE, attractors,
                KernelConfig.defaults(), new SpawnConfig(2, 0.0, 64, 4), null);
        session = kernels.sessions().start(9L, store.json().createObjectNode().put("sweep", true));
    }

    @AfterAll
    static void close() {
        Reliability.record("R3 fault sweep: statements failed one by one per unit of work " + SWEPT
                + ", partial rows after any failure=0");
        store.close();
    }

    /**
     * Fails statement n = 1, 2, … of the next unit of work that {@code action} runs, checking after each failure that
     * the database is unchanged, until the action succeeds; returns the number of failures injected.
     */
    static <T> T sweep(String unit, Supplier<T> action) {
        for (int n = 1; n <= MAX_STATEMENTS; n++) {
            Map<String, String> before = DatabaseSnapshot.of(store.jdbi());
            store.faults().failStatement(n);
            T result;
            try {
                result = action.get();
            } catch (RuntimeException e) {
                store.faults().disarm();
                assertThat(hasInjectedFault(e)).as("%s: failure at statement %d is the injected one: %s", unit, n, e)
                        .isTrue();
                assertThat(DatabaseSnapshot.of(store.jdbi())).as("%s: database after a failure at statement %d", unit, n)
                        .isEqualTo(before);
                continue;
            }
            boolean unfired = !store.faults().armed();
            store.faults().disarm();
            assertThat(unfired).as("%s: the action ran a unit of work", unit).isTrue();
            assertThat(n - 1).as("%s: statements swept (a multi-statement unit)", unit).isGreaterThanOrEqualTo(2);
            assertThat(DatabaseSnapshot.of(store.jdbi())).as("%s: the unfaulted run wrote", unit).isNotEqualTo(before);
            SWEPT.put(unit, n - 1);
            return result;
        }
        throw new AssertionError(unit + ": still failing after " + MAX_STATEMENTS + " statements");
    }

    static boolean hasInjectedFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FaultInjector.InjectedFault) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (hasInjectedFault(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Basin peak(int index, double mass) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = (1 - mass) / (Basin.DIM - 1);
        }
        w[index] = mass;
        return Basin.normalize(w);
    }

    static KernelRow kernel(String name) {
        return kernels.kernels().createRoot(session.sessionId(), name, peak(10, 0.4), Coupling.KAPPA_STAR,
                Neurotransmitters.resting(), name.hashCode());
    }

    @Test
    void spawnWithKnowledgeTransfer() {
        KernelRow parent = kernel("sweep-parent");
        Potential u = new Potential(List.of(new Well(peak(20, 0.5), 1.0), new Well(peak(45, 0.5), 1.5)));
        sweep("attractor discovery", () -> kernels.attractors().discover(parent.kernelId(), u, 5L, false,
                DiscoveryMethod.GRADIENT_DESCENT, 0.4, Coupling.KAPPA_STAR));
        sweep("spawn+transfer", () -> kernels.spawner().spawn(parent.kernelId(),
                new SpawnRequest("sweep-child", List.of("geodesic", "basin"), List.of(), List.of())));
    }

    @Test
    void checkpointSaveAndRestore() {
        KernelRow k = kernel("sweep-checkpoint");
        CheckpointRow saved = sweep("checkpoint save", () -> kernels.checkpoints().save(k.kernelId(), CheckpointType.MANUAL));
        kernels.kernels().advance(k.kernelId(), peak(30, 0.5), "elsewhere");
        sweep("checkpoint restore", () -> kernels.checkpoints().restore(saved.checkpointId()));
    }

    @Test
    void sleepConsolidation() {
        KernelRow k = kernel("sweep-sleeper");
        MemoryService early = new MemoryService(store, Clock.fixed(T0, ZoneOffset.UTC), SleepConfig.defaults());
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 4; i++) {
            early.remember(k.kernelId(), FragmentType.EPISODIC, JsonNodeFactory.instance.objectNode().put("event", "a" + i),
                    nearPeak(12, r), 0.5 + 0.1 * i);
        }
        for (int i = 0; i < 3; i++) {
            early.remember(k.kernelId(), FragmentType.SEMANTIC, JsonNodeFactory.instance.objectNode().put("event", "b" + i),
                    nearPeak(40, r), 0.4);
        }
        early.remember(k.kernelId(), FragmentType.PROCEDURAL, JsonNodeFactory.instance.objectNode().put("event", "old"),
                peak(60, 0.3), 0.01);
        MemoryService later = new MemoryService(store, Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC),
                SleepConfig.defaults());
        sweep("sleep consolidation", () -> later.consolidate(k.kernelId()));
    }

    @Test
    void kernelSleepCycle() {
        KernelRow k = kernel("sweep-sleep-cycle");
        MemoryService memory = new MemoryService(store, Clock.fixed(T0, ZoneOffset.UTC), SleepConfig.defaults());
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 4; i++) {
            memory.remember(k.kernelId(), FragmentType.EPISODIC, JsonNodeFactory.instance.objectNode().put("event", "c" + i),
                    nearPeak(22, r), 0.6);
        }
        memory.remember(k.kernelId(), FragmentType.SEMANTIC, JsonNodeFactory.instance.objectNode().put("event", "d"),
                peak(50, 0.5), 0.9);
        Clock later = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        SleepCycle cycle = new SleepCycle(store, later, new MemoryService(store, later, SleepConfig.defaults()),
                kernels.attractors(), kernels.kernels(), kernels.checkpoints(), kernels.emotions(), kernels.thoughts());
        sweep("kernel sleep cycle (state, emotion, thoughts, 2 checkpoints, consolidation, attractors)",
                () -> cycle.sleep(k.kernelId()));
    }

    static Basin nearPeak(int index, SplittableRandom r) {
        double[] w = peak(index, 0.5).toArray();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1 + 0.05 * r.nextDouble();
        }
        return Basin.normalize(w);
    }

    @Test
    void documentIngest() throws IOException {
        byte[] doc;
        try (InputStream in = getClass().getResourceAsStream("/corpus/music.md")) {
            doc = in.readAllBytes();
        }
        DocumentService docs = new DocumentService(store, Clock.fixed(T0, ZoneOffset.UTC));
        docs.coordizer().current(); // installs the default coordizer model first: the sweep is over the ingest unit
        sweep("ingest", () -> docs.ingest("music.md", "music", doc));
    }

    @Test
    void insightAndOutcome() {
        KernelRow k = kernel("sweep-insights");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        InsightService insights = new InsightService(store, clock, new FalsePatternService(store, clock));
        Basin a = dev.basin.knowledge.TestKernels.around(50, 30, 0);
        Basin b = dev.basin.knowledge.TestKernels.around(50, 30, 0.2);
        Detection d = sweep("insight", () -> insights.detect(k.kernelId(), new DomainSignal("music", a, 0.3),
                new DomainSignal("astronomy", b, 0.2)));
        assertThat(d.status()).isEqualTo(Detection.Status.FIRED);
        String id = d.insight().orElseThrow().insightId();
        sweep("outcome+false pattern", () -> insights.recordOutcome(id, 0.4, 0.2, 60, 60));
    }

    /**
     * Navigation is three units of work by design: the path (new or reused), the trajectory opened as active, and at
     * the end the waypoints (COPY) with the trajectory's closing update. A failure in the first leaves nothing; a
     * failure at the closing unit's second statement leaves no waypoint and the trajectory still active (its
     * open state), never waypoints of a trajectory that is not closed or a closed trajectory without them.
     */
    @Test
    void oceanNavigation() {
        KernelRow k = kernel("sweep-navigator");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (SafetyService safety = new SafetyService(store, clock)) {
            OceanAgent agent = new OceanAgent(store, clock, safety, new GeodesicPlanner(store, clock),
                    AgentSettings.DEFAULTS);
            Supplier<NavigationResult> go = () -> agent.navigate(new NavigationRequest(k.kernelId(), peak(10, 0.4),
                    peak(14, 0.4), MovementReason.EXPLORATION, Coupling.KAPPA_STAR, 0.05, 200, Duration.ofSeconds(1)),
                    StepObserver.NONE);
            Map<String, String> before = DatabaseSnapshot.of(store.jdbi());
            store.faults().failStatement(1);
            try {
                go.get();
                throw new AssertionError("navigation did not fail at its first statement");
            } catch (RuntimeException e) {
                assertThat(hasInjectedFault(e)).as("%s", e).isTrue();
            } finally {
                store.faults().disarm();
            }
            assertThat(DatabaseSnapshot.of(store.jdbi())).as("navigation failed at the path").isEqualTo(before);

            store.faults().failStatement(2, 3); // units 1 and 2 have one statement each: the closing unit fails
            try {
                go.get();
                throw new AssertionError("navigation did not fail in its closing unit");
            } catch (RuntimeException e) {
                assertThat(hasInjectedFault(e)).as("%s", e).isTrue();
            } finally {
                store.faults().disarm();
            }
            List<Map<String, Object>> open = store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT t.status, (SELECT count(*) FROM ocean_waypoints w WHERE w.trajectory_id = t.trajectory_id)"
                    + " AS waypoints FROM ocean_trajectories t WHERE t.agent_id = :k").bind("k", k.kernelId())
                    .mapToMap().list());
            assertThat(open).hasSize(1);
            assertThat(open.get(0).get("status")).isEqualTo("active");
            assertThat(((Number) open.get(0).get("waypoints")).longValue()).isZero();
            NavigationResult ok = go.get();
            assertThat(ok).isNotNull();
            SWEPT.put("navigation closing unit (waypoints+close)", 2);
        }
    }

    @Test
    void theStoresOwnUnitOfWork() {
        SplittableRandom r = new SplittableRandom(11);
        sweep("store unit (insert, batch, upsert, update)", () -> {
            store.useTransaction(tx -> {
                String s = "ses_" + "5".repeat(16);
                tx.insert(WorkloadTables.SESSIONS, WorkloadTables.session(s, r));
                List<WorkloadTables.KernelRow> ks = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ks.add(WorkloadTables.kernel("krn_" + "5".repeat(15) + i, s, r));
                }
                tx.insertBatch(WorkloadTables.KERNELS, ks);
                tx.upsert(WorkloadTables.SESSIONS, WorkloadTables.session(s, r), Upsert.on("session_id").set("seed"));
                tx.update(Update.of(WorkloadTables.SESSIONS).set("status", "completed").where("session_id", s));
            });
            return null;
        });
    }
}
