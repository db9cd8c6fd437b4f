package dev.basin.attractors;

import dev.basin.store.StoredName;

/** Kind of critical point, from the signs of the Riemannian Hessian's eigenvalues. */
public enum AttractorType implements StoredName {
    /** All eigenvalues > 0: a minimum of U. */
    STABLE,
    /** All eigenvalues < 0: a maximum of U. */
    UNSTABLE,
    /** Mixed signs. */
    SADDLE
}
