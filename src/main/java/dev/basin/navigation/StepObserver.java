package dev.basin.navigation;

/**
 * Called after every step the agent takes (on the navigating thread). An observer that is the moving kernel also
 * reports its effective coupling as it evolves ({@link #kappaEff}): the agent stores it on each waypoint and paces the
 * next step by it.
 */
@FunctionalInterface
public interface StepObserver {
    /** Observes nothing. */
    StepObserver NONE = sample -> {};

    void onStep(StepSample sample);

    /** κ_eff of the moving kernel after the steps observed so far; NaN (the default) when the observer has none. */
    default double kappaEff() {
        return Double.NaN;
    }
}
