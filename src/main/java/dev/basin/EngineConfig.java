package dev.basin;

import dev.basin.attractors.FinderConfig;
import dev.basin.kernel.KernelConfig;
import dev.basin.kernel.SpawnConfig;
import dev.basin.navigation.AgentSettings;
import dev.basin.safety.EthicsThresholds;
import dev.basin.store.StoreConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link BasinEngine} opens: where the store lives, the clock every service reads (the system clock, or a
 * simulated one for reproducible runs), and the tunables of the services that have them: the ocean agent, the ethics
 * monitor, kernels, the attractor finder and the spawn criteria.
 */
public record EngineConfig(StoreConfig store, Clock clock, AgentSettings agent, EthicsThresholds ethics,
        KernelConfig kernel, FinderConfig finder, SpawnConfig spawn) {
    public EngineConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(ethics, "ethics");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(finder, "finder");
        Objects.requireNonNull(spawn, "spawn");
    }

    /** The store at {@code store}, the UTC system clock and every service's defaults. */
    public static EngineConfig of(StoreConfig store) {
        return new EngineConfig(store, Clock.systemUTC(), AgentSettings.DEFAULTS, EthicsThresholds.DEFAULTS,
                KernelConfig.defaults(), FinderConfig.defaults(), SpawnConfig.defaults());
    }

    /** The same configuration with another clock. */
    public EngineConfig withClock(Clock c) {
        return new EngineConfig(store, c, agent, ethics, kernel, finder, spawn);
    }

    /** The same configuration with other ethics thresholds. */
    public EngineConfig withEthics(EthicsThresholds e) {
        return new EngineConfig(store, clock, agent, e, kernel, finder, spawn);
    }

    /** The same configuration with other spawn criteria. */
    public EngineConfig withSpawn(SpawnConfig s) {
        return new EngineConfig(store, clock, agent, ethics, kernel, finder, s);
    }

    /** The same configuration with other attractor finder settings. */
    public EngineConfig withFinder(FinderConfig f) {
        return new EngineConfig(store, clock, agent, ethics, kernel, f, spawn);
    }
}
