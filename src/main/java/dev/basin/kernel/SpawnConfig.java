package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;

/**
 * Spawn criteria: the parent is awake, has at least {@code minStableAttractors} distinct stable attractors and
 * Φ ≥ {@code minPhi}, its generation is below {@code maxGeneration}, and its session holds fewer than
 * {@code maxKernelsPerSession} kernels.
 */
public record SpawnConfig(int minStableAttractors, double minPhi, int maxKernelsPerSession, int maxGeneration) {
    public SpawnConfig {
        if (minStableAttractors < 1) {
            throw new InvalidInputException("minStableAttractors", "must be ≥ 1, is " + minStableAttractors);
        }
        if (!(minPhi >= 0.0 && minPhi <= 1.0)) {
            throw new InvalidInputException("minPhi", "must be in [0, 1], is " + minPhi);
        }
        if (maxKernelsPerSession < 2) {
            throw new InvalidInputException("maxKernelsPerSession", "must be ≥ 2, is " + maxKernelsPerSession);
        }
        if (maxGeneration < 1) {
            throw new InvalidInputException("maxGeneration", "must be ≥ 1, is " + maxGeneration);
        }
    }

    /** ≥ 2 stable attractors, Φ ≥ 0.05, at most 8 kernels per session, generations 0–3 may spawn. */
    public static SpawnConfig defaults() {
        return new SpawnConfig(2, 0.05, 8, 4);
    }
}
