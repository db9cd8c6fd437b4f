package dev.basin.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code knowledge_scale_mappings}: a regime crossing of κ_eff and how state mapped across it. */
public record ScaleMappingRow(
        String mappingId,
        String kernelId,
        double sourceKappa,
        double targetKappa,
        String sourceRegime,
        String targetRegime,
        double[] transformationMatrix,
        double informationPreserved,
        String mappingType,
        Instant discoveredAt,
        JsonNode metadata) {}
