package dev.basin.navigation;

import java.time.Instant;

/**
 * Integration Φ and effective coupling κ_eff of one kernel (or agent) at one instant, as a stored row recorded them:
 * the samples from which the dashboard draws Φ and κ_eff over time.
 */
public record PhiSample(String kernelId, Instant at, double phi, double kappaEff) {}
