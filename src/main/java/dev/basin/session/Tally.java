package dev.basin.session;

/**
 * The running counts of a session, frozen into a {@link SessionSummary}. One thread writes a tally: kernels living
 * concurrently count into tallies of their own, which the session's thread then adds into its own ({@link #drainInto}).
 */
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

    /** Adds every count of this tally to {@code into} and sets this one's counts to zero. */
    void drainInto(Tally into) {
        for (java.lang.reflect.Field f : Tally.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                if (f.getType() == int.class) {
                    f.setInt(into, f.getInt(into) + f.getInt(this));
                    f.setInt(this, 0);
                } else if (f.getType() == long.class) {
                    f.setLong(into, f.getLong(into) + f.getLong(this));
                    f.setLong(this, 0L);
                } else {
                    throw new IllegalStateException("Tally." + f.getName() + " is not a count");
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Tally." + f.getName() + " is not accessible", e);
            }
        }
    }
}
