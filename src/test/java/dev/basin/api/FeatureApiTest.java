package dev.basin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feature endpoints end to end: what a caller writes is stored, listed and read back. */
class FeatureApiTest {
    static TestServer server;
    static ApiClient client;
    static final SplittableRandom RND = new SplittableRandom(17);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String b(Basin basin) {
        return TestBasins.json(basin);
    }

    static JsonNode ok(ApiClient.Reply r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r.json();
    }

    @Test
    void kernelLifecycleWithCheckpointsAndRestore() {
        Basin start = TestBasins.random(RND);
        JsonNode k = ok(client.post("/api/v1/kernels", "{\"name\":\"alpha\",\"basin\":" + b(start) + ",\"kappa\":60,\"seed\":5}"), 201);
        String id = k.get("kernelId").asText();
        assertThat(ok(client.get("/api/v1/kernels/" + id), 200).get("name").asText()).isEqualTo("alpha");
        JsonNode ck = ok(client.post("/api/v1/kernels/" + id + "/checkpoints", "{\"type\":\"manual\"}"), 201);
        Basin target = TestBasins.random(RND);
        JsonNode adv = ok(client.post("/api/v1/kernels/" + id + "/advance", "{\"target\":" + b(target) + "}"), 200);
        assertThat(adv.get("distanceToTarget").asDouble()).isLessThan(FisherRao.distance(start, target));
        JsonNode restored = ok(client.post("/api/v1/checkpoints/" + ck.get("checkpointId").asText() + "/restore", "{}"), 200);
        assertThat(restored.get("basin").get(7).asDouble()).isEqualTo(start.get(7));
        assertThat(ok(client.get("/api/v1/kernels/" + id + "/checkpoints?limit=10"), 200).get("items").size()).isGreaterThanOrEqualTo(1);
        assertThat(ok(client.get("/api/v1/kernels/" + id + "/emotions"), 200).has("items")).isTrue();
        assertThat(ok(client.get("/api/v1/kernels/" + id + "/thoughts"), 200).has("items")).isTrue();
        JsonNode pruned = ok(client.post("/api/v1/kernels/" + id + "/checkpoints/prune", "{\"keepNewest\":1}"), 200);
        assertThat(pruned.get("kept").size()).isEqualTo(1);
        ok(client.post("/api/v1/kernels/" + id + "/fragments", "{\"type\":\"episodic\",\"content\":{\"what\":\"arrived\"},\"basin\":"
                + b(target) + ",\"importance\":0.7}"), 201);
        assertThat(ok(client.get("/api/v1/kernels/" + id + "/fragments"), 200).get("items").size()).isEqualTo(1);
        JsonNode slept = ok(client.post("/api/v1/kernels/" + id + "/sleep", "{}"), 200);
        assertThat(slept.get("preSleepCheckpointId").asText()).startsWith("ckpt_");
        assertThat(client.get("/api/v1/kernels/krn_00000000000000000000").status()).isEqualTo(404);
    }

