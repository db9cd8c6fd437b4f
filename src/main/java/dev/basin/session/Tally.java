package dev.basin.session;

/** The running counts of a session (one thread writes them), frozen into a {@link SessionSummary}. */
final class Tally {
    int rootKernels;
    int childKernels;
    long steps;
    int trajectories;
    int completed;
    int blocked;
    int abandoned;
    int detours;
    int barriers;
    int excludedRegions;
    int eraExclusions;
    int attractorsFound;
    int attractorRevisits;
    int insightsFired;
    int insightsValidated;
    int insightsInvalidated;
    int insightsInconclusive;
    int insightsAvoided;
    int falsePatterns;
    int toolsRegistered;
    int toolUses;
    int toolFailures;
    int fragments;
    int fragmentsConsolidated;
    int fragmentsMerged;
    int fragmentsPruned;
    int sleeps;
    int checkpoints;
    int transfers;
    int scaleMappings;
    int queries;
    int documentsIngested;

    SessionSummary freeze(String sessionId, long seed, int cycles, long elapsedMillis) {
        return new SessionSummary(sessionId, seed, cycles, rootKernels, childKernels, steps, trajectories, completed,
                blocked, abandoned, detours, barriers, excludedRegions, eraExclusions, attractorsFound,
                attractorRevisits, insightsFired, insightsValidated, insightsInvalidated, insightsInconclusive,
                insightsAvoided, falsePatterns, toolsRegistered, toolUses, toolFailures, fragments,
                fragmentsConsolidated, fragmentsMerged, fragmentsPruned, sleeps, checkpoints, transfers, scaleMappings,
                queries, elapsedMillis);
    }
}
