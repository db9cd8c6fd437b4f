package dev.basin.navigation;

/** A trajectory id that names no stored trajectory; {@link #field()} is the input that carried it. */
public final class TrajectoryNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public TrajectoryNotFoundException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
