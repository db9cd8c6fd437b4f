package dev.basin.api;

import dev.basin.attractors.AttractorService;
import dev.basin.kernel.KernelConfig;
import dev.basin.kernel.Kernels;
import dev.basin.kernel.SleepCycle;
import dev.basin.kernel.SpawnConfig;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.MemoryService;
import dev.basin.navigation.AgentSettings;
import dev.basin.navigation.TpsPathService;
import dev.basin.rag.DocumentService;
import dev.basin.tools.InsightService;
import dev.basin.tools.ToolService;
import dev.basin.navigation.GeodesicPlanner;
import dev.basin.navigation.OceanAgent;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import java.time.Clock;
import java.util.Objects;

/**
 * The services the API exposes, built once and handed to {@link ApiServer#create}. {@link #open} shows the whole
 * wiring: every feature service constructed explicitly over one store and one clock. {@link #close()} stops the
 * safety index's synchronisation with other processes (the store itself belongs to the caller).
 */
public record ApiServices(Store store, Clock clock, SafetyService safety, GeodesicPlanner planner, OceanAgent agent,
        Kernels kernels, MemoryService memory, SleepCycle sleep, DocumentService documents, CrossPatternService patterns,
        FalsePatternService falsePatterns, ToolService tools, InsightService insights) implements AutoCloseable {
    public ApiServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(sleep, "sleep");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(falsePatterns, "falsePatterns");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(insights, "insights");
    }

    /** Every feature service over {@code store}, reading time from {@code clock}. */
    public static ApiServices open(Store store, Clock clock) {
        SafetyService safety = new SafetyService(store, clock);
        safety.startSync(SafetyService.SYNC_INTERVAL);
        GeodesicPlanner planner = new GeodesicPlanner(store, clock);
        OceanAgent agent = new OceanAgent(store, clock, safety, planner, AgentSettings.DEFAULTS);
        DocumentService documents = new DocumentService(store, clock);
        CrossPatternService crossPatterns = new CrossPatternService(store, clock);
        ToolService tools = new ToolService(store, clock, documents);
        Kernels kernels = Kernels.wired(store, clock, agent, new TpsPathService(store, clock), new AttractorService(store, clock),
                crossPatterns, tools, KernelConfig.defaults(),
                SpawnConfig.defaults());
        MemoryService memory = new MemoryService(store, clock);
        FalsePatternService falsePatterns = new FalsePatternService(store, clock);
        return new ApiServices(store, clock, safety, planner, agent, kernels, memory, kernels.sleepCycle(memory), documents,
                crossPatterns, falsePatterns, tools,
                new InsightService(store, clock, falsePatterns));
    }

    @Override
    public void close() {
        safety.close();
    }
}
