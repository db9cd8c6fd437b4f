package dev.basin.api;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document, a resource kept true by a test against the routes. */
final class OpenApiRoutes {
    static final String RESOURCE = "/dev/basin/api/openapi.json";

    private final byte[] document;

    OpenApiRoutes() {
        this.document = load();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }

    static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