    @Test
    void aSteeredTrajectoryTakesOneWaypointPerRequestAndFinishes() {
        Basin start = TestBasins.random(RND);
        Basin target = TestBasins.random(RND);
        String k = ok(client.post("/api/v1/kernels", "{\"name\":\"steered\",\"basin\":" + b(start) + ",\"kappa\":64}"), 201)
                .get("kernelId").asText();
        JsonNode t = ok(client.post("/api/v1/agents/" + k + "/trajectories", "{\"start\":" + b(start) + ",\"target\":" + b(target)
                + ",\"reason\":\"exploration\",\"kappaEff\":64}"), 201);
        String id = t.get("trajectoryId").asText();
        assertThat(t.get("status").asText()).isEqualTo("active");
        for (int i = 1; i <= 3; i++) {
            Basin stop = FisherRao.pointAt(start, target, i / 4.0);
            JsonNode w = ok(client.post("/api/v1/trajectories/" + id + "/waypoints", "{\"basin\":" + b(stop)
                    + ",\"arrivedAt\":\"2030-01-01T00:00:0" + i + "Z\"}"), 201);
            assertThat(w.get("sequence").asInt()).isEqualTo(i + 1);
            assertThat(w.get("departedAt").isNull()).isTrue();
        }
        JsonNode ws = ok(client.get("/api/v1/trajectories/" + id + "/waypoints"), 200).get("items");
        assertThat(ws.size()).isEqualTo(4);
        assertThat(ws.get(2).get("dwellTimeMs").asLong()).isEqualTo(1000L);
        ApiClient.Reply early = client.post("/api/v1/trajectories/" + id + "/waypoints", "{\"basin\":" + b(target)
                + ",\"arrivedAt\":\"2030-01-01T00:00:00Z\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("field").asText()).isEqualTo("arrivedAt");
        JsonNode done = ok(client.post("/api/v1/trajectories/" + id + "/finish", "{\"status\":\"completed\"}"), 200);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("stepCount").asInt()).isEqualTo(3);
        assertThat(done.get("metadata").get("geodesic_ratio").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(client.post("/api/v1/trajectories/" + id + "/waypoints", "{\"basin\":" + b(target) + "}").status()).isEqualTo(409);
        assertThat(client.post("/api/v1/trajectories/" + id + "/finish", "{\"status\":\"abandoned\"}").status()).isEqualTo(409);
        ApiClient.Reply unknown = client.post("/api/v1/trajectories/traj_00000000000000000000/waypoints", "{\"basin\":" + b(target) + "}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("trajectoryId");
    }

    @Test
    void safetyBarrierBlocksTheCheckUntilDeactivated() {
        Basin c = TestBasins.random(RND);
        JsonNode bar = ok(client.post("/api/v1/safety/barriers", "{\"center\":" + b(c) + ",\"radius\":0.2,\"type\":\"suffering\","
                + "\"severity\":0.9,\"reason\":\"stress above threshold\"}"), 201);
        String id = bar.get("barrierId").asText();
        JsonNode check = ok(client.post("/api/v1/safety/check", "{\"basin\":" + b(c) + "}"), 200);
        assertThat(check.get("safe").asBoolean()).isFalse();
        assertThat(check.get("violations").get(0).get("id").asText()).isEqualTo(id);
        assertThat(check.get("violations").get(0).get("table").asText()).isEqualTo("geometric_barriers");
        ok(client.post("/api/v1/safety/barriers/" + id + "/deactivate", ""), 200);
        assertThat(client.post("/api/v1/safety/barriers/" + id + "/deactivate", "{}").status()).isEqualTo(409);
        assertThat(ok(client.post("/api/v1/safety/check", "{\"basin\":" + b(c) + "}"), 200).get("safe").asBoolean()).isTrue();
        JsonNode era = client.post("/api/v1/safety/era-exclusions", "{\"start\":\"2026-01-02T00:00:00Z\",\"end\":\"2026-01-01T00:00:00Z\","
                + "\"center\":" + b(c) + ",\"radius\":0.1,\"reason\":\"x\"}").json();
        assertThat(era.get("status").asInt()).isEqualTo(422);
        assertThat(era.get("field").asText()).isEqualTo("end");
    }

    @Test
    void geodesicPersistStoresAndReusesThePath() {
        Basin p = TestBasins.random(RND);
        Basin q = TestBasins.random(RND);
        String body = "{\"from\":" + b(p) + ",\"to\":" + b(q) + ",\"steps\":6,\"persist\":true}";
        JsonNode first = ok(client.post("/api/v1/geometry/geodesic", body), 201);
        JsonNode again = ok(client.post("/api/v1/geometry/geodesic", body), 201);
        assertThat(again.get("pathId").asText()).isEqualTo(first.get("pathId").asText());
        assertThat(again.get("reused").asBoolean()).isTrue();
        assertThat(ok(client.get("/api/v1/navigation/paths/" + first.get("pathId").asText()), 200).get("path").size()).isEqualTo(7);
    }

    @Test
    void documentsUploadOnceQueryAndList() {
        String text = "# Tides\n\nThe moon pulls the sea twice a day.\n\n# Orbits\n\nPlanets follow ellipses around the sun.";
        ApiClient.Reply first = client.send("/api/v1/documents?filename=tides.md&domain=physics", "POST", "text/markdown",
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        ApiClient.Reply second = client.send("/api/v1/documents?filename=copy.md&domain=physics", "POST", "text/markdown",
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("inserted").asBoolean()).isFalse();
        ApiClient.Reply traversal = client.send("/api/v1/documents?filename=..%2F..%2Fetc%2Fpasswd&domain=x", "POST", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8));
        assertThat(traversal.status()).isEqualTo(422);
        assertThat(traversal.json().get("field").asText()).isEqualTo("filename");
        JsonNode hits = ok(client.post("/api/v1/documents/query", "{\"text\":\"moon and sea\",\"k\":2}"), 200);
        assertThat(hits.get("hits").size()).isGreaterThanOrEqualTo(1);
        assertThat(ok(client.get("/api/v1/documents"), 200).get("items").size()).isEqualTo(1);
    }
}
