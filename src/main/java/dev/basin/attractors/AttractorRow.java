package dev.basin.attractors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;

/** One row of {@code learned_manifold_attractors}. */
public record AttractorRow(
        String attractorId,
        String kernelId,
        Basin basin,
        AttractorType type,
        double stabilityMetric,
        double basinVolume,
        double potentialValue,
        DiscoveryMethod discoveryMethod,
        double phiValue,
        double kappaValue,
        int timesVisited,
        Instant discoveredAt,
        Instant lastVisitedAt,
        JsonNode metadata) {}
