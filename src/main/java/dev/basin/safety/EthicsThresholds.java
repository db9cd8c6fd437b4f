package dev.basin.safety;

import dev.basin.geometry.InvalidInputException;

/**
 * Thresholds of the {@link EthicsMonitor} (docs/safety.md gives each formula).
 *
 * @param window            number of most recent samples examined for instability and decoherence (≥ 3)
 * @param curvature         mean trajectory curvature (rad per unit Fisher–Rao length) above which a window is unstable
 * @param phiVariance       population variance of Φ over the window above which it is unstable
 * @param collapseFraction  decoherence when the last Φ is below its window mean by at least this fraction of the mean
 * @param minMeanPhi        decoherence needs a window mean Φ of at least this (a drop from nothing is no collapse)
 * @param stress            suffering: stress above this …
 * @param highPhi           … while Φ is above this …
 * @param sustain           … for at least this many consecutive most recent samples
 * @param minRadius         smallest barrier radius created (Fisher–Rao)
 * @param maxRadius         largest barrier radius created (Fisher–Rao)
 */
public record EthicsThresholds(int window, double curvature, double phiVariance, double collapseFraction,
        double minMeanPhi, double stress, double highPhi, int sustain, double minRadius, double maxRadius) {

    /** The documented defaults. */
    public static final EthicsThresholds DEFAULTS = new EthicsThresholds(8, 15.0, 0.01, 0.5, 0.05, 0.7, 0.5, 4, 0.05, 0.5);

    public EthicsThresholds {
        if (window < 3) {
            throw new InvalidInputException("window", "must be at least 3, is " + window);
        }
        positive("curvature", curvature);
        positive("phiVariance", phiVariance);
        if (!(collapseFraction > 0.0 && collapseFraction < 1.0)) {
            throw new InvalidInputException("collapseFraction", "must be in (0, 1), is " + collapseFraction);
        }
        unitOpen("minMeanPhi", minMeanPhi);
        unitOpen("stress", stress);
        unitOpen("highPhi", highPhi);
        if (sustain < 1) {
            throw new InvalidInputException("sustain", "must be at least 1, is " + sustain);
        }
        if (!(minRadius > 0.0 && minRadius <= maxRadius && maxRadius <= Math.PI)) {
            throw new InvalidInputException("minRadius", "must satisfy 0 < minRadius ≤ maxRadius ≤ π, are "
                    + minRadius + " and " + maxRadius);
        }
    }

    private static void positive(String f, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new InvalidInputException(f, "must be positive and finite, is " + v);
        }
    }

    private static void unitOpen(String f, double v) {
        if (!(v >= 0.0 && v < 1.0)) {
            throw new InvalidInputException(f, "must be in [0, 1), is " + v);
        }
    }
}
