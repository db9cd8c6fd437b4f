package dev.basin.api;

import dev.basin.navigation.AgentSettings;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.navigation.OceanAgent;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The services the API exposes, built once and handed to {@link ApiServer#create}. {@link #open} shows the whole
 * wiring: every feature service constructed explicitly over one store and one clock. {@link #close()} stops the
 * background refresh of the safety index (the store itself belongs to the caller).
 */
public record ApiServices(Store store, Clock clock, SafetyService safety, GeodesicPlanner planner, OceanAgent agent)
        implements AutoCloseable {
    /** How often the in-memory safety index picks up rows written by other processes. */
    public static final Duration SAFETY_REFRESH = Duration.ofSeconds(2);

    public ApiServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(agent, "agent");
    }

    /** Every feature service over {@code store}, reading time from {@code clock}. */
    public static ApiServices open(Store store, Clock clock) {
        SafetyService safety = new SafetyService(store, clock);
        safety.startPolling(SAFETY_REFRESH);
        GeodesicPlanner planner = new GeodesicPlanner(store, clock);
        OceanAgent agent = new OceanAgent(store, clock, safety, planner, AgentSettings.DEFAULTS);
        return new ApiServices(store, clock, safety, planner, agent);
    }

    @Override
    public void close() {
        safety.close();
    }
}
