package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;

/** A caller named a row that does not exist, e.g. {@code checkpoint_id is unknown: ckpt_00…}. */
public final class UnknownIdException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownIdException(String field, String id) {
        super(field, "is unknown: " + id);
    }
}
