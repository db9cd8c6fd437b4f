package dev.basin.attractors;

import dev.basin.geometry.InvalidInputException;

/** Kind of critical point, from the signs of the Riemannian Hessian's eigenvalues. */
public enum AttractorType {
    /** All eigenvalues > 0: a minimum of U. */
    STABLE,
    /** All eigenvalues < 0: a maximum of U. */
    UNSTABLE,
    /** Mixed signs. */
    SADDLE;

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the stored name; unknown names are rejected naming {@code field}. */
    public static AttractorType parse(String field, String value) {
        for (AttractorType t : values()) {
            if (t.sqlName().equals(value)) {
                return t;
            }
        }
        throw new InvalidInputException(field, "must be one of stable, unstable, saddle, is " + value);
    }
}
