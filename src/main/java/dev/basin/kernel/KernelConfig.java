package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;

/**
 * Kernel settings: the base navigation step (Fisher–Rao length at κ_eff = κ*), the trajectory window emotions are
 * read from, and the distance under which the kernel counts as arrived.
 */
public record KernelConfig(double baseStep, int emotionWindow, double arrivalTolerance) {
    public KernelConfig {
        if (!(baseStep > 0.0) || baseStep > Math.PI) {
            throw new InvalidInputException("baseStep", "must be in (0, π], is " + baseStep);
        }
        if (emotionWindow < 3) {
            throw new InvalidInputException("emotionWindow", "must be ≥ 3, is " + emotionWindow);
        }
        if (!(arrivalTolerance >= 0.0)) {
            throw new InvalidInputException("arrivalTolerance", "must be ≥ 0, is " + arrivalTolerance);
        }
    }

    /** Base step 0.05, window of 9 points, arrival within 1e-9. */
    public static KernelConfig defaults() {
        return new KernelConfig(0.05, 9, 1e-9);
    }
}
