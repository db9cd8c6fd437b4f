package dev.basin.safety;

/** One forbidden ball that contains the checked basin: its table, id, the distance to its centre, radius and reason. */
public record Violation(String table, String id, double distance, double radius, String reason) {}
