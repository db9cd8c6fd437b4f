package dev.basin.kernel;

import dev.basin.navigation.StepSample;
import java.util.List;

/**
 * Watches a voyage step by step as it happens (e.g. the kernel's ethics monitor over the samples so far): called after
 * the kernel lived each step, with its state after the step (Φ, emotions) and the agent's sample. A non-empty answer
 * (ids of balls raised) stops the voyage at once, {@code blocked} by them.
 */
@FunctionalInterface
public interface StepJudge {
    /** Never stops a voyage. */
    StepJudge NONE = (state, sample) -> List.of();

    List<String> judge(KernelState lived, StepSample sample);
}
