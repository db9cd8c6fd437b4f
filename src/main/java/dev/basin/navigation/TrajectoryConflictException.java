package dev.basin.navigation;

import dev.basin.geometry.ConflictException;

/**
 * A trajectory write refused by the trajectory's state: it is no longer active, a stop arrives before the previous
 * one, or a stop lies inside a forbidden ball. Nothing was written (apart from the barriers' prevention counts).
 */
public final class TrajectoryConflictException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public TrajectoryConflictException(String field, String problem) {
        super(field, problem);
    }
}
