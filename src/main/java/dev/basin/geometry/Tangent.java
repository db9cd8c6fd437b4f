package dev.basin.geometry;

import java.util.Arrays;

/**
 * An immutable tangent vector at a base basin p, in the √-chart: v ∈ ℝ⁶⁴ with ⟨v, s⟩ = 0 (s = √p), whose Euclidean
 * norm ‖v‖ is the Fisher–Rao length it represents. Moving along v for its full length moves a sphere angle of ‖v‖/2
 * (see {@link FisherRao#exp(Basin, Tangent)}).
 *
 * <p>{@link #of(Basin, double[])} validates user input: 64 finite components, tangent to the base within
 * {@value #TANGENCY_TOLERANCE}·max(1, ‖v‖). Results of geometry operations are built without re-validation.
 */
public final class Tangent {
    /** Largest accepted |⟨v, s⟩| / max(1, ‖v‖) for a vector supplied by a caller. */
    public static final double TANGENCY_TOLERANCE = 1e-9;

    private final Basin base;
    private final double[] v;

    private Tangent(Basin base, double[] v) {
        this.base = base;
        this.v = v;
    }

    /** Validates and copies {@code components} as a tangent vector at {@code base}; errors name {@code tangent}. */
    public static Tangent of(Basin base, double[] components) {
        InvalidInputException.requirePresent("base", base);
        InvalidInputException.requirePresent("tangent", components);
        if (components.length != Basin.DIM) {
            throw new InvalidInputException("tangent", "must have " + Basin.DIM + " entries, has " + components.length);
        }
        double[] s = base.s();
        double dot = 0.0;
        double sq = 0.0;
        for (int i = 0; i < Basin.DIM; i++) {
            double c = components[i];
            if (!Double.isFinite(c)) {
                throw new InvalidInputException("tangent[" + i + "]", "is not finite: " + c);
            }
            dot += c * s[i];
            sq += c * c;
        }
        double norm = Math.sqrt(sq);
        if (Math.abs(dot) > TANGENCY_TOLERANCE * Math.max(1.0, norm)) {
            throw new InvalidInputException("tangent", "is not tangent at the base: <v, sqrt(p)> = " + dot);
        }
        return new Tangent(base, components.clone());
    }

    /** The zero vector at {@code base}. */
    public static Tangent zero(Basin base) {
        return new Tangent(base, new double[Basin.DIM]);
    }

    /** Wraps components the caller guarantees tangent and unshared. */
    static Tangent trusted(Basin base, double[] v) {
        return new Tangent(base, v);
    }

    /** The base point p. */
    public Basin base() {
        return base;
    }

    /** A fresh copy of the 64 components (√-chart). */
    public double[] components() {
        return v.clone();
    }

    /** Component {@code i}. */
    public double get(int i) {
        return v[i];
    }

    /** The Fisher–Rao length ‖v‖. */
    public double norm() {
        return Math.sqrt(dot(v, v));
    }

    /** The vector multiplied by finite {@code factor}. */
    public Tangent scale(double factor) {
        if (!Double.isFinite(factor)) {
            throw new InvalidInputException("factor", "is not finite: " + factor);
        }
        double[] r = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            r[i] = v[i] * factor;
        }
        return new Tangent(base, r);
    }

    /** The sum of two vectors at the same base. */
    public Tangent plus(Tangent other) {
        if (!other.base.equals(base)) {
            throw new InvalidInputException("tangent", "has a different base point; transport it first");
        }
        double[] r = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            r[i] = v[i] + other.v[i];
        }
        return new Tangent(base, r);
    }

    /** The Euclidean inner product ⟨v, w⟩ of two vectors at the same base (the Fisher metric in this chart). */
    public double dot(Tangent other) {
        if (!other.base.equals(base)) {
            throw new InvalidInputException("tangent", "has a different base point; transport it first");
        }
        return dot(v, other.v);
    }

    double[] raw() {
        return v;
    }

    static double dot(double[] a, double[] b) {
        double r = 0.0;
        for (int i = 0; i < a.length; i++) {
            r += a[i] * b[i];
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tangent t && t.base.equals(base) && Arrays.equals(v, t.v);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "Tangent" + Arrays.toString(v);
    }
}
