package dev.basin.tools;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;

/** One side of a possible resonance: a domain, its current basin, and the Φ of the kernel carrying it. */
public record DomainSignal(String domain, Basin basin, double phi) {
    public DomainSignal {
        if (domain == null || domain.isBlank()) {
            throw new InvalidInputException("domain", "must not be blank");
        }
        if (domain.length() > 200) {
            throw new InvalidInputException("domain", "must be at most 200 characters, has " + domain.length());
        }
        if (basin == null) {
            throw new InvalidInputException("basin", "is missing");
        }
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
    }
}
