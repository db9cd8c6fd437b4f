package dev.basin.attractors;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.util.Objects;

/**
 * A memory well of a kernel's learned potential: a basin (a memory fragment or rewarded waypoint) and its positive
 * weight (importance, or Φ gained there).
 */
public record Well(Basin basin, double weight) {
    public Well {
        requirePresent("well.basin", basin);
        if (!Double.isFinite(weight) || weight <= 0.0) {
            throw new InvalidInputException("well.weight", "must be finite and > 0, is " + weight);
        }
        Objects.requireNonNull(basin);
    }
}
