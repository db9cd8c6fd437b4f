package dev.basin.kernel;

import dev.basin.geometry.UnknownIdException;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.AttractorType;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.FoundAttractor;
import dev.basin.attractors.Potential;
import dev.basin.attractors.Well;
import dev.basin.knowledge.ConsolidationPlan;
import dev.basin.knowledge.ConsolidationStatus;
import dev.basin.knowledge.MemoryService;
import dev.basin.knowledge.MemoryWell;
import dev.basin.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kernel's sleep, all in ONE unit of work: the kernel falls asleep (status {@code asleep}, emotion row with trigger
 * {@code sleep}, a {@code sleep_start} thought), a {@code pre_sleep} checkpoint, the memory consolidation planned by
 * {@link MemoryService}, attractors re-found on the wells as they are after consolidation (discovery method
 * {@code sleep}; known ones count a visit), a {@code post_sleep} checkpoint and a {@code sleep_end} thought (one
 * {@link ThoughtService#THOUGHT} after the {@code sleep_start} thought). The
 * kernel stays asleep until {@link #wake}. The attractor search runs before the unit of work (it only reads), seeded
 * from the kernel's RNG; both checkpoints are linked in space-time after commit.
 */
public final class SleepCycle {
    /** What one sleep did. */
    public record Slept(KernelRow kernel, CheckpointRow preSleep, CheckpointRow postSleep, ConsolidationPlan plan,
            List<AttractorService.Recorded> attractors) {}

    private final Store store;
    private final Clock clock;
    private final MemoryService memory;
    private final AttractorService attractors;
    private final KernelService kernels;
    private final CheckpointService checkpoints;
    private final EmotionService emotions;
    private final ThoughtService thoughts;

    public SleepCycle(Store store, Clock clock, MemoryService memory, AttractorService attractors,
            KernelService kernels, CheckpointService checkpoints, EmotionService emotions, ThoughtService thoughts) {
        this.store = store;
        this.clock = clock;
        this.memory = memory;
        this.attractors = attractors;
        this.kernels = kernels;
        this.checkpoints = checkpoints;
        this.emotions = emotions;
        this.thoughts = thoughts;
    }

    /**
     * Simulated time sleep spends replaying one pending fragment: a sleep lasts this times the fragments it reviews
     * (at least one), so the {@code post_sleep} checkpoint (and the space-time path from {@code pre_sleep}) lies that
     * much later than the {@code pre_sleep} one, at the same place.
     */
    public static final java.time.Duration REPLAY = java.time.Duration.ofMillis(250);

    public Slept sleep(String kernelId) {
        KernelRow k = kernels.get(kernelId);
        if (k.state().status() != KernelStatus.AWAKE) {
            throw new dev.basin.geometry.InvalidInputException("kernel_id",
                    "is " + k.state().status().sqlName() + ", not awake: " + kernelId);
        }
        Instant now = clock.instant();
        ConsolidationPlan plan = memory.planConsolidation(kernelId, now);
        List<Well> wells = wellsAfter(memory.wells(kernelId), plan);
        SplitMix64 rng = new SplitMix64(k.state().rngState());
        long seed = rng.nextLong();
        List<FoundAttractor> found = wells.isEmpty() ? List.of()
                : attractors.find(new Potential(wells), seed, false, DiscoveryMethod.SLEEP);
        int pending = plan.clusters().stream().mapToInt(c -> c.members().size()).sum() + plan.singletons().size();
        int known = attractors.attractors(kernelId, AttractorType.STABLE).size();
        Slept slept = store.inTransaction(tx -> {
            KernelRow locked = KernelQueries.kernel(tx.handle(), kernelId, true)
                    .orElseThrow(() -> new UnknownIdException("kernel_id", kernelId));
            KernelState s = locked.state();
            KernelState asleep = new KernelState(s.basin(), s.phi(), s.kappa(), s.kappaEff(), s.regime(),
                    s.neurotransmitters(), s.emotions(), KernelStatus.ASLEEP, s.stepCount(), rng.state());
            KernelRow row = withState(locked, asleep);
            KernelService.writeState(tx, row);
            emotions.recordSleep(tx, row, "falling asleep");
            thoughts.think(tx, row, ThoughtEvent.SLEEP_START, kernelId, Map.of("pending", pending, "phi", s.phi(),
                    "attractors", known));
            CheckpointRow pre = checkpoints.save(tx, row, CheckpointType.PRE_SLEEP,
                    Map.of("pending_fragments", pending, "known_stable_attractors", known), now);
            memory.applyConsolidation(tx, plan);
            List<AttractorService.Recorded> recorded = wells.isEmpty() ? List.of()
                    : attractors.record(tx, kernelId, found, new Potential(wells), seed, s.phi(), s.kappa());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("clusters", plan.clusters().size());
            facts.put("merged", plan.mergedCount());
            facts.put("pruned", plan.prunedCount());
            facts.put("attractors", recorded.size());
            facts.put("wells", wells.size());
            Instant woke = now.plus(REPLAY.multipliedBy(Math.max(1, pending)));
            facts.put("slept_ms", java.time.Duration.between(now, woke).toMillis());
            CheckpointRow post = checkpoints.save(tx, row, CheckpointType.POST_SLEEP, facts, woke);
            thoughts.think(tx, row, ThoughtEvent.SLEEP_END, post.checkpointId(), facts, woke.plus(ThoughtService.THOUGHT));
            return new Slept(row, pre, post, plan, recorded);
        });
        checkpoints.link(slept.preSleep());
        checkpoints.link(slept.postSleep());
        return slept;
    }

    /** Wakes a sleeping kernel (status {@code awake}); its emotion history records the transition. */
    public KernelRow wake(String kernelId) {
        KernelRow k = kernels.get(kernelId);
        if (k.state().status() != KernelStatus.ASLEEP) {
            throw new dev.basin.geometry.InvalidInputException("kernel_id",
                    "is " + k.state().status().sqlName() + ", not asleep: " + kernelId);
        }
        KernelRow awake = withState(k, k.state().withStatus(KernelStatus.AWAKE));
        store.useTransaction(tx -> {
            KernelService.writeState(tx, awake);
            emotions.recordSleep(tx, awake, "waking");
        });
        return awake;
    }

    private KernelRow withState(KernelRow k, KernelState s) {
        return new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(), s,
                k.createdAt(), clock.instant(),
                KernelService.metadata(store.json(), s, KernelService.extra(k.metadata())));
    }

    /** The memory wells once {@code plan} is applied: merged and pruned fragments leave, consolidated ones join. */
    static List<Well> wellsAfter(List<MemoryWell> before, ConsolidationPlan plan) {
        Set<String> gone = new HashSet<>();
        plan.clusters().forEach(c -> c.members().forEach(m -> gone.add(m.fragmentId())));
        plan.singletons().stream().filter(s -> s.outcome() == ConsolidationStatus.PRUNED)
                .forEach(s -> gone.add(s.fragmentId()));
        List<Well> out = new ArrayList<>();
        for (MemoryWell w : before) {
            if (!gone.contains(w.fragmentId()) && w.weight() > 0.0) {
                out.add(new Well(w.basin(), w.weight()));
            }
        }
        for (ConsolidationPlan.Cluster c : plan.clusters()) {
            if (c.consolidated().importance() > 0.0) {
                out.add(new Well(c.consolidated().basin(), c.consolidated().importance()));
            }
        }
        return out;
    }
}
