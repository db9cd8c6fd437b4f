package dev.basin.attractors;

import dev.basin.geometry.Basin;

/**
 * Allocation-light Fisher–Rao arithmetic on square-root coordinates (unit vectors s = √p of S⁶³) for the hot loops of
 * gradient flow. Same conventions as {@code geometry.FisherRao}: d = 2θ with θ = 2·asin(‖s−t‖/2) the sphere angle;
 * tangent vectors v ⊥ s with ‖v‖ = the Fisher–Rao length; exp_s(v) = cos(‖v‖/2)s + sin(‖v‖/2)v/‖v‖.
 */
final class Sphere {
    static final int DIM = Basin.DIM;

    private Sphere() {}

    static double[] sqrt(Basin b) {
        double[] s = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            s[i] = b.sqrt(i);
        }
        return s;
    }

    static Basin toBasin(double[] s) {
        double[] p = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            p[i] = s[i] * s[i];
        }
        return Basin.normalize("basin", p);
    }

    static double dot(double[] a, double[] b) {
        double acc = 0.0;
        for (int i = 0; i < DIM; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * Sphere angle θ = 2·asin(‖s − t‖/2) between unit vectors, in the stable asin form: half the Fisher–Rao distance
     * from the chord² ({@code FisherRao.distanceFromChordSquared}, fdlibm's asin rational, error &lt; 1 ulp, cheaper
     * than {@code Math.asin}; the potential's gradient evaluates it once per well).
     */
    static double angle(double[] s, double[] t) {
        double acc = 0.0;
        for (int i = 0; i < DIM; i++) {
            double d = s[i] - t[i];
            acc += d * d;
        }
        return 0.5 * dev.basin.geometry.FisherRao.distanceFromChordSquared(acc);
    }

    /** Fisher–Rao distance d = 2θ. */
    static double distance(double[] s, double[] t) {
        return 2.0 * angle(s, t);
    }

    /**
     * Adds {@code factor · log_s(t)} to {@code out}, θ = angle(s, t) given. The direction t − cos θ·s is formed as
     * (t − s) + 2sin²(θ/2)·s, which keeps its precision for tiny θ.
     */
    static void addLog(double[] s, double[] t, double theta, double factor, double[] out, double[] scratch) {
        if (theta == 0.0 || !direction(s, t, theta, scratch)) {
            return;
        }
        double scale = factor * 2.0 * theta;
        for (int i = 0; i < DIM; i++) {
            out[i] += scale * scratch[i];
        }
    }

    /**
     * The unit tangent vector at s pointing toward t (θ = angle(s, t) > 0) into {@code out}; false (out undefined)
     * when it vanishes numerically.
     */
    static boolean direction(double[] s, double[] t, double theta, double[] out) {
        double sh = Math.sin(theta / 2.0);
        double c = 2.0 * sh * sh;
        double nrm = 0.0;
        for (int i = 0; i < DIM; i++) {
            double v = (t[i] - s[i]) + c * s[i];
            out[i] = v;
            nrm += v * v;
        }
        nrm = Math.sqrt(nrm);
        if (nrm == 0.0) {
            return false;
        }
        for (int i = 0; i < DIM; i++) {
            out[i] /= nrm;
        }
        return true;
    }

    /** Removes the component of {@code v} along the unit vector {@code s} (projection onto T_s). */
    static void project(double[] s, double[] v) {
        double a = dot(s, v);
        for (int i = 0; i < DIM; i++) {
            v[i] -= a * s[i];
        }
    }

    /**
     * exp_s(v) into {@code out}, renormalised against rounding. Returns false (out undefined) if the step leaves the
     * positive orthant, i.e. the simplex; callers then shorten the step.
     */
    static boolean exp(double[] s, double[] v, double[] out) {
        double len = norm(v);
        if (len == 0.0) {
            System.arraycopy(s, 0, out, 0, DIM);
            return true;
        }
        double c = Math.cos(len / 2.0);
        double k = Math.sin(len / 2.0) / len;
        double nrm = 0.0;
        for (int i = 0; i < DIM; i++) {
            double x = c * s[i] + k * v[i];
            if (x < 0.0) {
                if (x < -1e-15) {
                    return false;
                }
                x = 0.0;
            }
            out[i] = x;
            nrm += x * x;
        }
        nrm = Math.sqrt(nrm);
        for (int i = 0; i < DIM; i++) {
            out[i] /= nrm;
        }
        return true;
    }
}
