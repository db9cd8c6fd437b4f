package dev.basin.geometry;

/**
 * The pure maths of a fitted coordizer's projection: a non-negative weight vector w ∈ ℝ⁶⁴ over the topics of a
 * model, found by non-negative least squares, and its basin under the √-map.
 *
 * <ul>
 *   <li>{@link #nnls}: w = argmin_{w ≥ 0} ‖x − Hᵀw‖², given only the Gram matrix G = HHᵀ and b = Hx (the objective is
 *       ½wᵀGw − bᵀw + const). Cyclic coordinate descent, wᵢ ← max(0, wᵢ + (bᵢ − (Gw)ᵢ)/Gᵢᵢ), from w = 0, a fixed
 *       number of sweeps or until no coordinate moves by more than {@code 1e-12·max(w)}: every step is a
 *       deterministic function of (G, b), so the same input gives bit-identical output on every machine.</li>
 *   <li>{@link #sqrtMap}: p = (1 − ε)·(w/‖w‖)² + ε/64. Without the smoothing, √p = w/‖w‖ and the Fisher–Rao
 *       distance 2·arccos Σ√(pᵢqᵢ) is exactly twice the angle between two weight vectors; the smoothing ε keeps every
 *       entry ≥ ε/64 &gt; 0 (so the logarithmic maps stay finite) and moves no basin by more than a Fisher–Rao length
 *       of 2·arccos√(1 − ε) ≈ √ε·… (Σ√(pᵢ((1−ε)pᵢ + ε/64)) ≥ √(1 − ε)). w = 0 (a text with no known word) gives the uniform basin.</li>
 * </ul>
 */
public final class TopicMixture {
    /** Largest number of coordinate-descent sweeps of {@link #nnls}. */
    public static final int MAX_SWEEPS = 200;

    private TopicMixture() {}

    /**
     * Non-negative least squares in Gram form: {@code gram} is k×k row-major (symmetric, positive diagonal), {@code b}
     * has k entries. Returns w ≥ 0 (all zero when b ≤ 0 everywhere).
     */
    public static double[] nnls(double[] gram, double[] b, int sweeps) {
        int k = b.length;
        if (gram.length != k * k) {
            throw new InvalidInputException("gram", "must have " + k * k + " entries, has " + gram.length);
        }
        double[] w = new double[k];
        double[] gw = new double[k]; // G·w, kept up to date
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double maxStep = 0.0;
            double maxW = 0.0;
            for (int i = 0; i < k; i++) {
                double gii = gram[i * k + i];
                if (!(gii > 0.0)) {
                    continue;
                }
                double next = Math.max(0.0, w[i] + (b[i] - gw[i]) / gii);
                double delta = next - w[i];
                if (delta != 0.0) {
                    w[i] = next;
                    int row = i * k;
                    for (int j = 0; j < k; j++) {
                        gw[j] += gram[row + j] * delta;
                    }
                    maxStep = Math.max(maxStep, Math.abs(delta));
                }
                maxW = Math.max(maxW, w[i]);
            }
            if (maxStep <= 1e-12 * maxW) {
                break;
            }
        }
        return w;
    }

    /**
     * The basin p = (1 − ε)·(w/‖w‖)² + ε/64 of non-negative weights {@code w} (64 of them); the uniform basin when w
     * is all zero. {@code epsilon} in [0, 1).
     */
    public static Basin sqrtMap(double[] w, double epsilon) {
        if (w.length != Basin.DIM) {
            throw new InvalidInputException("w", "must have " + Basin.DIM + " entries, has " + w.length);
        }
        if (!(epsilon >= 0.0 && epsilon < 1.0)) {
            throw new InvalidInputException("epsilon", "must be in [0, 1), is " + epsilon);
        }
        double norm2 = 0.0;
        for (double v : w) {
            if (!(v >= 0.0) || !Double.isFinite(v)) {
                throw new InvalidInputException("w", "must be finite and non-negative, has " + v);
            }
            norm2 += v * v;
        }
        if (norm2 == 0.0) {
            return Basin.uniform();
        }
        double[] p = new double[Basin.DIM];
        double sum = 0.0;
        for (int i = 0; i < Basin.DIM; i++) {
            p[i] = (1.0 - epsilon) * (w[i] * w[i] / norm2) + epsilon / Basin.DIM;
            sum += p[i];
        }
        for (int i = 0; i < Basin.DIM; i++) {
            p[i] /= sum; // removes the rounding drift so the basin invariant holds as validated
        }
        return Basin.trusted(p);
    }
}
