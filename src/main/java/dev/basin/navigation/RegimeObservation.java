package dev.basin.navigation;

import dev.basin.geometry.Regime;
import java.time.Instant;

/** The regime (and κ_eff) a kernel was observed in at a moment between two landmarks. */
public record RegimeObservation(Instant at, Regime regime, double kappaEff) {}
