package dev.basin.api;

import dev.basin.BasinEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    static Store store;
    static BasinEngine services;
    static ApiServer server;
    static JsonNode doc;

    @BeforeAll
    static void start() {
        store = TestDatabases.freshStore();
        server = ApiServer.create(ApiConfig.loopback(), (services = BasinEngine.over(store))).start();
        ApiClient.Reply r = new ApiClient(server.port()).get("/api/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        doc = r.json();
    }

    @AfterAll
    static void stop() {
        server.close();
        if (services != null) {
            services.close();
        }
        store.close();
    }

    static TreeSet<String> documented() {
        TreeSet<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
        }
        return out;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        TreeSet<String> routes = new TreeSet<>(server.routes());
        TreeSet<String> described = documented();
        TreeSet<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(described);
        TreeSet<String> phantom = new TreeSet<>(described);
        phantom.removeAll(routes);
        assertThat(undocumented).as("routes missing from openapi.json").isEmpty();
        assertThat(phantom).as("documented paths with no route").isEmpty();
        assertThat(routes).contains("POST /api/v1/geometry/distance", "POST /api/v1/geometry/geodesic", "POST /api/v1/geometry/mean",
                "GET /health", "GET /metrics", "GET /api/v1/openapi.json");
    }

    @Test
    void documentIsOpenApi31WithResolvableReferences() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        doc.get("paths").forEach(item -> item.forEach(op -> {
            assertThat(op.has("summary")).isTrue();
            assertThat(op.get("responses").size()).isGreaterThanOrEqualTo(1);
        }));
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
