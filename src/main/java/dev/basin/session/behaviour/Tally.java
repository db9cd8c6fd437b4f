package dev.basin.session.behaviour;

/**
 * The running counts of a session, frozen into a {@link SessionSummary}. One thread writes a tally: kernels living
 * concurrently count into tallies of their own, which the session's thread then adds into its own ({@link #drainInto}).
 */
public final class Tally {
    public int rootKernels;
    public int childKernels;
    public long steps;
    public int trajectories;
    public int completed;
    public int blocked;
    public int abandoned;
    public int detours;
    public int barriers;
    public int excludedRegions;
    public int eraExclusions;
    public int attractorsFound;
    public int attractorRevisits;
    public int insightsFired;
    public int insightsValidated;
    public int insightsInvalidated;
    public int insightsInconclusive;
    public int insightsAvoided;
    public int falsePatterns;
    public int toolsRegistered;
    public int toolUses;
    public int toolFailures;
    public int fragments;
    public int fragmentsConsolidated;
    public int fragmentsMerged;
    public int fragmentsPruned;
    public int sleeps;
    public int checkpoints;
    public int transfers;
    public int scaleMappings;
    public int queries;
    public int documentsIngested;

    /** Adds every count of this tally to {@code into} and sets this one's counts to zero. */
    public void drainInto(Tally into) {
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
