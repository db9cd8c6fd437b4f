package dev.basin.geometry;

/**
 * A caller named a row that does not exist, e.g. {@code checkpointId is unknown: ckpt_00…}. A kind of bad input:
 * nothing is written. The REST API answers 404 for it, the CLI exits 2. The one type every feature throws for an
 * unknown id.
 */
public class UnknownIdException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** {@code field is unknown: id}. */
    public UnknownIdException(String field, String id) {
        super(field, "is unknown: " + id);
    }

    /** An unknown id whose problem is worded by the caller, e.g. {@code is an unknown kernel: krn_…}. */
    public static UnknownIdException worded(String field, String problem) {
        return new UnknownIdException(field, problem, null);
    }

    /** For a subtype that words its own problem (e.g. {@code is an unknown trajectory: traj_…}). */
    protected UnknownIdException(String field, String problem, Void worded) {
        super(field, problem);
    }
}
