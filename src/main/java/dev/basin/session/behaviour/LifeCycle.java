package dev.basin.session.behaviour;

import dev.basin.session.rules.BarrierHealing;
import dev.basin.session.rules.CycleSpan;
import dev.basin.BasinEngine;
import dev.basin.attractors.AttractorService;
import dev.basin.kernel.SleepCycle;
import dev.basin.kernel.SpawnRequest;
import dev.basin.kernel.SpawnService;
import dev.basin.knowledge.ConsolidationPlan;
import dev.basin.knowledge.ConsolidationStatus;
import dev.basin.knowledge.FragmentRow;
import dev.basin.knowledge.PatternMember;
import dev.basin.rag.ChunkHit;
import dev.basin.rag.IndexedChunk;
import dev.basin.safety.ExcludedRegionRow;
import dev.basin.safety.ExclusionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sleep, spawning and the session's housekeeping.
 *
 * <p>Sleep is the kernel's sleep cycle (checkpoints before and after, memory consolidation, attractors re-found, in
 * one unit of work); afterwards cross patterns are re-discovered among the chunks and every kernel's consolidated
 * memories, and on waking the kernel lifts its ordered exclusions (and unsafe ones whose refusing ball is gone) and
 * heals one of its barriers. A kernel sleeping in the last cycle stays asleep.
 */
public final class LifeCycle {
    private final KernelWork kit;
    private final BasinEngine engine;
    private final SimClock clock;
    private final Tally tally;
    private final List<IndexedChunk> chunks;
    private final List<String> domains;
    private final Runnable checkCancelled;
    private final CycleSpan span;
    public LifeCycle(BasinEngine engine, SimClock clock, Tally tally, List<IndexedChunk> chunks, List<String> domains,
            Runnable checkCancelled, CycleSpan span) {
        this.kit = new KernelWork(engine, clock, tally, chunks, domains, checkCancelled, span);
        this.engine = engine;
        this.clock = clock;
        this.tally = tally;
        this.chunks = chunks;
        this.domains = domains;
        this.checkCancelled = checkCancelled;
        this.span = span;
    }

    /**
     * Sleeps (the kernel's sleep cycle), then wakes unless this is the session's last cycle. Touches only the kernel's
     * own rows; the cross patterns over every kernel's memories are re-discovered afterwards by
     * {@link #rediscoverPatterns} on the session's thread.
     */
    public void sleep(KernelLife life, int c, boolean last) {
        kit.tick();
        SleepCycle.Slept slept = engine.sleep().sleep(life.kernelId);
        clock.advanceTo(slept.postSleep().createdAt().plus(dev.basin.kernel.ThoughtService.THOUGHT));
        ConsolidationPlan plan = slept.plan();
        tally.checkpoints += 2;
        tally.sleeps++;
        tally.fragmentsConsolidated += plan.clusters().size() + (int) plan.singletons().stream()
                .filter(s -> s.outcome() == ConsolidationStatus.CONSOLIDATED).count();
        tally.fragmentsMerged += plan.mergedCount();
        tally.fragmentsPruned += (int) plan.prunedCount();
        for (AttractorService.Recorded r : slept.attractors()) {
            if (r.inserted()) {
                tally.attractorsFound++;
            } else {
                tally.attractorRevisits++;
            }
        }
        life.lastSleepCycle = c;
        life.sleptThisCycle = true;
        if (last) {
            life.asleep = true;
        } else {
            kit.tick();
            engine.sleep().wake(life.kernelId);
            wake(life, c);
        }
    }

    /** Cross patterns among all chunks plus every kernel's consolidated memories (same members update, not insert). */
    public void rediscoverPatterns(List<KernelLife> lives) {
        List<PatternMember> extra = new ArrayList<>();
        for (KernelLife k : lives) {
            for (FragmentRow f : engine.memory().fragments(k.kernelId, ConsolidationStatus.CONSOLIDATED)) {
                extra.add(PatternMember.of(f));
            }
        }
        kit.tick();
        engine.crossPatterns().discover(engine.documents(), extra);
    }

