package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool to register: a unique name ({@code [a-z][a-z0-9_]{0,62}}), a description, input and output JSON Schemas
 * (the {@link JsonSchemaLite} subset), a pipeline ({@link Pipeline}), the generating kernel (nullable), the
 * generation method (pattern_based, llm_assisted, hybrid) and a Φ score in [0,1]. Checked by
 * {@link ToolService#register}.
 */
public record ToolDraft(String name, String description, JsonNode inputSchema, JsonNode outputSchema,
        JsonNode implementation, String generatedBy, String generationMethod, double phiScore) {}
