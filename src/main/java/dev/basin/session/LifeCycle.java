package dev.basin.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.BasinEngine;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.kernel.CheckpointRow;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.ThoughtEvent;
import dev.basin.knowledge.ConsolidationPlan;
import dev.basin.knowledge.ConsolidationStatus;
import dev.basin.knowledge.FragmentRow;
import dev.basin.knowledge.PatternMember;
import dev.basin.rag.IndexedChunk;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.EraExclusionRow;
import dev.basin.safety.ExcludedRegionRow;
import dev.basin.safety.ExclusionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sleep, spawning and the session's housekeeping.
 *
 * <p>Sleep: a {@code pre_sleep} checkpoint, the consolidation of pending memories (clusters merged into consolidated
 * fragments, weak singletons pruned) with the sleep emotion row, all in one unit of work; then attractors re-found on
 * the new wells ({@code discovery_method = sleep}), a {@code post_sleep} checkpoint, cross patterns re-discovered
 * among chunks and consolidated memories. On waking the kernel lifts its own orders (ordered exclusions) and heals
 * its mildest barriers (severity below {@value #HEAL_SEVERITY}).
 */
final class LifeCycle extends KernelEvents {
    /** A kernel's own barriers milder than this are lifted when it wakes. */
    static final double HEAL_SEVERITY = 0.35;

    LifeCycle(BasinEngine engine, SimClock clock, Tally tally, List<IndexedChunk> chunks, List<String> domains,
            SessionQueries queries, Runnable checkCancelled) {
        super(engine, clock, tally, chunks, domains, queries, checkCancelled);
    }

    void sleep(KernelLife life, int c) {
        KernelRow k = engine.kernels().get(life.kernelId);
        tick();
        ConsolidationPlan plan = engine.memory().planConsolidation(life.kernelId, clock.instant());
        int pending = plan.clusters().stream().mapToInt(cl -> cl.members().size()).sum() + plan.singletons().size();
        int known = engine.attractors().nearest(life.kernelId, k.state().basin(), 1000).size();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("pending", pending);
        start.put("phi", k.state().phi());
        start.put("attractors", known);
        CheckpointRow pre = engine.store().inTransaction(tx -> {
            CheckpointRow row = engine.checkpoints().save(tx, k, CheckpointType.PRE_SLEEP, start);
            engine.thoughts().think(tx, k, ThoughtEvent.SLEEP_START, row.checkpointId(), start);
            engine.memory().applyConsolidation(tx, plan);
            engine.emotions().recordSleep(tx, k, "falling asleep after cycle " + c);
            return row;
        });
        engine.checkpoints().link(pre);
        tally.checkpoints++;
        tally.sleeps++;
        tally.fragmentsConsolidated += plan.clusters().size() + (int) plan.singletons().stream()
                .filter(s -> s.outcome() == ConsolidationStatus.CONSOLIDATED).count();
        tally.fragmentsMerged += plan.mergedCount();
        tally.fragmentsPruned += (int) plan.prunedCount();
        int before = tally.attractorsFound + tally.attractorRevisits;
        findAttractors(life, DiscoveryMethod.SLEEP);
        int refound = tally.attractorsFound + tally.attractorRevisits - before;
        tick();
        KernelRow woke = engine.kernels().get(life.kernelId);
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("clusters", plan.clusters().size());
        end.put("merged", plan.mergedCount());
        end.put("pruned", plan.prunedCount());
        end.put("attractors", refound);
        CheckpointRow post = engine.checkpoints().save(life.kernelId, CheckpointType.POST_SLEEP);
        tally.checkpoints++;
        engine.thoughts().think(woke, ThoughtEvent.SLEEP_END, post.checkpointId(), end);
        life.lastSleepCycle = c;
        rediscoverPatterns(life);
        wake(life);
    }

    /** Cross patterns among all chunks plus this kernel's consolidated memories (same members update, not insert). */
    private void rediscoverPatterns(KernelLife life) {
        List<PatternMember> extra = new ArrayList<>();
        for (FragmentRow f : engine.memory().fragments(life.kernelId, ConsolidationStatus.CONSOLIDATED)) {
            extra.add(PatternMember.of(f));
        }
        tick();
        engine.crossPatterns().discover(engine.documents(), extra);
    }

    /** Lifts the kernel's ordered exclusions and heals its mildest barriers. */
    private void wake(KernelLife life) {
        for (ExcludedRegionRow r : engine.safety().queries().listRegions(life.kernelId, true, 1000, 0)) {
            if (r.reason() == ExclusionReason.ORDERED) {
                tick();
                engine.safety().deactivateExcludedRegion(r.regionId());
            }
        }
        for (BarrierRow b : engine.safety().queries().listBarriers(true, 10_000, 0)) {
            if (life.kernelId.equals(b.kernelId()) && b.severity() < HEAL_SEVERITY) {
                tick();
                engine.safety().deactivateBarrier(b.barrierId());
            }
        }
    }

    /** Deactivates era exclusions whose window has passed. */
    void housekeeping() {
        Instant now = clock.instant();
        for (EraExclusionRow e : engine.safety().queries().listEras(true, 10_000, 0)) {
            if (!e.end().isAfter(now)) {
                engine.safety().deactivateEraExclusion(e.exclusionId());
            }
        }
    }

    /** Spawning: see {@link #maybeSpawn}. */
    KernelLife maybeSpawn(KernelLife life, int c) {
        return null;
    }

    ObjectNode note(String key, String value) {
        return json().createObjectNode().put(key, value);
    }
}
