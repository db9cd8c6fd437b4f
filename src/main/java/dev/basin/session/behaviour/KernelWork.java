package dev.basin.session.behaviour;

import dev.basin.session.rules.CycleSpan;
import dev.basin.session.rules.Importance;
import dev.basin.session.rules.TimeTravel;
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
import dev.basin.geometry.Integration;
import dev.basin.kernel.KernelRow;
import dev.basin.safety.SafetyVerdict;
import dev.basin.safety.Violation;
import dev.basin.tools.Procedure;
import dev.basin.tools.ToolMiner;
import dev.basin.tools.ToolUse;
import dev.basin.tools.WorkTrace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shared state and helpers of a session's kernel activities, and the attractor search: the kernel's learned
 * potential over its memory wells (pending and consolidated fragments, weighted by importance) is searched for
 * minima (and, one search in {@value #SADDLES_ONE_IN}, saddles); new attractors are thought about, known ones count a revisit.
 */
public final class KernelWork {
    /** Simulated time between two events of a kernel (a query, a fragment, a thought). */
    public static final Duration EVENT = Duration.ofMillis(250);


    /**
     * One attractor search in this many also looks for saddles (the kernel's stream chooses which): Newton's method from
     * the midpoint of every neighbouring pair of wells, a Hessian decomposition per step, costs more than the rest of
     * a kernel's life together and grows with its wells.
     */
    public static final int SADDLES_ONE_IN = 8;

    public final BasinEngine engine;
    public final SimClock clock;
    public final Tally tally;
    public final List<IndexedChunk> chunks;
    public final List<String> domains;
    public final Runnable checkCancelled;
    /** The measured span of a cycle (windows and expiries declared "for n cycles"). */
    public final CycleSpan span;
    private final Map<String, IndexedChunk> chunkById = new HashMap<>();

    public KernelWork(BasinEngine engine, SimClock clock, Tally tally, List<IndexedChunk> chunks, List<String> domains,
            Runnable checkCancelled, CycleSpan span) {
        this.engine = engine;
        this.clock = clock;
        this.tally = tally;
        this.chunks = chunks;
        this.domains = domains;
        this.checkCancelled = checkCancelled;
        this.span = span;
        chunks.forEach(c -> chunkById.put(c.chunkId(), c));
    }

    public ObjectMapper json() {
        return engine.store().json();
    }

    /** Moves the simulated clock by one event, so that successive rows get distinct, ordered times. */
    public void tick() {
        clock.advance(KernelWork.EVENT);
    }

    /**
     * Carries out a procedure of the kernel through the workbench: stretches that are tools the kernel knows run as
     * those tools (a use fails when a basin the tool produced is forbidden to the kernel now: see {@link #forbidden}),
     * the rest by hand. Each use is counted; a procedure carried out with successful tool uses is remembered as one
     * procedural fragment (at the first basin a tool produced, else where the kernel is; importance from novelty and
     * the Φ there relative to the kernel's).
     */
    public void carryOut(KernelLife life, WorkTrace trace, Procedure procedure) {
        List<ToolUse> uses = engine.tools().workbench().carryOut(trace, procedure, life.tools,
                out -> forbidden(life, out));
        ObjectNode proc = null;
        Basin at = null;
        for (ToolUse u : uses) {
            tally.toolUses++;
            if (!u.success()) {
                tally.toolFailures++;
                continue;
            }
            if (proc == null) {
                proc = json().createObjectNode().put("unit", trace.unit());
                proc.putArray("tools");
            }
            ObjectNode t = ((ArrayNode) proc.get("tools")).addObject().put("tool_id", u.toolId())
                    .put("tool_name", u.toolName());
            u.operations().forEach(t.putArray("operations")::add);
            for (Map.Entry<String, JsonNode> e : u.output().properties()) {
                if (e.getValue().isNumber()) {
                    proc.put(e.getKey(), e.getValue().asDouble());
                } else if (at == null && isBasin(e.getValue())) {
                    at = Basin.of(e.getKey(), KernelActions.toArray(e.getValue()));
                }
            }
        }
        if (proc != null) {
            proc.put("tool_id", proc.get("tools").get(0).get("tool_id").asText());
            KernelRow k = engine.kernels().get(life.kernelId);
            Basin where = at == null ? k.state().basin() : at;
            remember(life, FragmentType.PROCEDURAL, proc, where,
                    Importance.ofChange(where, life.remembered, Integration.phi(where) - k.state().phi()));
        }
    }

    /** The check of a tool's result: every basin it produced must be allowed to the kernel now (safety check). */
    private Optional<String> forbidden(KernelLife life, JsonNode out) {
        for (Map.Entry<String, JsonNode> e : out.properties()) {
            if (isBasin(e.getValue())) {
                SafetyVerdict v = engine.safety().check(Basin.of(e.getKey(), KernelActions.toArray(e.getValue())),
                        clock.instant(), life.kernelId);
                if (!v.safe()) {
                    Violation first = v.violations().get(0);
                    return Optional.of(String.format(java.util.Locale.ROOT,
                            "%s lies %.4f from the centre of %s %s (radius %.4f)", e.getKey(), first.distance(),
                            first.table(), first.id(), first.radius()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isBasin(JsonNode v) {
        return v.isArray() && v.size() == Basin.DIM;
    }

    /** A finished unit of work waiting for the tool miner: its trace, the kernel's Φ at its end, its success. */
    public record Finished(WorkTrace work, double phi, boolean success) {}

    /**
     * Hands a finished unit of work to the tool miner (Φ at its end, success as the caller judged it); the tools the
     * kernel gets from it join its repertoire.
     */
    public void learn(KernelLife life, WorkTrace trace, double phi, boolean success) {
        for (ToolMiner.Mined m : engine.toolMiner().observe(trace, phi, success)) {
            if (life.tools.learn(m.tool()) && m.registered()) {
                tally.toolsRegistered++;
            }
        }
    }

    public static JsonNode number(double v) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(v);
    }

    public IndexedChunk chunk(String chunkId) {
        return chunkById.get(chunkId);
    }

    /** Wells in an order that depends on their content only (fragment ids are random), so sums repeat exactly. */
    public static int byContent(Well a, Well b) {
        int c = java.util.Arrays.compare(a.basin().toArray(), b.basin().toArray());
        return c != 0 ? c : Double.compare(a.weight(), b.weight());
    }

    public String domainOf(String chunkId) {
        IndexedChunk c = chunkById.get(chunkId);
        return c == null ? "unknown" : c.domain();
    }

    public static String snippet(String text) {
        String t = text.replace('\n', ' ').strip();
        return t.length() > 120 ? t.substring(0, 120) : t;
    }

    public FragmentRow remember(KernelLife life, FragmentType type, ObjectNode content, Basin basin, Importance importance) {
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
    public void findAttractors(KernelLife life, DiscoveryMethod method) {
        List<MemoryWell> wells = engine.memory().wells(life.kernelId);
        List<Well> ws = wells.stream().filter(w -> w.weight() > 0.0).map(w -> new Well(w.basin(), w.weight()))
                .sorted(KernelWork::byContent).toList();
        if (ws.size() < 2) {
            return;
        }
        boolean saddles = life.rng.nextInt(SADDLES_ONE_IN) == 0;
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
    public void learned(KernelLife life, String event, Map<String, Object> facts) {
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
