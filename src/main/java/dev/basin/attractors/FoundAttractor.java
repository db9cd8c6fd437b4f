package dev.basin.attractors;

import dev.basin.geometry.Basin;

/**
 * A critical point of the potential as the finder returns it: where it is, what kind it is (from the Hessian
 * eigenvalues: {@code stabilityMetric} = the smallest, {@code maxEigenvalue} the largest, {@code negativeEigenvalues}
 * how many are < 0), U and ‖grad U‖ there, its basin volume, how many descents ({@code iterations} = the most any
 * needed) ended here, and how it was found.
 */
public record FoundAttractor(
        Basin basin,
        AttractorType type,
        double stabilityMetric,
        double maxEigenvalue,
        int negativeEigenvalues,
        double potential,
        double gradientNorm,
        VolumeEstimate volume,
        int startsMerged,
        int iterations,
        DiscoveryMethod method) {

    /** This attractor re-labelled with another discovery method (e.g. {@code sleep}). */
    public FoundAttractor withMethod(DiscoveryMethod m) {
        return new FoundAttractor(basin, type, stabilityMetric, maxEigenvalue, negativeEigenvalues, potential,
                gradientNorm, volume, startsMerged, iterations, m);
    }
}
