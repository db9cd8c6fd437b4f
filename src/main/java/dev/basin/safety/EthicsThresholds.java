package dev.basin.safety;

import dev.basin.geometry.InvalidInputException;
import java.util.Objects;

/**
 * Thresholds of the {@link EthicsMonitor} (docs/safety.md gives each formula), built by name:
 *
 * <pre>{@code
 * EthicsThresholds t = EthicsThresholds.builder().window(12).curvature(20.0).build();  // others at their defaults
 * }</pre>
 *
 * Each setter rejects a bad value at once, naming it; {@link Builder#build()} checks the combinations (minimum radius
 * not above the maximum). Unset values keep the documented defaults ({@link #DEFAULTS}): window 8 samples, curvature
 * 15 rad per unit length, Φ variance 0.01, collapse fraction 0.5 of a recent mean Φ of at least 0.05, suffering at
 * stress above 0.7 while Φ is above 0.5 for 4 samples, radii 0.05 to 0.5.
 */
public final class EthicsThresholds {
    /** The documented defaults. */
    public static final EthicsThresholds DEFAULTS = builder().build();

    private final int window;
    private final double curvature;
    private final double phiVariance;
    private final double collapseFraction;
    private final double minMeanPhi;
    private final double stress;
    private final double highPhi;
    private final int sustain;
    private final double minRadius;
    private final double maxRadius;

    private EthicsThresholds(Builder b) {
        this.window = b.window;
        this.curvature = b.curvature;
        this.phiVariance = b.phiVariance;
        this.collapseFraction = b.collapseFraction;
        this.minMeanPhi = b.minMeanPhi;
        this.stress = b.stress;
        this.highPhi = b.highPhi;
        this.sustain = b.sustain;
        this.minRadius = b.minRadius;
        this.maxRadius = b.maxRadius;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these thresholds. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.window = window;
        b.curvature = curvature;
        b.phiVariance = phiVariance;
        b.collapseFraction = collapseFraction;
        b.minMeanPhi = minMeanPhi;
        b.stress = stress;
        b.highPhi = highPhi;
        b.sustain = sustain;
        b.minRadius = minRadius;
        b.maxRadius = maxRadius;
        return b;
    }

    /** Number of most recent samples examined for instability and decoherence (≥ 3). */
    public int window() {
        return window;
    }

    /** Mean trajectory curvature (rad per unit Fisher–Rao length) above which a window is unstable. */
    public double curvature() {
        return curvature;
    }

    /** Population variance of Φ over the window above which it is unstable. */
    public double phiVariance() {
        return phiVariance;
    }

    /** Decoherence when the last Φ is below its window mean by at least this fraction of the mean. */
    public double collapseFraction() {
        return collapseFraction;
    }

    /** Decoherence needs a window mean Φ of at least this (a drop from nothing is no collapse). */
    public double minMeanPhi() {
        return minMeanPhi;
    }

    /** Suffering: stress above this … */
    public double stress() {
        return stress;
    }

    /** … while Φ is above this … */
    public double highPhi() {
        return highPhi;
    }

    /** … for at least this many consecutive most recent samples. */
    public int sustain() {
        return sustain;
    }

    /** Smallest barrier radius created (Fisher–Rao). */
    public double minRadius() {
        return minRadius;
    }

    /** Largest barrier radius created (Fisher–Rao). */
    public double maxRadius() {
        return maxRadius;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthicsThresholds t && window == t.window && sustain == t.sustain
                && Double.compare(curvature, t.curvature) == 0 && Double.compare(phiVariance, t.phiVariance) == 0
                && Double.compare(collapseFraction, t.collapseFraction) == 0
                && Double.compare(minMeanPhi, t.minMeanPhi) == 0 && Double.compare(stress, t.stress) == 0
                && Double.compare(highPhi, t.highPhi) == 0 && Double.compare(minRadius, t.minRadius) == 0
                && Double.compare(maxRadius, t.maxRadius) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, curvature, phiVariance, collapseFraction, minMeanPhi, stress, highPhi, sustain,
                minRadius, maxRadius);
    }

    @Override
    public String toString() {
        return "EthicsThresholds{window=" + window + ", curvature=" + curvature + ", phiVariance=" + phiVariance
                + ", collapseFraction=" + collapseFraction + ", minMeanPhi=" + minMeanPhi + ", stress=" + stress
                + ", highPhi=" + highPhi + ", sustain=" + sustain + ", minRadius=" + minRadius + ", maxRadius="
                + maxRadius + "}";
    }

    /** Named setters over the defaults; each rejects a bad value at once, naming the threshold. */
    public static final class Builder {
        private int window = 8;
        private double curvature = 15.0;
        private double phiVariance = 0.01;
        private double collapseFraction = 0.5;
        private double minMeanPhi = 0.05;
        private double stress = 0.7;
        private double highPhi = 0.5;
        private int sustain = 4;
        private double minRadius = 0.05;
        private double maxRadius = 0.5;

        private Builder() {}

        public Builder window(int samples) {
            if (samples < 3) {
                throw new InvalidInputException("window", "must be at least 3, is " + samples);
            }
            this.window = samples;
            return this;
        }

        public Builder curvature(double radPerLength) {
            this.curvature = positive("curvature", radPerLength);
            return this;
        }

        public Builder phiVariance(double variance) {
            this.phiVariance = positive("phiVariance", variance);
            return this;
        }

        public Builder collapseFraction(double fraction) {
            if (!(fraction > 0.0 && fraction < 1.0)) {
                throw new InvalidInputException("collapseFraction", "must be in (0, 1), is " + fraction);
            }
            this.collapseFraction = fraction;
            return this;
        }

        public Builder minMeanPhi(double phi) {
            this.minMeanPhi = unitOpen("minMeanPhi", phi);
            return this;
        }

        public Builder stress(double level) {
            this.stress = unitOpen("stress", level);
            return this;
        }

        public Builder highPhi(double phi) {
            this.highPhi = unitOpen("highPhi", phi);
            return this;
        }

        public Builder sustain(int samples) {
            if (samples < 1) {
                throw new InvalidInputException("sustain", "must be at least 1, is " + samples);
            }
            this.sustain = samples;
            return this;
        }

        public Builder minRadius(double radius) {
            this.minRadius = radius("minRadius", radius);
            return this;
        }

        public Builder maxRadius(double radius) {
            this.maxRadius = radius("maxRadius", radius);
            return this;
        }

        /** The thresholds; the minimum radius must not exceed the maximum. */
        public EthicsThresholds build() {
            if (minRadius > maxRadius) {
                throw new InvalidInputException("minRadius", "must not exceed maxRadius " + maxRadius + ", is "
                        + minRadius);
            }
            return new EthicsThresholds(this);
        }

        private static double positive(String f, double v) {
            if (!(v > 0.0) || Double.isInfinite(v)) {
                throw new InvalidInputException(f, "must be positive and finite, is " + v);
            }
            return v;
        }

        private static double unitOpen(String f, double v) {
            if (!(v >= 0.0 && v < 1.0)) {
                throw new InvalidInputException(f, "must be in [0, 1), is " + v);
            }
            return v;
        }

        private static double radius(String f, double v) {
            if (!(v > 0.0 && v <= Math.PI)) {
                throw new InvalidInputException(f, "must be in (0, π], is " + v);
            }
            return v;
        }
    }
}
