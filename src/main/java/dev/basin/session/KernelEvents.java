package dev.basin.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.BasinEngine;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.Well;
import dev.basin.geometry.Basin;
import dev.basin.knowledge.FragmentRow;
import dev.basin.knowledge.FragmentType;
import dev.basin.knowledge.MemoryWell;
import dev.basin.rag.IndexedChunk;
import dev.basin.tools.ToolRow;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shared state and helpers of a session's kernel activities, and the attractor search: the kernel's learned
 * potential over its memory wells (pending and consolidated fragments, weighted by importance) is searched for
 * minima (and, every other time, saddles); new attractors are thought about, known ones count a revisit.
 */
abstract class KernelEvents {
    /** Simulated time a cycle roughly spans (used for windows and expiries declared by the session). */
    static final Duration CYCLE_SPAN = Duration.ofSeconds(60);
    static final String APPROACH = "approach";
    static final String BRIDGE = "bridge";

    final BasinEngine engine;
    final SimClock clock;
    final Tally tally;
    final List<IndexedChunk> chunks;
    final List<String> domains;
    final Runnable checkCancelled;
    final Map<String, String> tools = new HashMap<>();
    private final Map<String, IndexedChunk> chunkById = new HashMap<>();
    private final Map<String, JsonNode> pipelines = new LinkedHashMap<>();

    KernelEvents(BasinEngine engine, SimClock clock, Tally tally, List<IndexedChunk> chunks, List<String> domains, Runnable checkCancelled) {
        this.engine = engine;
        this.clock = clock;
        this.tally = tally;
        this.chunks = chunks;
        this.domains = domains;
        this.checkCancelled = checkCancelled;
        chunks.forEach(c -> chunkById.put(c.chunkId(), c));
        pipelines.put(APPROACH, Pipelines.parse(engine.store().json(), Pipelines.APPROACH_JSON));
        pipelines.put(BRIDGE, Pipelines.parse(engine.store().json(), Pipelines.BRIDGE_JSON));
    }

    ObjectMapper json() {
        return engine.store().json();
    }

    /** Moves the simulated clock by one event, so that successive rows get distinct, ordered times. */
    void tick() {
        clock.advance(SessionRunner.EVENT);
    }

    JsonNode pipeline(String name) {
        return pipelines.get(name);
    }

    /** The generated tool implementing the named pipeline, if one is registered (this session or an earlier one). */
    Optional<ToolRow> toolNamed(String name) {
        String id = tools.get(name);
        if (id == null) {
            Optional<ToolRow> found = engine.tools().toolWithImplementation(pipeline(name));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            id = found.get().toolId();
            tools.put(name, id);
        }
        return Optional.of(engine.tools().tool(id));
    }

    IndexedChunk chunk(String chunkId) {
        return chunkById.get(chunkId);
    }

    /** Wells in an order that depends on their content only (fragment ids are random), so sums repeat exactly. */
    static int byContent(Well a, Well b) {
        int c = java.util.Arrays.compare(a.basin().toArray(), b.basin().toArray());
        return c != 0 ? c : Double.compare(a.weight(), b.weight());
    }

    String domainOf(String chunkId) {
        IndexedChunk c = chunkById.get(chunkId);
        return c == null ? "unknown" : c.domain();
    }

    static String snippet(String text) {
        String t = text.replace('\n', ' ').strip();
        return t.length() > 120 ? t.substring(0, 120) : t;
    }

    FragmentRow remember(KernelLife life, FragmentType type, ObjectNode content, Basin basin, Importance importance) {
        tick();
        content.put("importance_novelty", importance.novelty());
        if (!Double.isNaN(importance.change())) {
            content.put("importance_change", importance.change());
        }
        if (!Double.isNaN(importance.relevance())) {
            content.put("importance_relevance", importance.relevance());
        }
        FragmentRow f = engine.memory().remember(life.kernelId, type, content, basin, importance.value());
        life.remembered.add(basin);
        tally.fragments++;
        return f;
    }

    /**
     * Searches the kernel's learned potential for attractors through the kernel feature's atomic discovery (attractors
     * and their {@code attractor_found} thoughts in one transaction), seeded from the session's stream. Needs at least
     * two memory wells.
     */
    void findAttractors(KernelLife life, DiscoveryMethod method) {
        List<MemoryWell> wells = engine.memory().wells(life.kernelId);
        List<Well> ws = wells.stream().filter(w -> w.weight() > 0.0).map(w -> new Well(w.basin(), w.weight()))
                .sorted(KernelEvents::byContent).toList();
        if (ws.size() < 2) {
            return;
        }
        boolean saddles = life.rng.nextBoolean();
        tick();
        List<String> found = new java.util.ArrayList<>();
        for (AttractorService.Recorded r : engine.kernelFeature().discovery().discover(life.kernelId, ws, saddles, method,
                life.rng.nextLong())) {
            if (r.inserted()) {
                tally.attractorsFound++;
                found.add(r.row().attractorId());
                tick();
            } else {
                tally.attractorRevisits++;
            }
        }
        if (!found.isEmpty()) {
            learned(life, "attractor_found", Map.of("attractors", found, "count", found.size()));
        }
    }

    /**
     * A checkpoint after a learning event ({@code event}: attractor_found, insight_validated) with its facts; taken
     * outside breakdown it becomes the kernel's last stable checkpoint (see {@link TimeTravel}).
     */
    void learned(KernelLife life, String event, Map<String, Object> facts) {
        tick();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("event", event);
        f.putAll(facts);
        dev.basin.kernel.CheckpointRow row = engine.checkpoints().save(life.kernelId,
                dev.basin.kernel.CheckpointType.REGULAR, f);
        tally.checkpoints++;
        if (row.regime() != dev.basin.geometry.Regime.BREAKDOWN) {
            life.stable = new TimeTravel.Stable(row.checkpointId(), row.phi(), row.kappaEff(), event);
        }
    }
}
