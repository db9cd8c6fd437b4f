package dev.basin.kernel;

import dev.basin.attractors.AttractorService;
import dev.basin.coordizer.CoordizerService;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.knowledge.MemoryService;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.TpsPathService;
import dev.basin.rag.DocumentService;
import dev.basin.runs.SessionLog;
import dev.basin.store.Store;
import dev.basin.tools.ToolService;
import java.time.Clock;

/**
 * The kernel feature wired in one visible place: the session log kernels live in, kernels, emotions, thoughts, checkpoints and spawning,
 * sharing one {@link RegimeLog}. Build one per store.
 */
public final class Kernels {
    private final SessionLog sessions;
    private final EmotionService emotions;
    private final ThoughtService thoughts;
    private final KernelService kernels;
    private final CheckpointService checkpoints;
    private final AttractorService attractors;
    private final SpawnService spawner;
    private final Voyages voyages;
    private final Store store;
    private final Clock clock;

    /**
     * Wires the services; {@code ocean} may be null (then {@link #voyages()} is unavailable and single steps use
     * {@code navigator} alone).
     */
    public Kernels(Store store, Clock clock, Navigator navigator, SpaceTimeLinker linker, AttractorService attractors,
            KernelConfig kernelConfig, SpawnConfig spawnConfig, OceanAgent ocean) {
        this(store, clock, navigator, linker, attractors, new CrossPatternService(store, clock),
                new ToolService(store, clock, new DocumentService(store, clock)), kernelConfig, spawnConfig, ocean);
    }

    /**
     * Wires the services over the given attractor, cross-pattern and tool services (a spawn checks the pattern and
     * tool ids it hands over with the latter two); {@code ocean} may be null as above.
     */
    public Kernels(Store store, Clock clock, Navigator navigator, SpaceTimeLinker linker, AttractorService attractors,
            CrossPatternService crossPatterns, ToolService tools, KernelConfig kernelConfig, SpawnConfig spawnConfig,
            OceanAgent ocean) {
        this(store, clock, new CoordizerService(store, clock), navigator, linker, attractors, crossPatterns, tools,
                kernelConfig, spawnConfig, ocean);
    }

    /**
     * As above, with the coordizer whose models name the basins of thoughts and record each new root kernel's model
     * (one shared with the engine's other services).
     */
    public Kernels(Store store, Clock clock, CoordizerService coordizer, Navigator navigator, SpaceTimeLinker linker,
            AttractorService attractors, CrossPatternService crossPatterns, ToolService tools,
            KernelConfig kernelConfig, SpawnConfig spawnConfig, OceanAgent ocean) {
        this.store = store;
        this.clock = clock;
        RegimeLog regimes = new RegimeLog();
        this.sessions = new SessionLog(store, clock);
        this.emotions = new EmotionService(store, clock);
        this.thoughts = new ThoughtService(store, clock, coordizer);
        this.kernels = new KernelService(store, clock, sessions, navigator, kernelConfig, emotions, thoughts, regimes);
        this.checkpoints = new CheckpointService(store, clock, linker, regimes, kernels);
        this.attractors = attractors;
        this.spawner = new SpawnService(store, clock, spawnConfig, attractors, checkpoints, thoughts, crossPatterns,
                tools);
        this.voyages = ocean == null ? null : new Voyages(kernels, ocean);
    }

    /**
     * Production wiring: single steps and voyages go through the ocean agent (safety-checked, recorded), and every new
     * checkpoint is linked by a space-time path ({@link TpsLinker}).
     */
    public static Kernels wired(Store store, Clock clock, OceanAgent ocean, TpsPathService tps,
            AttractorService attractors, CrossPatternService crossPatterns, ToolService tools,
            KernelConfig kernelConfig, SpawnConfig spawnConfig) {
        return wired(store, clock, new CoordizerService(store, clock), ocean, tps, attractors, crossPatterns, tools,
                kernelConfig, spawnConfig);
    }

    /** As above, with the engine's coordizer. */
    public static Kernels wired(Store store, Clock clock, CoordizerService coordizer, OceanAgent ocean,
            TpsPathService tps, AttractorService attractors, CrossPatternService crossPatterns, ToolService tools,
            KernelConfig kernelConfig, SpawnConfig spawnConfig) {
        return new Kernels(store, clock, coordizer, new OceanNavigator(ocean), new TpsLinker(tps), attractors,
                crossPatterns, tools, kernelConfig, spawnConfig, ocean);
    }

    /** Defaults: geodesic navigation, no space-time linking, default finder and criteria. */
    public static Kernels withDefaults(Store store, Clock clock) {
        return new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE,
                new AttractorService(store, clock), KernelConfig.defaults(), SpawnConfig.defaults(), null);
    }

    /** Kernels and what they recorded, for readers: listings, histories, the emotional mix. */
    public KernelHistory history() {
        return new KernelHistory(store);
    }

    /** The sessions kernels are created in. */
    public SessionLog sessions() {
        return sessions;
    }

    public EmotionService emotions() {
        return emotions;
    }

    public ThoughtService thoughts() {
        return thoughts;
    }

    public KernelService kernels() {
        return kernels;
    }

    public CheckpointService checkpoints() {
        return checkpoints;
    }

    public AttractorService attractors() {
        return attractors;
    }

    public SpawnService spawner() {
        return spawner;
    }

    /** The sleep cycle over the knowledge feature's memory (consolidation) and these services. */
    public SleepCycle sleepCycle(MemoryService memory) {
        return new SleepCycle(store, clock, memory, attractors, kernels, checkpoints, emotions, thoughts);
    }

    /** Attractor searches of a kernel, with {@code attractor_found} thoughts. */
    public AttractorDiscovery discovery() {
        return new AttractorDiscovery(store, kernels, attractors, thoughts);
    }

    /** Multi-step journeys through the ocean agent. */
    public Voyages voyages() {
        if (voyages == null) {
            throw new IllegalStateException("no ocean agent was wired into these kernel services");
        }
        return voyages;
    }
}
