package dev.basin.knowledge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.Means;
import dev.basin.store.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pure sleep consolidation planning (no I/O), deterministic for a given set of fragments:
 *
 * <ol>
 *   <li>Pending fragments are ordered by importance (descending), then creation time, then basin (lexicographic),
 *       then id: ids are random, so they only break ties between identical fragments.</li>
 *   <li>Leader clustering: the first unassigned fragment seeds a cluster, which takes every unassigned fragment
 *       within {@code clusterRadius} (Fisher–Rao) of the seed; repeat until all are assigned.</li>
 *   <li>A cluster of n ≥ 2 becomes one new {@code consolidated} fragment at the importance-weighted Fréchet (Karcher)
 *       mean of its members (equal weights if all importances are 0), with importance Σ importanceᵢ, access count
 *       Σ accessᵢ, Φ of the mean, and the most frequent member type (ties: the seed's). Members become
 *       {@code merged}.</li>
 *   <li>A singleton with decayed importance importance·exp(−age/τ) below {@code pruneThreshold} is {@code pruned};
 *       any other singleton is {@code consolidated} in place. age = now − created_at (0 if in the future).</li>
 * </ol>
 */
final class SleepPlanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Member contents copied into a consolidated fragment's content, at most. */
    static final int MAX_CONTENTS = 16;

    private SleepPlanner() {}

    static ConsolidationPlan plan(String kernelId, List<FragmentRow> pending, Instant now, SleepConfig config) {
        List<FragmentRow> order = new ArrayList<>(pending);
        order.sort(Comparator.comparingDouble(FragmentRow::importance).reversed()
                .thenComparing(FragmentRow::createdAt)
                .thenComparing((a, b) -> java.util.Arrays.compare(a.basin().toArray(), b.basin().toArray()))
                .thenComparing(FragmentRow::fragmentId));
        boolean[] assigned = new boolean[order.size()];
        List<ConsolidationPlan.Cluster> clusters = new ArrayList<>();
        List<ConsolidationPlan.Singleton> singletons = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (assigned[i]) {
                continue;
            }
            assigned[i] = true;
            FragmentRow seed = order.get(i);
            List<FragmentRow> members = new ArrayList<>(List.of(seed));
            for (int j = i + 1; j < order.size(); j++) {
                if (!assigned[j] && FisherRao.distance(seed.basin(), order.get(j).basin()) <= config.clusterRadius()) {
                    assigned[j] = true;
                    members.add(order.get(j));
                }
            }
            if (members.size() >= 2) {
                clusters.add(cluster(kernelId, members, now, config));
            } else {
                singletons.add(singleton(seed, now, config));
            }
        }
        return new ConsolidationPlan(kernelId, now, config, clusters, singletons);
    }

    /** importance·exp(−age/τ), age in seconds (negative ages count as 0). */
    static double decayed(double importance, double ageSeconds, Duration tau) {
        double tauSeconds = tau.toNanos() / 1e9;
        return importance * Math.exp(-Math.max(0.0, ageSeconds) / tauSeconds);
    }

    private static ConsolidationPlan.Singleton singleton(FragmentRow f, Instant now, SleepConfig config) {
        double age = Math.max(0.0, Duration.between(f.createdAt(), now).toNanos() / 1e9);
        double d = decayed(f.importance(), age, config.decayTau());
        ConsolidationStatus outcome = d < config.pruneThreshold() ? ConsolidationStatus.PRUNED : ConsolidationStatus.CONSOLIDATED;
        return new ConsolidationPlan.Singleton(f.fragmentId(), outcome, d, age);
    }

    private static ConsolidationPlan.Cluster cluster(String kernelId, List<FragmentRow> members, Instant now,
            SleepConfig config) {
        List<Basin> points = members.stream().map(FragmentRow::basin).toList();
        double total = members.stream().mapToDouble(FragmentRow::importance).sum();
        double[] w = new double[members.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = total > 0 ? members.get(i).importance() / total : 1.0 / w.length;
        }
        Means.Mean mean = Means.karcher(points, w);
        Map<FragmentType, Integer> types = new EnumMap<>(FragmentType.class);
        int access = 0;
        for (FragmentRow m : members) {
            types.merge(m.type(), 1, Integer::sum);
            access += m.accessCount();
        }
        FragmentType type = members.get(0).type();
        for (Map.Entry<FragmentType, Integer> e : types.entrySet()) {
            if (e.getValue() > types.get(type)) {
                type = e.getKey();
            }
        }
        String id = Ids.next("mfrag_");
        List<ConsolidationPlan.Member> out = new ArrayList<>();
        double spread = 0.0;
        ObjectNode content = JSON.objectNode().put("kind", "consolidated").put("member_count", members.size());
        ArrayNode ids = content.putArray("members");
        ArrayNode contents = content.putArray("contents");
        ObjectNode typeCounts = content.putObject("member_types");
        types.forEach((t, n) -> typeCounts.put(t.sqlName(), n));
        for (FragmentRow m : members) {
            double d = FisherRao.distance(mean.basin(), m.basin());
            spread = Math.max(spread, d);
            out.add(new ConsolidationPlan.Member(m.fragmentId(), d));
            ids.add(m.fragmentId());
            if (contents.size() < MAX_CONTENTS) {
                contents.add(m.content());
            }
        }
        ObjectNode meta = JSON.objectNode();
        meta.putObject("sleep").put("role", "consolidated").put("members", members.size())
                .put("max_member_distance", spread).put("karcher_iterations", mean.iterations())
                .put("cluster_radius", config.clusterRadius()).put("seed", members.get(0).fragmentId());
        FragmentRow consolidated = new FragmentRow(id, kernelId, type, content, mean.basin(),
                Integration.phi(mean.basin()), total, access, ConsolidationStatus.CONSOLIDATED, null, now, now, meta);
        return new ConsolidationPlan.Cluster(consolidated, out);
    }
}
