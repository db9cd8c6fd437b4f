package dev.basin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document, built once at start-up. */
final class OpenApiRoutes {
    private final byte[] document;

    OpenApiRoutes(ObjectMapper json) {
        try {
            this.document = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(OpenApiDocument.build(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("OpenAPI document could not be written", e);
        }
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
}
