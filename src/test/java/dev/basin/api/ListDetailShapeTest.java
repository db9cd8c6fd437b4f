package dev.basin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.Well;
import dev.basin.geometry.Basin;
import dev.basin.knowledge.TestKernels;
import dev.basin.tools.Detection;
import dev.basin.tools.DomainSignal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST resource that has both a list and a detail answer gives one item the same shape in both: the list item
 * equals the detail answer field for field, but for the bulky fields a resource declares detail-only (a checkpoint's
 * state, the points of a path or trajectory), which the list leaves out.
 */
class ListDetailShapeTest {
    static TestServer server;
    static ApiClient client;
    static final SplittableRandom RND = new SplittableRandom(23);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String b(Basin basin) {
        return TestBasins.json(basin);
    }

    private static JsonNode ok(ApiClient.Reply r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r.json();
    }

    /**
     * Finds the item {@code id} in the list at {@code listPath} and compares it with the detail at {@code detailPath}:
     * equal once the detail-only fields are removed, which the list item must not carry.
     */
    private static void sameShape(String listPath, String detailPath, String idField, String id, Set<String> detailOnly) {
        JsonNode items = ok(client.get(listPath), 200).get("items");
        JsonNode item = null;
        for (JsonNode i : items) {
            if (id.equals(i.path(idField).asText())) {
                item = i;
            }
        }
        assertThat(item).as(listPath + " lists " + id).isNotNull();
        ObjectNode detail = (ObjectNode) ok(client.get(detailPath), 200);
        for (String f : detailOnly) {
            assertThat(detail.has(f)).as(detailPath + " carries detail-only " + f).isTrue();
            assertThat(item.has(f)).as(listPath + " leaves out " + f).isFalse();
            detail.remove(f);
        }
        List<String> listKeys = new ArrayList<>();
        item.fieldNames().forEachRemaining(listKeys::add);
        List<String> detailKeys = new ArrayList<>();
        detail.fieldNames().forEachRemaining(detailKeys::add);
        assertThat(listKeys).as(listPath + " item fields vs " + detailPath).isEqualTo(detailKeys);
        assertThat(item).as(listPath + " item vs " + detailPath).isEqualTo(detail);
    }

    @Test
    void kernelResourcesListWhatTheirDetailShows() {
        JsonNode k = ok(client.post("/api/v1/kernels", "{\"name\":\"shape\",\"basin\":" + b(TestBasins.random(RND))
                + ",\"kappa\":60,\"seed\":3}"), 201);
        String kernel = k.get("kernelId").asText();
        sameShape("/api/v1/kernels", "/api/v1/kernels/" + kernel, "kernelId", kernel, Set.of());

        String checkpoint = ok(client.post("/api/v1/kernels/" + kernel + "/checkpoints", "{\"type\":\"manual\"}"), 201)
                .get("checkpointId").asText();
        sameShape("/api/v1/kernels/" + kernel + "/checkpoints", "/api/v1/checkpoints/" + checkpoint, "checkpointId",
                checkpoint, Set.of("state"));

        List<Well> wells = List.of(new Well(TestKernels.around(20, 30, 0), 1.0), new Well(TestKernels.around(45, 30, 0), 1.5));
        var found = server.services.kernelFeature().discovery().discover(kernel, wells, false, DiscoveryMethod.GRADIENT_DESCENT);
        assertThat(found).as("attractors found between two wells").isNotEmpty();
        String attractor = found.get(0).row().attractorId();
        sameShape("/api/v1/kernels/" + kernel + "/attractors", "/api/v1/attractors/" + attractor, "attractorId", attractor,
                Set.of());
    }

