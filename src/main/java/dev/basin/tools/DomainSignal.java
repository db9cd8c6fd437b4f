package dev.basin.tools;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.rag.DocumentRules;

/** One side of a possible resonance: a domain, its current basin, and the Φ of the kernel carrying it. */
public record DomainSignal(String domain, Basin basin, double phi) {
    public DomainSignal {
        DocumentRules.domain(domain);
        requirePresent("basin", basin);
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
    }
}
