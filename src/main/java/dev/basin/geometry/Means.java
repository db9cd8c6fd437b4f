package dev.basin.geometry;

import java.util.List;

/**
 * Weighted means of basins.
 *
 * <p>{@link #karcher} is the Fréchet (Karcher) mean, the minimiser of Σ wᵢ d(m, pᵢ)²: starting from the extrinsic
 * mean it iterates m ← exp_m(Σ wᵢ log_m(pᵢ)) until ‖Σ wᵢ log_m(pᵢ)‖ &lt; {@value #TOLERANCE} or
 * {@value #MAX_ITERATIONS} iterations. All basins lie in the positive orthant of the sphere, one open hemisphere, so
 * the mean is unique. {@link #extrinsic} is the fast approximation: normalised Σ wᵢ√pᵢ, squared.
 *
 * <p>Weights: null means equal weights 1/n; otherwise one finite, non-negative weight per point, summing to 1 within
 * {@value #WEIGHT_SUM_TOLERANCE}. Weights are not renormalised; weights that do not sum to 1 are rejected.
 */
public final class Means {
    /** Stop when the Riemannian gradient norm falls below this. */
    public static final double TOLERANCE = 1e-12;
    /** Iteration cap for the Karcher mean. */
    public static final int MAX_ITERATIONS = 100;
    /** Largest accepted |Σw − 1|. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    /** A Karcher mean and the number of exp updates it took (0 when the start was already the mean). */
    public record Mean(Basin basin, int iterations) {}

    private Means() {}

    /** The weighted Fréchet (Karcher) mean; {@code weights} may be null for equal weights. */
    public static Mean karcher(List<Basin> points, double[] weights) {
        double[] w = checkedWeights(points, weights);
        Basin first = points.get(0);
        boolean allEqual = true;
        for (Basin b : points) {
            allEqual &= b.equals(first);
        }
        if (allEqual) {
            return new Mean(first, 0);
        }
        Basin m = extrinsic(points, w);
        int n = points.size();
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] g = new double[Basin.DIM];
            for (int j = 0; j < n; j++) {
                if (w[j] == 0.0) {
                    continue;
                }
                double[] l = FisherRao.log(m, points.get(j)).raw();
                for (int i = 0; i < Basin.DIM; i++) {
                    g[i] += w[j] * l[i];
                }
            }
            if (Math.sqrt(Tangent.dot(g, g)) < TOLERANCE) {
                return new Mean(m, it);
            }
            m = FisherRao.exp(m, Tangent.trusted(m, g)).basin();
        }
        return new Mean(m, MAX_ITERATIONS);
    }

    /** The extrinsic mean: s = Σ wᵢ√pᵢ / ‖Σ wᵢ√pᵢ‖, p = s². {@code weights} may be null for equal weights. */
    public static Basin extrinsic(List<Basin> points, double[] weights) {
        double[] w = checkedWeights(points, weights);
        double[] r = new double[Basin.DIM];
        for (int j = 0; j < points.size(); j++) {
            double[] s = points.get(j).s();
            for (int i = 0; i < Basin.DIM; i++) {
                r[i] += w[j] * s[i];
            }
        }
        double norm = Math.sqrt(Tangent.dot(r, r));
        for (int i = 0; i < Basin.DIM; i++) {
            r[i] /= norm;
        }
        return Basin.fromSqrtTrusted(r);
    }

    private static double[] checkedWeights(List<Basin> points, double[] weights) {
        InvalidInputException.requirePresent("points", points);
        if (points.isEmpty()) {
            throw new InvalidInputException("points", "must not be empty");
        }
        for (int j = 0; j < points.size(); j++) {
            InvalidInputException.requirePresent("points[" + j + "]", points.get(j));
        }
        int n = points.size();
        if (weights == null) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0 / n);
            return w;
        }
        if (weights.length != n) {
            throw new InvalidInputException("weights", "must have one entry per point (" + n + "), has " + weights.length);
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            double v = weights[j];
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("weights[" + j + "]", "is not finite: " + v);
            }
            if (v < 0.0) {
                throw new InvalidInputException("weights[" + j + "]", "is negative: " + v);
            }
            sum += v;
        }
        if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new InvalidInputException("weights", "must sum to 1 within " + WEIGHT_SUM_TOLERANCE + ", sums to " + sum);
        }
        return weights.clone();
    }
}
