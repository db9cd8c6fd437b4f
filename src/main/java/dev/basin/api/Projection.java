package dev.basin.api;

import dev.basin.geometry.Basin;

/**
 * The dashboard's fixed 2-D picture of the simplex: square-root coordinates s = √p projected onto the two orthonormal
 * directions u₁ᵢ = cos(2πi/64)/√32 and u₂ᵢ = sin(2πi/64)/√32 (i = 0..63), so x = ⟨s,u₁⟩, y = ⟨s,u₂⟩. Both are
 * orthogonal to the uniform basin's s, which lands at the origin; every basin lands in the unit disk. The projection
 * is fixed (not fitted to the data), so pictures from different refreshes and runs are comparable.
 *
 * <p>A Fisher–Rao ball d(p,c) &lt; r is the spherical cap ‖s − √c‖ &lt; 2·sin(r/4) (chord of the sphere angle r/2);
 * orthogonal projection is 1-Lipschitz, so the cap's shadow lies inside the disk of radius {@link #shadowRadius} about
 * the projected centre. The dashboard draws that disk.
 */
final class Projection {
    private static final double[] U1 = new double[Basin.DIM];
    private static final double[] U2 = new double[Basin.DIM];

    static {
        double norm = 1.0 / Math.sqrt(Basin.DIM / 2.0);
        for (int i = 0; i < Basin.DIM; i++) {
            U1[i] = Math.cos(2 * Math.PI * i / Basin.DIM) * norm;
            U2[i] = Math.sin(2 * Math.PI * i / Basin.DIM) * norm;
        }
    }

    private Projection() {}

    /** {x, y} of {@code b}. */
    static double[] of(Basin b) {
        double x = 0;
        double y = 0;
        for (int i = 0; i < Basin.DIM; i++) {
            double s = b.sqrt(i);
            x += s * U1[i];
            y += s * U2[i];
        }
        return new double[] {round(x), round(y)};
    }

    /** Radius of the disk that contains the shadow of a Fisher–Rao ball of radius {@code r}: 2·sin(r/4). */
    static double shadowRadius(double r) {
        return round(2 * Math.sin(r / 4));
    }

    private static double round(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }
}
