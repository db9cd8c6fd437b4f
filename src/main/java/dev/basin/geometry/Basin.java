package dev.basin.geometry;

import java.util.Arrays;

/**
 * A point of the probability simplex Δ⁶³: 64 finite, non-negative doubles summing to 1 within {@value #SUM_TOLERANCE}.
 *
 * <p>Immutable and always valid. {@link #of(double...)} copies and validates, rejecting anything else with an
 * {@link InvalidInputException} that names the index and the rule; {@link #normalize(double...)} is the one lenient
 * entry, dividing non-negative weights by their sum. Negative entries are never clipped.
 *
 * <p>Square-root coordinates s = √p (a unit vector on S⁶³) are computed once and kept, since every Fisher–Rao
 * operation works in them.
 */
public final class Basin {
    /** Dimension of every basin. */
    public static final int DIM = 64;
    /** Largest accepted |Σp − 1|. */
    public static final double SUM_TOLERANCE = 1e-9;

    private static final Basin UNIFORM = normalize(filled(1.0));

    private final double[] p;
    private final double[] s;

    private Basin(double[] p, double[] s) {
        this.p = p;
        this.s = s;
    }

    /** Validates and copies {@code values}; errors name the field {@code basin}. */
    public static Basin of(double... values) {
        return of("basin", values);
    }

    /** Validates and copies {@code values}; errors name {@code field}, e.g. {@code "p[12] is negative: -1.0E-9"}. */
    public static Basin of(String field, double[] values) {
        InvalidInputException.requirePresent(field, values);
        if (values.length != DIM) {
            throw new InvalidInputException(field, "must have " + DIM + " entries, has " + values.length);
        }
        double sum = 0.0;
        for (int i = 0; i < DIM; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(field + "[" + i + "]", "is not finite: " + v);
            }
            if (v < 0.0) {
                throw new InvalidInputException(field + "[" + i + "]", "is negative: " + v);
            }
            sum += v;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new InvalidInputException(field, "must sum to 1 within " + SUM_TOLERANCE + ", sums to " + sum);
        }
        return trusted(values.clone());
    }

    /**
     * Divides non-negative finite weights by their sum. Rejects negative or non-finite entries and a zero sum; never
     * clips.
     */
    public static Basin normalize(double... weights) {
        return normalize("weights", weights);
    }

    /** As {@link #normalize(double...)}, naming {@code field} in errors. */
    public static Basin normalize(String field, double[] weights) {
        InvalidInputException.requirePresent(field, weights);
        if (weights.length != DIM) {
            throw new InvalidInputException(field, "must have " + DIM + " entries, has " + weights.length);
        }
        double sum = 0.0;
        for (int i = 0; i < DIM; i++) {
            double v = weights[i];
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(field + "[" + i + "]", "is not finite: " + v);
            }
            if (v < 0.0) {
                throw new InvalidInputException(field + "[" + i + "]", "is negative: " + v);
            }
            sum += v;
        }
        if (!(sum > 0.0) || !Double.isFinite(sum)) {
            throw new InvalidInputException(field, "must have a positive finite sum, sums to " + sum);
        }
        double[] p = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            p[i] = weights[i] / sum;
        }
        return trusted(p);
    }

    /** The uniform basin, every entry 1/64. */
    public static Basin uniform() {
        return UNIFORM;
    }

    /** The point mass on index {@code i}. */
    public static Basin pointMass(int i) {
        if (i < 0 || i >= DIM) {
            throw new InvalidInputException("index", "must be in [0, " + (DIM - 1) + "], is " + i);
        }
        double[] p = new double[DIM];
        p[i] = 1.0;
        return trusted(p);
    }

    /** Wraps an array the caller guarantees valid and unshared (results of geometry operations). */
    static Basin trusted(double[] p) {
        double[] s = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            s[i] = Math.sqrt(p[i]);
        }
        return new Basin(p, s);
    }

    /** Builds the basin p = s² from square-root coordinates the caller guarantees unit-norm and non-negative. */
    static Basin fromSqrtTrusted(double[] s) {
        double[] p = new double[DIM];
        double sum = 0.0;
        for (int i = 0; i < DIM; i++) {
            p[i] = s[i] * s[i];
            sum += p[i];
        }
        // Remove the rounding drift of s² so the result satisfies the basin invariant exactly as validated.
        for (int i = 0; i < DIM; i++) {
            p[i] /= sum;
        }
        return trusted(p);
    }

    /** The probability at index {@code i}. */
    public double get(int i) {
        return p[i];
    }

    /** The square-root coordinate √pᵢ. */
    public double sqrt(int i) {
        return s[i];
    }

    /** A fresh copy of the 64 probabilities. */
    public double[] toArray() {
        return p.clone();
    }

    /** A fresh copy of the square-root coordinates (a unit vector in the positive orthant of S⁶³). */
    public double[] toSqrtArray() {
        return s.clone();
    }

    /** Copies the probabilities into {@code dst} at {@code offset} (bulk paths avoid an allocation per basin). */
    public void copyTo(double[] dst, int offset) {
        System.arraycopy(p, 0, dst, offset, DIM);
    }

    /** Copies the square-root coordinates into {@code dst} at {@code offset}. */
    public void copySqrtTo(double[] dst, int offset) {
        System.arraycopy(s, 0, dst, offset, DIM);
    }

    /** Internal read-only views for the geometry package; never exposed. */
    double[] p() {
        return p;
    }

    double[] s() {
        return s;
    }

    private static double[] filled(double v) {
        double[] a = new double[DIM];
        Arrays.fill(a, v);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Basin other && Arrays.equals(p, other.p);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(p);
    }

    @Override
    public String toString() {
        return "Basin" + Arrays.toString(p);
    }
}
