package dev.basin.navigation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code geodesic_paths}. {@code startKey}/{@code endKey} are ⟨√p, u⟩ with u = (1/8, …, 1/8), the btree
 * keys of the reuse lookup.
 */
public record GeodesicPathRow(
        String pathId,
        String kernelId,
        Basin start,
        Basin end,
        double startKey,
        double endKey,
        List<Basin> path,
        double distance,
        int numSteps,
        double curvatureMax,
        int reuseCount,
        Instant computedAt,
        Instant lastUsedAt,
        JsonNode metadata) {}
