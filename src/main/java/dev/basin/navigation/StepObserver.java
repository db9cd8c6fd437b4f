package dev.basin.navigation;

/** Called after every step the agent takes (on the navigating thread). */
@FunctionalInterface
public interface StepObserver {
    /** Observes nothing. */
    StepObserver NONE = sample -> {};

    void onStep(StepSample sample);
}
