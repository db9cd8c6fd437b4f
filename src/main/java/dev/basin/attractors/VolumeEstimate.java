package dev.basin.attractors;

/**
 * A Monte Carlo basin volume: {@code hits} of {@code samples} draws from the landscape's measure whose gradient flow
 * ended at the attractor, the fraction, and its 95% Wilson score interval [low, high].
 */
public record VolumeEstimate(int samples, int hits, double fraction, double low, double high) {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** The estimate for {@code hits} of {@code samples}, with the Wilson interval (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²))/(1 + z²/n). */
    public static VolumeEstimate of(int hits, int samples) {
        if (samples <= 0) {
            return new VolumeEstimate(0, 0, 0.0, 0.0, 1.0);
        }
        double n = samples;
        double p = hits / n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denom = 1 + z2 / n;
        // The interval contains p̂ exactly in real arithmetic; the clamps keep it so after rounding (p̂ = 0 or 1).
        double low = Math.max(0.0, Math.min(p, (centre - half) / denom));
        double high = Math.min(1.0, Math.max(p, (centre + half) / denom));
        return new VolumeEstimate(samples, hits, p, low, high);
    }
}
