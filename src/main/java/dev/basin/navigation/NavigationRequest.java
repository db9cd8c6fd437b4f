package dev.basin.navigation;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.time.Duration;

/**
 * A movement for {@link OceanAgent#navigate}: agent (= kernel id), start and target basins, the reason, the effective
 * coupling κ_eff and base step (one step moves base_step·κ_eff/κ* toward the goal), a step budget, and the simulated
 * time one step takes ({@code stepDuration}; null reads the agent's clock at every step instead).
 */
public record NavigationRequest(
        String agentId,
        Basin start,
        Basin target,
        MovementReason reason,
        double kappaEff,
        double baseStep,
        int maxSteps,
        Duration stepDuration) {

    /** Refuses a κ_eff that is not positive and finite. */
    static void requireKappaEff(double kappaEff) {
        if (!(kappaEff > 0.0) || Double.isInfinite(kappaEff)) {
            throw new InvalidInputException("kappaEff", "must be positive and finite, is " + kappaEff);
        }
    }

    /** Default base step (Fisher–Rao length at κ_eff = κ*). */
    public static final double DEFAULT_BASE_STEP = 0.05;

    /** A request with the default base step and a simulated second per step. */
    public static NavigationRequest of(String agentId, Basin start, Basin target, MovementReason reason, double kappaEff,
            int maxSteps) {
        return new NavigationRequest(agentId, start, target, reason, kappaEff, DEFAULT_BASE_STEP, maxSteps,
                Duration.ofSeconds(1));
    }
}
