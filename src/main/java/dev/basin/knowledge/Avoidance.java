package dev.basin.knowledge;

/** A candidate fell inside a false pattern class (Fisher–Rao {@code distance} < its radius) and was not pursued. */
public record Avoidance(FalsePatternRow pattern, double distance) {}
