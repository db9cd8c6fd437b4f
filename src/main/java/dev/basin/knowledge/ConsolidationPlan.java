package dev.basin.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * What one sleep will do to a kernel's pending fragments, computed without writing: new consolidated fragments with
 * their members, and the fate of each singleton. Applied by {@link MemoryService#applyConsolidation}.
 */
public record ConsolidationPlan(String kernelId, Instant at, SleepConfig config, List<Cluster> clusters,
        List<Singleton> singletons) {
    public ConsolidationPlan {
        clusters = List.copyOf(clusters);
        singletons = List.copyOf(singletons);
    }

    /** A cluster of ≥ 2 pending fragments and the consolidated fragment (at their Fréchet mean) that replaces them. */
    public record Cluster(FragmentRow consolidated, List<Member> members) {
        public Cluster {
            members = List.copyOf(members);
        }
    }

    /** A merged member and its Fisher–Rao distance to the consolidated fragment. */
    public record Member(String fragmentId, double distance) {}

    /** A fragment alone in its cluster: kept (consolidated in place) or pruned by its decayed importance. */
    public record Singleton(String fragmentId, ConsolidationStatus outcome, double decayedImportance, double ageSeconds) {}

    public boolean isEmpty() {
        return clusters.isEmpty() && singletons.isEmpty();
    }

    /** Number of fragments that will be marked merged. */
    public int mergedCount() {
        return clusters.stream().mapToInt(c -> c.members().size()).sum();
    }

    /** Number of fragments that will be pruned. */
    public long prunedCount() {
        return singletons.stream().filter(s -> s.outcome() == ConsolidationStatus.PRUNED).count();
    }
}
