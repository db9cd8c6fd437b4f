package dev.basin.rag;

import dev.basin.geometry.InvalidInputException;

/**
 * A caller named a row that does not exist (e.g. {@code uploadId is unknown: rag_…}). A kind of bad input: nothing is
 * written. Shared by the feature packages above {@code rag} (knowledge, tools).
 */
public class UnknownIdException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownIdException(String field, String id) {
        super(field, "is unknown: " + id);
    }
}
