package dev.basin.geometry;

/**
 * The result of {@link FisherRao#exp(Basin, Tangent)}: the point reached and the fraction of the requested step that
 * was taken. {@code fraction} is 1 unless the step would have left the simplex, in which case the move stopped on the
 * boundary (some coordinate became 0) after {@code fraction}·‖v‖ of Fisher–Rao length.
 */
public record ExpResult(Basin basin, double fraction) {
    /** True when the step was cut short at the boundary of the simplex. */
    public boolean stoppedAtBoundary() {
        return fraction < 1.0;
    }
}
