package dev.basin.geometry;

/**
 * A request that is well formed but conflicts with stored state, e.g. {@code barrierId is already inactive: …} or a
 * tool name already registered. Nothing is written. The REST API answers 409 for it, the CLI exits 2.
 */
public class ConflictException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String field, String problem) {
        super(field, problem);
    }
}
