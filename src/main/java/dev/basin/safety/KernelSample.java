package dev.basin.safety;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.time.Instant;

/** One moment of a kernel's recent history as the ethics monitor reads it: where it was, Φ, stress ∈ [0,1], when. */
public record KernelSample(Basin basin, double phi, double stress, Instant at) {
    public KernelSample {
        if (basin == null) {
            throw new InvalidInputException("sample.basin", "is missing");
        }
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("sample.phi", "must be in [0, 1], is " + phi);
        }
        if (!(stress >= 0.0 && stress <= 1.0)) {
            throw new InvalidInputException("sample.stress", "must be in [0, 1], is " + stress);
        }
        if (at == null) {
            throw new InvalidInputException("sample.at", "is missing");
        }
    }
}
