package dev.basin;

import dev.basin.attractors.AttractorFinder;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.AttractorTables;
import dev.basin.coordizer.CoordizerService;
import dev.basin.coordizer.CoordizerTables;
import dev.basin.kernel.CheckpointService;
import dev.basin.kernel.EmotionService;
import dev.basin.kernel.KernelService;
import dev.basin.kernel.KernelTables;
import dev.basin.kernel.Kernels;
import dev.basin.kernel.SleepCycle;
import dev.basin.kernel.SpawnService;
import dev.basin.kernel.ThoughtService;
import dev.basin.kernel.Voyages;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.KnowledgeTables;
import dev.basin.knowledge.MemoryService;
import dev.basin.knowledge.ScaleMappingService;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.navigation.NavigationTables;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.TpsPathService;
import dev.basin.rag.DocumentService;
import dev.basin.rag.RagTables;
import dev.basin.runs.SessionLog;
import dev.basin.runs.SessionTables;
import dev.basin.safety.EthicsMonitor;
import dev.basin.safety.SafetyService;
import dev.basin.safety.SafetyTables;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.Table;
import dev.basin.tools.InsightConfig;
import dev.basin.tools.InsightService;
import dev.basin.tools.ToolMiner;
import dev.basin.tools.ToolService;
import dev.basin.tools.ToolsTables;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The library's entry object: opens the store, registers every table of every feature in its catalog, and hands out
 * every feature service, all sharing one store and one clock. No static state: two engines over two databases are
 * independent. Close it to stop the services and the store (an engine made {@link #over} a store leaves it open).
 *
 * <pre>{@code
 * try (BasinEngine basin = BasinEngine.open(StoreConfig.embedded(Path.of("basin-data")))) {
 *     SafetyVerdict v = basin.safety().check(basin, Instant.now(), null);
 * }
 * }</pre>
 */
public final class BasinEngine implements AutoCloseable {
    private final Store store;
    private final boolean ownsStore;
    private final Clock clock;
    private final SafetyService safety;
    private final EthicsMonitor ethics;
    private final GeodesicPlanner planner;
    private final OceanAgent ocean;
    private final TpsPathService tps;
    private final CoordizerService coordizer;
    private final DocumentService documents;
    private final MemoryService memory;
    private final CrossPatternService crossPatterns;
    private final ScaleMappingService scaleMappings;
    private final FalsePatternService falsePatterns;
    private final ToolService tools;
    private final ToolMiner toolMiner;
    private final InsightService insights;
    private final AttractorService attractors;
    private final SleepCycle sleep;
    private final Kernels kernel;

    private BasinEngine(Store store, boolean ownsStore, EngineConfig config) {
        this.store = store;
        this.ownsStore = ownsStore;
        this.clock = config.clock();
        store.register(tables().toArray(new Table<?>[0]));
        this.safety = new SafetyService(store, clock);
        this.ethics = new EthicsMonitor(safety, config.ethics());
        this.planner = new GeodesicPlanner(store, clock);
        this.ocean = new OceanAgent(store, clock, safety, planner, config.agent());
        this.tps = new TpsPathService(store, clock);
        this.coordizer = new CoordizerService(store, clock);
        this.documents = new DocumentService(store, clock, dev.basin.rag.RagConfig.defaults(), coordizer);
        this.memory = new MemoryService(store, clock);
        this.crossPatterns = new CrossPatternService(store, clock);
        this.scaleMappings = new ScaleMappingService(store, clock);
        this.falsePatterns = new FalsePatternService(store, clock);
        this.tools = new ToolService(store, clock, documents);
        this.toolMiner = new ToolMiner(tools);
        this.insights = new InsightService(store, clock, falsePatterns, InsightConfig.defaults(),
                coordizer);
        this.attractors = new AttractorService(store, clock, new AttractorFinder(config.finder()),
                AttractorService.DEFAULT_VISIT_TOLERANCE);
        this.kernel = Kernels.wired(store, clock, coordizer, ocean, tps, attractors, crossPatterns, tools,
                config.kernel(), config.spawn());
        this.sleep = kernel.sleepCycle(memory);
        safety.startSync(SafetyService.SYNC_INTERVAL);
    }


    /** Opens the store at {@code config} (embedded or external, migrated) with the system clock and defaults. */
    public static BasinEngine open(StoreConfig config) {
        return open(EngineConfig.of(Objects.requireNonNull(config, "config")));
    }

    /** Opens the store and builds every service; the engine owns the store and closes it. */
    public static BasinEngine open(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        Store store = Store.open(config.store());
        try {
            return new BasinEngine(store, true, config);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** An engine over an already open store (left open by {@link #close()}), with the system clock and defaults. */
    public static BasinEngine over(Store store) {
        return over(store, EngineConfig.of(Objects.requireNonNull(store, "store").config()));
    }

    /** An engine over an already open store (left open by {@link #close()}), with {@code config}'s clock and tunables. */
    public static BasinEngine over(Store store, EngineConfig config) {
        return new BasinEngine(Objects.requireNonNull(store, "store"), false, Objects.requireNonNull(config, "config"));
    }

    /** Every table of every feature: the 5 parent and 20 feature tables, in dependency order. */
    public static List<Table<?>> tables() {
        List<Table<?>> all = new ArrayList<>();
        all.addAll(SessionTables.all());
        all.addAll(KernelTables.all());
        all.addAll(SafetyTables.all());
        all.addAll(NavigationTables.all());
        all.addAll(AttractorTables.all());
        all.addAll(CoordizerTables.all());
        all.addAll(RagTables.all());
        all.addAll(KnowledgeTables.all());
        all.addAll(ToolsTables.all());
        return List.copyOf(all);
    }

    /** The coordizer models of the database (text to basin). */
    public CoordizerService coordizer() {
        return coordizer;
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /** Barriers, excluded regions, era exclusions and the safety check. */
    public SafetyService safety() {
        return safety;
    }

    /** Turns a kernel's history into barriers. */
    public EthicsMonitor ethics() {
        return ethics;
    }

    /** Geodesic paths with reuse. */
    public GeodesicPlanner planner() {
        return planner;
    }

    /** Trajectories and waypoints, every step safety-checked. */
    public OceanAgent ocean() {
        return ocean;
    }

    /** Space-time paths between checkpoints. */
    public TpsPathService tps() {
        return tps;
    }

    /** Document uploads, chunks, retrieval and training stats. */
    public DocumentService documents() {
        return documents;
    }

    /** Memory fragments and sleep consolidation. */
    public MemoryService memory() {
        return memory;
    }

    public CrossPatternService crossPatterns() {
        return crossPatterns;
    }

    public ScaleMappingService scaleMappings() {
        return scaleMappings;
    }

    public FalsePatternService falsePatterns() {
        return falsePatterns;
    }

    /** The generated tools registry and interpreter. */
    public ToolService tools() {
        return tools;
    }

    /** Mines tools from repeated successful operation sequences. */
    public ToolMiner toolMiner() {
        return toolMiner;
    }

    /** Lightning insights and their outcomes. */
    public InsightService insights() {
        return insights;
    }

    /** Attractors of kernels' learned potentials, with revisit counting and nearest lookups. */
    public AttractorService attractors() {
        return attractors;
    }

    /** Kernels' journeys through the ocean agent (safety-checked, detoured, recorded). */
    public Voyages voyages() {
        return kernel.voyages();
    }

    /** Kernels' sleep: checkpoints, memory consolidation and attractors re-found in one unit of work; wake. */
    public SleepCycle sleep() {
        return sleep;
    }

    /**
     * The whole kernel feature wired together (sessions, kernels, emotions, thoughts, checkpoints, spawning); its
     * single services are also reachable directly, e.g. {@link #kernels()}.
     */
    public Kernels kernelFeature() {
        return kernel;
    }

    /** Sessions: one per run. */
    public SessionLog sessions() {
        return kernel.sessions();
    }

    /** Kernels: creation, planning and advancing. */
    public KernelService kernels() {
        return kernel.kernels();
    }

    /** Kernel checkpoints (linked in space-time), restore and prune. */
    public CheckpointService checkpoints() {
        return kernel.checkpoints();
    }

    public EmotionService emotions() {
        return kernel.emotions();
    }

    public ThoughtService thoughts() {
        return kernel.thoughts();
    }

    /** Spawning children with knowledge transfer. */
    public SpawnService spawner() {
        return kernel.spawner();
    }

    /** Stops the services; closes the store if this engine opened it. */
    @Override
    public void close() {
        try {
            safety.close();
        } finally {
            if (ownsStore) {
                store.close();
            }
        }
    }
}
