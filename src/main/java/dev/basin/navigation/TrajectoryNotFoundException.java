package dev.basin.navigation;

import dev.basin.geometry.UnknownIdException;

/** A trajectory id that names no stored trajectory; {@link #field()} is the input that carried it. */
public final class TrajectoryNotFoundException extends UnknownIdException {
    private static final long serialVersionUID = 1L;

    public TrajectoryNotFoundException(String field, String problem) {
        super(field, problem, null);
    }
}
