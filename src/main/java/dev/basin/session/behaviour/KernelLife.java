package dev.basin.session.behaviour;

import dev.basin.session.rules.BarrierHealing;
import dev.basin.session.rules.Importance;
import dev.basin.session.rules.RegimeWatch;
import dev.basin.session.rules.TimeTravel;
import dev.basin.session.rules.UnstablePeriods;
import dev.basin.rag.IndexedChunk;
import java.util.SplittableRandom;

/**
 * What the session keeps about one kernel between cycles (its state proper lives in the {@code kernels} row): its
 * name, home domain, seeded random stream, the domain of its latest target, and when it last slept.
 */
public final class KernelLife {
    public final String kernelId;
    final String name;
    final String homeDomain;
    final int generation;
    final SplittableRandom rng;
    public final int sleepOffset;
    public IndexedChunk home;
    String currentDomain;
    /** The cycle the kernel is living. */
    int cycle;
    /** The evidence for healing this kernel's own barriers. */
    final BarrierHealing healing = new BarrierHealing();
    /** The steps the ethics monitor has seen since its last finding (oldest first). */
    final java.util.List<dev.basin.safety.KernelSample> history = new java.util.ArrayList<>();
    /** The scale-mapping rule over this kernel's measured coupling states. */
    final RegimeWatch regimes = new RegimeWatch();
    /** The last stable checkpoint (after a learning event), or null; and how often the kernel restored one. */
    TimeTravel.Stable stable;
    int restores;
    /** Instability/decoherence findings of this cycle, for the session's unstable-period rule. */
    public final java.util.List<UnstablePeriods.Finding> findings = new java.util.ArrayList<>();
    int legs;
    int successfulLegs;
    int lastSleepCycle;
    boolean spawned;
    /** Left asleep by its last sleep (the session's last cycle): no more movements. */
    boolean asleep;
    /** The target to retry after a refusal (null: none), and how many retries in a row. */
    Target retry;
    int retries;
    /** Ball id → refusals met there. */
    final java.util.Map<String, Integer> refusals = new java.util.HashMap<>();
    /** Basins of the fragments this kernel stored in this session (for the novelty term of {@link Importance}). */
    final java.util.List<dev.basin.geometry.Basin> remembered = new java.util.ArrayList<>();
    /** Chunk id → the semantic fragment remembering it (recalled instead of written again). */
    final java.util.Map<String, String> semantic = new java.util.HashMap<>();
    /** The generated tools this kernel knows (mined or inherited). */
    final dev.basin.tools.Repertoire tools = new dev.basin.tools.Repertoire();
    /** The unit of work begun when choosing an exploration target, finished by the movement (null: none). */
    dev.basin.tools.WorkTrace work;
    /** Finished units of work not yet reported to the tool miner (reported on the session's thread, in order). */
    final java.util.List<KernelWork.Finished> finished = new java.util.ArrayList<>();
    /** Slept in the current cycle (the session then re-discovers cross patterns after the movements). */
    public boolean sleptThisCycle;

    public KernelLife(String kernelId, String name, String homeDomain, int generation, SplittableRandom rng, int sleepOffset) {
        this.kernelId = kernelId;
        this.name = name;
        this.homeDomain = homeDomain;
        this.generation = generation;
        this.rng = rng;
        this.sleepOffset = sleepOffset;
        this.currentDomain = homeDomain;
    }
}
