package dev.basin.navigation;

import java.util.List;

/**
 * Called after every step the agent takes (on the navigating thread). After each step the agent also asks
 * {@link #stopBy()}: a non-empty answer (the ids of balls raised because of the steps so far, e.g. by an ethics monitor
 * that watches the movement) stops the movement at once, {@code blocked} by those balls. An observer that is the moving
 * kernel also reports its effective coupling as it evolves ({@link #kappaEff}): the agent stores it on each waypoint and
 * paces the next step by it.
 */
@FunctionalInterface
public interface StepObserver {
    /** Observes nothing. */
    StepObserver NONE = sample -> {};

    void onStep(StepSample sample);

    /** Ids of the balls that stop the movement after the step just observed; empty to go on. */
    default List<String> stopBy() {
        return List.of();
    }

    /** κ_eff of the moving kernel after the steps observed so far; NaN (the default) when the observer has none. */
    default double kappaEff() {
        return Double.NaN;
    }

    /** An observer that only observes (never stops the movement). */
    static StepObserver of(java.util.function.Consumer<StepSample> onStep) {
        return onStep::accept;
    }
}
