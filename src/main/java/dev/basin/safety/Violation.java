package dev.basin.safety;

/** One forbidden ball that contains the checked basin: its table, id, the distance to its centre, radius and reason. */
public record Violation(String table, String id, double distance, double radius, String reason) {
    /** {@code table id (distance d < radius r: reason)}, for messages that name the violated balls. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s %s (distance %.6f < radius %.6f: %s)", table, id, distance, radius, reason);
    }
}
