package dev.basin.kernel;

import dev.basin.attractors.AttractorService;
import dev.basin.store.Store;
import java.time.Clock;

/**
 * The kernel feature wired in one visible place: sessions, kernels, emotions, thoughts, checkpoints and spawning,
 * sharing one {@link RegimeLog}. Build one per store.
 */
public final class Kernels {
    private final SessionService sessions;
    private final EmotionService emotions;
    private final ThoughtService thoughts;
    private final KernelService kernels;
    private final CheckpointService checkpoints;
    private final AttractorService attractors;
    private final SpawnService spawner;

    public Kernels(Store store, Clock clock, Navigator navigator, SpaceTimeLinker linker, AttractorService attractors,
            KernelConfig kernelConfig, SpawnConfig spawnConfig) {
        RegimeLog regimes = new RegimeLog();
        this.sessions = new SessionService(store, clock);
        this.emotions = new EmotionService(store, clock);
        this.thoughts = new ThoughtService(store, clock);
        this.kernels = new KernelService(store, clock, navigator, kernelConfig, emotions, thoughts, regimes);
        this.checkpoints = new CheckpointService(store, clock, linker, regimes, kernels);
        this.attractors = attractors;
        this.spawner = new SpawnService(store, clock, spawnConfig, attractors, checkpoints, thoughts);
    }

    /** Defaults: geodesic navigation, no space-time linking, default finder and criteria. */
    public static Kernels withDefaults(Store store, Clock clock) {
        return new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE,
                new AttractorService(store, clock), KernelConfig.defaults(), SpawnConfig.defaults());
    }

    public SessionService sessions() {
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
}
