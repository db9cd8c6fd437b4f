package dev.basin.safety;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.time.Instant;

/** One moment of a kernel's recent history as the ethics monitor reads it: where it was, Φ, stress ∈ [0,1], when. */
public record KernelSample(Basin basin, double phi, double stress, Instant at) {
    public KernelSample {
        requirePresent("sample.basin", basin);
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("sample.phi", "must be in [0, 1], is " + phi);
        }
        if (!(stress >= 0.0 && stress <= 1.0)) {
            throw new InvalidInputException("sample.stress", "must be in [0, 1], is " + stress);
        }
        requirePresent("sample.at", at);
    }
}
