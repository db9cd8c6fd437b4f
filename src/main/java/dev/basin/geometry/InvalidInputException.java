package dev.basin.geometry;

/**
 * Input that breaks a documented rule: names the offending field and the problem, so the caller can fix it.
 * Every entry point (library, CLI, REST) raises or maps this before anything touches the database.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /**
     * Returns {@code value}, or throws "{@code field} is missing" when it is null: the one check that a required
     * argument is there.
     */
    public static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing");
        }
        return value;
    }

    /** The field (or path within a request, such as {@code points[3][12]}) that is wrong. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field name. */
    public String problem() {
        return problem;
    }
}