    /**
     * On waking in cycle {@code c}: lifts the kernel's ordered exclusions (told to leave until it slept), those whose
     * expiry has passed (whether or not the refusing ball still exists) and the unsafe ones whose refusing ball is gone,
     * each with the rule in its metadata; then heals the own barriers that {@link BarrierHealing} finds quiet.
     */
    public void wake(KernelLife life, int c) {
        java.time.Instant now = clock.instant();
        for (ExcludedRegionRow r : engine.safety().queries().listRegions(life.kernelId, true, 1000, 0)) {
            String rule = null;
            if (r.reason() == ExclusionReason.ORDERED) {
                rule = "ordered away until the kernel slept";
            } else if (r.expiresAt() != null && !r.expiresAt().isAfter(now)) {
                rule = "expired at " + r.expiresAt();
            } else if (r.reason() == ExclusionReason.UNSAFE && r.metadata().has("blocked_by")
                    && engine.safety().ball(r.metadata().get("blocked_by").asText()) == null) {
                rule = "the refusing ball " + r.metadata().get("blocked_by").asText() + " is no longer active";
            }
            if (rule != null) {
                kit.tick();
                engine.safety().deactivateExcludedRegion(r.regionId(), kit.json().createObjectNode().put("rule", rule)
                        .put("cycle", c).put("lifted_at", clock.instant().toString()));
            }
        }
        for (BarrierHealing.Healing h : life.healing.review(engine.safety().queries().activeBarriersOf(life.kernelId),
                c)) {
            kit.tick();
            engine.safety().deactivateBarrier(h.barrierId(), h.json(kit.json()));
        }
    }

    /** Deactivates era exclusions whose window has passed (also those of sessions running beside this one). */
    public void housekeeping() {
        engine.safety().deactivateEndedEraExclusions(clock.instant());
    }

    /**
     * From cycle 3 on, a kernel that has not spawned yet and meets the spawn criteria (enough stable attractors, Φ,
     * session cap) spawns one child, handing over its attractors, the vocabulary of its current domain, the cross
     * patterns of that domain and the generated tools it knows ({@code strategies}: the child starts out knowing the
     * tools of that transfer and uses them). The child lives from the next cycle on.
     */
    public KernelLife maybeSpawn(KernelLife life, int c) {
        if (c < 3 || life.spawned || life.asleep) {
            return null;
        }
        SpawnService.Eligibility e = engine.spawner().evaluate(life.kernelId);
        if (!e.eligible()) {
            return null;
        }
        kit.tick();
        List<String> vocabulary = vocabulary(life);
        List<String> patterns = engine.crossPatterns().patternIdsFor(life.currentDomain, 3);
        List<String> strategies = life.tools.toolIds();
        String name = life.name + "." + (life.generation + 1);
        SpawnService.Spawned s = engine.spawner().spawn(life.kernelId,
                new SpawnRequest(name, vocabulary, patterns, strategies));
        life.spawned = true;
        tally.childKernels++;
        tally.checkpoints++;
        tally.transfers += s.transfers().size();
        KernelLife child = new KernelLife(s.child().kernelId(), name, life.currentDomain, life.generation + 1,
                life.rng.split(), life.sleepOffset + 1);
        for (dev.basin.kernel.TransferRow t : s.transfers()) {
            if (t.type() == dev.basin.kernel.KnowledgeType.STRATEGIES) {
                t.data().get("items").forEach(item -> child.tools.learn(engine.tools().tool(item.get("tool_id").asText())));
            }
        }
        ChunkHit nearest = engine.documents().nearest(s.child().state().basin(), 1).get(0);
        child.home = kit.chunk(nearest.chunkId());
        return child;
    }

    /** The words of the kernel's current domain's chunks, most frequent first (at most 12, 4+ letters). */
    private List<String> vocabulary(KernelLife life) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (IndexedChunk ch : chunks) {
            if (!ch.domain().equals(life.currentDomain)) {
                continue;
            }
            for (String w : ch.content().toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                if (w.length() >= 4) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                        : b.getValue() - a.getValue())
                .limit(12).map(Map.Entry::getKey).toList();
    }
}
