package dev.basin.session.behaviour;

import dev.basin.session.rules.BarrierHealing;
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
    public LifeCycle(KernelWork kit) {
        this.kit = kit;
    }

    /**
     * Sleeps (the kernel's sleep cycle), then wakes unless this is the session's last cycle. Touches only the kernel's
     * own rows; the cross patterns over every kernel's memories are re-discovered afterwards by
     * {@link #rediscoverPatterns} on the session's thread.
     */
    public void sleep(KernelLife life, int c, boolean last) {
        kit.tick();
        SleepCycle.Slept slept = kit.engine.sleep().sleep(life.kernelId);
        kit.clock.advanceTo(slept.postSleep().createdAt().plus(dev.basin.kernel.ThoughtService.THOUGHT));
        ConsolidationPlan plan = slept.plan();
        kit.tally.checkpoints += 2;
        kit.tally.sleeps++;
        kit.tally.fragmentsConsolidated += plan.clusters().size() + (int) plan.singletons().stream()
                .filter(s -> s.outcome() == ConsolidationStatus.CONSOLIDATED).count();
        kit.tally.fragmentsMerged += plan.mergedCount();
        kit.tally.fragmentsPruned += (int) plan.prunedCount();
        for (AttractorService.Recorded r : slept.attractors()) {
            if (r.inserted()) {
                kit.tally.attractorsFound++;
            } else {
                kit.tally.attractorRevisits++;
            }
        }
        life.lastSleepCycle = c;
        life.sleptThisCycle = true;
        if (last) {
            life.asleep = true;
        } else {
            kit.tick();
            kit.engine.sleep().wake(life.kernelId);
            wake(life, c);
        }
    }

    /** Cross patterns among all chunks plus every kernel's consolidated memories (same members update, not insert). */
    public void rediscoverPatterns(List<KernelLife> lives) {
        List<PatternMember> extra = new ArrayList<>();
        for (KernelLife k : lives) {
            for (FragmentRow f : kit.engine.memory().fragments(k.kernelId, ConsolidationStatus.CONSOLIDATED)) {
                extra.add(PatternMember.of(f));
            }
        }
        kit.tick();
        kit.engine.crossPatterns().discover(kit.engine.documents(), extra);
    }

    /**
     * On waking in cycle {@code c}: lifts the kernel's ordered exclusions (told to leave until it slept), those whose
     * expiry has passed (whether or not the refusing ball still exists) and the unsafe ones whose refusing ball is gone,
     * each with the rule in its metadata; then heals the own barriers that {@link BarrierHealing} finds quiet.
     */
    public void wake(KernelLife life, int c) {
        java.time.Instant now = kit.clock.instant();
        for (ExcludedRegionRow r : kit.engine.safety().queries().listRegions(life.kernelId, true, 1000, 0)) {
            String rule = null;
            if (r.reason() == ExclusionReason.ORDERED) {
                rule = "ordered away until the kernel slept";
            } else if (r.expiresAt() != null && !r.expiresAt().isAfter(now)) {
                rule = "expired at " + r.expiresAt();
            } else if (r.reason() == ExclusionReason.UNSAFE && r.metadata().has("blocked_by")
                    && kit.engine.safety().ball(r.metadata().get("blocked_by").asText()) == null) {
                rule = "the refusing ball " + r.metadata().get("blocked_by").asText() + " is no longer active";
            }
            if (rule != null) {
                kit.tick();
                kit.engine.safety().deactivateExcludedRegion(r.regionId(), kit.json().createObjectNode().put("rule", rule)
                        .put("cycle", c).put("lifted_at", kit.clock.instant().toString()));
            }
        }
        for (BarrierHealing.Healing h : life.healing.review(kit.engine.safety().queries().activeBarriersOf(life.kernelId),
                c)) {
            kit.tick();
            kit.engine.safety().deactivateBarrier(h.barrierId(), h.json(kit.json()));
        }
    }

    /** Deactivates era exclusions whose window has passed (also those of sessions running beside this one). */
    public void housekeeping() {
        kit.engine.safety().deactivateEndedEraExclusions(kit.clock.instant());
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
        SpawnService.Eligibility e = kit.engine.spawner().evaluate(life.kernelId);
        if (!e.eligible()) {
            return null;
        }
        kit.tick();
        List<String> vocabulary = vocabulary(life);
        List<String> patterns = kit.engine.crossPatterns().patternIdsFor(life.currentDomain, 3);
        List<String> strategies = life.tools.toolIds();
        String name = life.name + "." + (life.generation + 1);
        SpawnService.Spawned s = kit.engine.spawner().spawn(life.kernelId,
                new SpawnRequest(name, vocabulary, patterns, strategies));
        life.spawned = true;
        kit.tally.childKernels++;
        kit.tally.checkpoints++;
        kit.tally.transfers += s.transfers().size();
        KernelLife child = new KernelLife(s.child().kernelId(), name, life.currentDomain, life.generation + 1,
                life.rng.split(), life.sleepOffset + 1);
        for (dev.basin.kernel.TransferRow t : s.transfers()) {
            if (t.type() == dev.basin.kernel.KnowledgeType.STRATEGIES) {
                t.data().get("items").forEach(item -> child.tools.learn(kit.engine.tools().tool(item.get("tool_id").asText())));
            }
        }
        ChunkHit nearest = kit.engine.documents().nearest(s.child().state().basin(), 1).get(0);
        child.home = kit.chunk(nearest.chunkId());
        return child;
    }

    /** The words of the kernel's current domain's chunks, most frequent first (at most 12, 4+ letters). */
    private List<String> vocabulary(KernelLife life) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (IndexedChunk ch : kit.chunks) {
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