    @Test
    void toolInsightAndDocumentListsShowTheirDetail() {
        String tool = ok(client.post("/api/v1/tools", """
                {"name": "shape_phi", "description": "phi of a text",
                 "inputSchema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
                 "outputSchema": {"type": "object", "required": ["phi"], "properties": {"phi": {"type": "number"}}},
                 "implementation": {"steps": [{"op": "coordize", "args": {"text": "$input.text"}, "as": "b"},
                                              {"op": "phi", "args": {"basin": "$b"}, "as": "phi"}],
                                    "result": {"phi": "$phi"}},
                 "generationMethod": "llm_assisted", "phiScore": 0.4}"""), 201).get("toolId").asText();
        sameShape("/api/v1/tools", "/api/v1/tools/" + tool, "toolId", tool, Set.of());

        String kernel = ok(client.post("/api/v1/kernels", "{\"name\":\"insightful\",\"basin\":" + b(TestBasins.random(RND))
                + ",\"kappa\":60}"), 201).get("kernelId").asText();
        Detection d = server.services.insights().detect(kernel, new DomainSignal("music", TestKernels.around(20, 30, 0), 0.3),
                new DomainSignal("astronomy", TestKernels.around(20, 30, 0.2), 0.2));
        String insight = d.insight().orElseThrow().insightId();
        sameShape("/api/v1/insights", "/api/v1/insights/" + insight, "insightId", insight, Set.of());
        ok(client.post("/api/v1/insights/" + insight + "/outcome",
                "{\"phiBefore\":0.3,\"phiAfter\":0.5,\"kappaBefore\":60,\"kappaAfter\":61}"), 201);
        sameShape("/api/v1/insights", "/api/v1/insights/" + insight, "insightId", insight, Set.of());
        assertThat(ok(client.get("/api/v1/insights/" + insight), 200).get("outcome").get("insightId").asText()).isEqualTo(insight);

        ApiClient.Reply up = client.send("/api/v1/documents?filename=shape.md&domain=test", "POST", "text/markdown",
                "# Shape\n\nA list item is its detail.".getBytes(StandardCharsets.UTF_8));
        String upload = ok(up, 201).get("upload").get("uploadId").asText();
        sameShape("/api/v1/documents", "/api/v1/documents/" + upload, "uploadId", upload, Set.of());
    }

    @Test
    void navigationAndSafetyListsShowTheirDetail() {
        String kernel = ok(client.post("/api/v1/kernels", "{\"name\":\"walker\",\"basin\":" + b(TestBasins.random(RND))
                + ",\"kappa\":60}"), 201).get("kernelId").asText();
        String path = ok(client.post("/api/v1/geometry/geodesic", "{\"from\":" + b(TestBasins.random(RND)) + ",\"to\":"
                + b(TestBasins.random(RND)) + ",\"steps\":4,\"persist\":true}"), 201).get("pathId").asText();
        sameShape("/api/v1/navigation/paths", "/api/v1/navigation/paths/" + path, "pathId", path, Set.of("path"));

        String trajectory = ok(client.post("/api/v1/agents/" + kernel + "/trajectories", "{\"start\":" + b(TestBasins.random(RND))
                + ",\"target\":" + b(TestBasins.random(RND)) + ",\"reason\":\"rest\",\"kappaEff\":64.21}"), 201)
                .get("trajectoryId").asText();
        sameShape("/api/v1/agents/" + kernel + "/trajectories", "/api/v1/trajectories/" + trajectory, "trajectoryId",
                trajectory, Set.of("path"));

        Basin c = TestBasins.random(RND);
        String barrier = ok(client.post("/api/v1/safety/barriers", "{\"center\":" + b(c) + ",\"radius\":0.05,"
                + "\"type\":\"instability\",\"severity\":0.5,\"reason\":\"shape\"}"), 201).get("barrierId").asText();
        sameShape("/api/v1/safety/barriers", "/api/v1/safety/barriers/" + barrier, "barrierId", barrier, Set.of());
        String region = ok(client.post("/api/v1/safety/excluded-regions", "{\"agentId\":\"" + kernel + "\",\"center\":" + b(c)
                + ",\"radius\":0.05,\"reason\":\"ordered\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}"), 201).get("regionId").asText();
        sameShape("/api/v1/safety/excluded-regions", "/api/v1/safety/excluded-regions/" + region, "regionId", region, Set.of());
        String era = ok(client.post("/api/v1/safety/era-exclusions", "{\"start\":\"2026-01-01T00:00:00Z\",\"end\":"
                + "\"2026-01-02T00:00:00Z\",\"center\":" + b(c) + ",\"radius\":0.05,\"reason\":\"shape\"}"), 201)
                .get("exclusionId").asText();
        sameShape("/api/v1/safety/era-exclusions", "/api/v1/safety/era-exclusions/" + era, "exclusionId", era, Set.of());
    }
}
