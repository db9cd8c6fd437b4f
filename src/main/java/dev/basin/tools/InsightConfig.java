package dev.basin.tools;

import dev.basin.geometry.InvalidInputException;

/**
 * Thresholds of lightning insights (see {@code docs/tools.md}).
 *
 * @param maxDistance resonance needs d(a, b) &lt; maxDistance (Fisher–Rao, 2·arccos convention; default
 *     {@value #DEFAULT_MAX_DISTANCE})
 * @param minPhi and both sides' Φ ≥ minPhi (default {@value #DEFAULT_MIN_PHI})
 * @param phiThreshold an outcome is validated when ΔΦ ≥ phiThreshold, invalidated when ΔΦ ≤ −phiThreshold, else
 *     inconclusive (default {@value #DEFAULT_PHI_THRESHOLD})
 * @param learningScale λ of learning_value = w·(1 − exp(−|ΔΦ|/λ)) (default {@value #DEFAULT_LEARNING_SCALE})
 * @param minFalseRadius smallest radius of a false pattern class registered from an invalidated insight (default
 *     {@value #DEFAULT_MIN_FALSE_RADIUS})
 */
public record InsightConfig(double maxDistance, double minPhi, double phiThreshold, double learningScale,
        double minFalseRadius) {
    public static final double DEFAULT_MAX_DISTANCE = 0.9;
    public static final double DEFAULT_MIN_PHI = 0.05;
    public static final double DEFAULT_PHI_THRESHOLD = 0.01;
    public static final double DEFAULT_LEARNING_SCALE = 0.05;
    public static final double DEFAULT_MIN_FALSE_RADIUS = 0.1;

    public InsightConfig {
        if (!(maxDistance > 0.0 && maxDistance <= Math.PI)) {
            throw new InvalidInputException("maxDistance", "must be in (0, π], is " + maxDistance);
        }
        if (!(minPhi >= 0.0 && minPhi <= 1.0)) {
            throw new InvalidInputException("minPhi", "must be in [0, 1], is " + minPhi);
        }
        if (!(phiThreshold > 0.0 && phiThreshold <= 1.0)) {
            throw new InvalidInputException("phiThreshold", "must be in (0, 1], is " + phiThreshold);
        }
        if (!(learningScale > 0.0) || !Double.isFinite(learningScale)) {
            throw new InvalidInputException("learningScale", "must be finite and > 0, is " + learningScale);
        }
        if (!(minFalseRadius > 0.0 && minFalseRadius <= Math.PI)) {
            throw new InvalidInputException("minFalseRadius", "must be in (0, π], is " + minFalseRadius);
        }
    }

    public static InsightConfig defaults() {
        return new InsightConfig(DEFAULT_MAX_DISTANCE, DEFAULT_MIN_PHI, DEFAULT_PHI_THRESHOLD, DEFAULT_LEARNING_SCALE,
                DEFAULT_MIN_FALSE_RADIUS);
    }
}
