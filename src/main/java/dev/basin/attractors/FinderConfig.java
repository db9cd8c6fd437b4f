package dev.basin.attractors;

import dev.basin.geometry.InvalidInputException;

/**
 * Settings of the attractor finder (defaults in {@link #defaults()}): random Dirichlet(1) starts added to the well
 * centres, the gradient-norm stopping tolerance, the merge tolerance (Fisher–Rao), the iteration cap, the longest
 * single step, the Monte Carlo sample count for basin volumes and the gradient tolerance of those cheaper flows, and
 * the distance within which a flow's end is assigned to a found attractor, and how many nearest wells of each well the
 * saddle search pairs it with.
 */
public record FinderConfig(
        int randomStarts,
        double gradientTolerance,
        double mergeTolerance,
        int maxIterations,
        double maxStep,
        int volumeSamples,
        double volumeGradientTolerance,
        double assignTolerance,
        int saddleNeighbours) {

    public FinderConfig {
        positive("randomStarts", randomStarts >= 0, randomStarts);
        positive("gradientTolerance", gradientTolerance > 0 && Double.isFinite(gradientTolerance), gradientTolerance);
        positive("mergeTolerance", mergeTolerance > 0 && mergeTolerance < Math.PI, mergeTolerance);
        positive("maxIterations", maxIterations > 0, maxIterations);
        positive("maxStep", maxStep > 0 && maxStep <= Math.PI, maxStep);
        positive("volumeSamples", volumeSamples >= 0, volumeSamples);
        positive("volumeGradientTolerance", volumeGradientTolerance > 0, volumeGradientTolerance);
        positive("assignTolerance", assignTolerance > 0 && assignTolerance < Math.PI, assignTolerance);
        positive("saddleNeighbours", saddleNeighbours >= 1, saddleNeighbours);
    }

    private static void positive(String field, boolean ok, Object value) {
        if (!ok) {
            throw new InvalidInputException(field, "is out of range: " + value);
        }
    }

    /** 16 random starts, ‖g‖ < 1e-8, merge within 1e-4, 5000 iterations, steps ≤ 0.5, 1000 volume samples
     *  (flows to ‖g‖ < 1e-6), assignment within 1e-3, saddles searched between each well and its 4 nearest wells. */
    public static FinderConfig defaults() {
        return new FinderConfig(16, 1e-8, 1e-4, 5000, 0.5, 1000, 1e-6, 1e-3, 4);
    }

    public FinderConfig withVolumeSamples(int n) {
        return new FinderConfig(randomStarts, gradientTolerance, mergeTolerance, maxIterations, maxStep, n,
                volumeGradientTolerance, assignTolerance, saddleNeighbours);
    }

    public FinderConfig withRandomStarts(int n) {
        return new FinderConfig(n, gradientTolerance, mergeTolerance, maxIterations, maxStep, volumeSamples,
                volumeGradientTolerance, assignTolerance, saddleNeighbours);
    }

    public FinderConfig withSaddleNeighbours(int k) {
        return new FinderConfig(randomStarts, gradientTolerance, mergeTolerance, maxIterations, maxStep, volumeSamples,
                volumeGradientTolerance, assignTolerance, k);
    }
}
