package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;

/** A kernel's coupling state at one moment: κ_eff (finite, ≥ 0), its basin, and Φ in [0,1]. */
public record KappaState(double kappaEff, Basin basin, double phi) {
    public KappaState {
        if (!Double.isFinite(kappaEff) || kappaEff < 0.0) {
            throw new InvalidInputException("kappaEff", "must be finite and ≥ 0, is " + kappaEff);
        }
        requirePresent("basin", basin);
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
    }
}
