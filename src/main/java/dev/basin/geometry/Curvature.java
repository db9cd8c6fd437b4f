package dev.basin.geometry;

import java.util.List;

/**
 * Curvature of a discrete trajectory (not of the manifold, whose sectional curvature is the constant 1/4).
 *
 * <p>At each interior point xᵢ: the incoming direction log_{xᵢ₋₁}(xᵢ) is parallel-transported to xᵢ and compared with
 * the outgoing direction log_{xᵢ}(xᵢ₊₁). The turning angle α (computed stably as 2·atan2(‖a − b‖, ‖a + b‖) for the
 * unit vectors a, b) is divided by the mean of the two segment lengths: κᵢ = α / ((dᵢ₋₁,ᵢ + dᵢ,ᵢ₊₁)/2), in radians per
 * unit of Fisher–Rao length. A geodesic path has curvature 0. A point where either segment has length 0 (the
 * trajectory pauses) has no direction to compare and is given curvature 0.
 */
public final class Curvature {
    private Curvature() {}

    /** κ at each interior point of the trajectory: an array of length max(0, n − 2). */
    public static double[] of(List<Basin> trajectory) {
        InvalidInputException.requirePresent("trajectory", trajectory);
        int n = trajectory.size();
        if (n < 3) {
            return new double[0];
        }
        double[] k = new double[n - 2];
        for (int i = 1; i < n - 1; i++) {
            Basin prev = trajectory.get(i - 1);
            Basin here = trajectory.get(i);
            Basin next = trajectory.get(i + 1);
            double dIn = FisherRao.distance(prev, here);
            double dOut = FisherRao.distance(here, next);
            if (dIn == 0.0 || dOut == 0.0) {
                continue;
            }
            Tangent in = FisherRao.transport(FisherRao.log(prev, here), here);
            Tangent out = FisherRao.log(here, next);
            k[i - 1] = angleBetween(in.raw(), out.raw()) / ((dIn + dOut) / 2.0);
        }
        return k;
    }

    /** The largest curvature along the trajectory; 0 for fewer than 3 points. */
    public static double max(List<Basin> trajectory) {
        double m = 0.0;
        for (double k : of(trajectory)) {
            m = Math.max(m, k);
        }
        return m;
    }

    private static double angleBetween(double[] a, double[] b) {
        double na = Math.sqrt(Tangent.dot(a, a));
        double nb = Math.sqrt(Tangent.dot(b, b));
        double diff = 0.0;
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] / na;
            double y = b[i] / nb;
            diff += (x - y) * (x - y);
            sum += (x + y) * (x + y);
        }
        return 2.0 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
    }
}
