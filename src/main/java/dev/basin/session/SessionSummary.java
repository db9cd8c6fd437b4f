package dev.basin.session;

import dev.basin.session.behaviour.Tally;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What one session did, counted as it happened: kernels (roots and spawned children), kernel steps and trajectories by
 * outcome, detours, safety rows created, attractors found and revisited, insights by outcome, tools and their uses,
 * memory fragments and what sleep did to them, checkpoints, space-time paths and knowledge transfers.
 */
public record SessionSummary(
        String sessionId,
        long seed,
        int cycles,
        int rootKernels,
        int childKernels,
        long steps,
        int trajectories,
        int completed,
        int blocked,
        int abandoned,
        int detours,
        int barriers,
        int excludedRegions,
        int eraExclusions,
        int attractorsFound,
        int attractorRevisits,
        int insightsFired,
        int insightsValidated,
        int insightsInvalidated,
        int insightsInconclusive,
        int insightsAvoided,
        int falsePatterns,
        int toolsRegistered,
        int toolUses,
        int toolFailures,
        int fragments,
        int fragmentsConsolidated,
        int fragmentsMerged,
        int fragmentsPruned,
        int sleeps,
        int checkpoints,
        int transfers,
        int scaleMappings,
        int queries,
        long elapsedMillis) {

    public int kernels() {
        return rootKernels + childKernels;
    }

    /** The summary as one JSON object (field names in snake case). */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("session_id", sessionId).put("seed", seed).put("cycles", cycles);
        o.putObject("kernels").put("total", kernels()).put("roots", rootKernels).put("children", childKernels);
        o.put("steps", steps);
        o.putObject("trajectories").put("total", trajectories).put("completed", completed).put("blocked", blocked)
                .put("abandoned", abandoned).put("detours", detours);
        o.putObject("safety").put("barriers", barriers).put("excluded_regions", excludedRegions)
                .put("era_exclusions", eraExclusions);
        o.putObject("attractors").put("found", attractorsFound).put("revisits", attractorRevisits);
        o.putObject("insights").put("fired", insightsFired).put("validated", insightsValidated)
                .put("invalidated", insightsInvalidated).put("inconclusive", insightsInconclusive)
                .put("avoided", insightsAvoided).put("false_patterns", falsePatterns);
        o.putObject("tools").put("registered", toolsRegistered).put("uses", toolUses).put("failures", toolFailures);
        o.putObject("memory").put("fragments", fragments).put("consolidated", fragmentsConsolidated)
                .put("merged", fragmentsMerged).put("pruned", fragmentsPruned).put("sleeps", sleeps);
        o.put("checkpoints", checkpoints).put("transfers", transfers).put("scale_mappings", scaleMappings)
                .put("document_queries", queries).put("elapsed_ms", elapsedMillis);
        return o;
    }

    /** A few lines for people. */
    public String toText() {
        return String.format(Locale.ROOT, """
                Session %s (seed %d, %d cycles, %.1f s)
                  kernels      %d (%d roots, %d spawned), %d steps in %d trajectories (%d completed, %d blocked, %d abandoned, %d detours)
                  safety       %d barriers, %d excluded regions, %d era exclusions
                  attractors   %d found, %d revisits
                  insights     %d fired: %d validated, %d invalidated, %d inconclusive; %d avoided by %d false patterns
                  tools        %d registered, %d uses (%d failed)
                  memory       %d fragments; %d sleeps consolidated %d, merged %d, pruned %d
                  kernel life  %d checkpoints, %d knowledge transfers, %d scale mappings, %d document queries
                """, sessionId, seed, cycles, elapsedMillis / 1000.0, kernels(), rootKernels, childKernels, steps,
                trajectories, completed, blocked, abandoned, detours, barriers, excludedRegions, eraExclusions,
                attractorsFound, attractorRevisits, insightsFired, insightsValidated, insightsInvalidated,
                insightsInconclusive, insightsAvoided, falsePatterns, toolsRegistered, toolUses, toolFailures,
                fragments, sleeps, fragmentsConsolidated, fragmentsMerged, fragmentsPruned, checkpoints, transfers,
                scaleMappings, queries);
    }

    /** The session's counts as a summary. */
    static SessionSummary of(Tally t, String sessionId, long seed, int cycles, long elapsedMillis) {
        return new SessionSummary(sessionId, seed, cycles, t.rootKernels, t.childKernels, t.steps, t.trajectories,
                t.completed, t.blocked, t.abandoned, t.detours, t.barriers, t.excludedRegions, t.eraExclusions,
                t.attractorsFound, t.attractorRevisits, t.insightsFired, t.insightsValidated, t.insightsInvalidated,
                t.insightsInconclusive, t.insightsAvoided, t.falsePatterns, t.toolsRegistered, t.toolUses,
                t.toolFailures, t.fragments, t.fragmentsConsolidated, t.fragmentsMerged, t.fragmentsPruned, t.sleeps,
                t.checkpoints, t.transfers, t.scaleMappings, t.queries, elapsedMillis);
    }
}
