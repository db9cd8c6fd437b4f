package dev.basin.api;

import dev.basin.BasinEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerTest {
    static final double ACCURACY = 1e-12;
    static final String TOKEN = "test-token-0123456789abcdef";

    static Store store;
    static BasinEngine services;
    static ApiServer open;
    static ApiServer guarded;
    static ApiClient client;
    static ApiClient guardedClient;

    @BeforeAll
    static void start() {
        store = TestDatabases.freshStore();
        services = BasinEngine.over(store);
        open = ApiServer.create(ApiConfig.loopback(), services).start();
        guarded = ApiServer.create(ApiConfig.loopback().withToken(TOKEN), services).start();
        client = new ApiClient(open.port());
        guardedClient = new ApiClient(guarded.port());
    }

    @AfterAll
    static void stop() {
        open.close();
        guarded.close();
        if (services != null) {
            services.close();
        }
        store.close();
    }

    static void assertProblem(ApiClient.Reply r, int status, String field, String problemContains) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("type").asText()).startsWith(Problems.TYPE_PREFIX);
        assertThat(p.path("title").asText()).isNotBlank();
        if (field != null) {
            assertThat(p.path("field").asText()).isEqualTo(field);
        }
        assertThat(p.path("detail").asText()).contains(problemContains);
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void distanceMatchesTheLibrary() {
        SplittableRandom rnd = new SplittableRandom(1);
        Basin p = TestBasins.random(rnd);
        Basin q = TestBasins.random(rnd);
        ApiClient.Reply r = client.post("/api/v1/geometry/distance",
                "{\"p\":" + TestBasins.json(p) + ",\"q\":" + TestBasins.json(q) + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("distance").doubleValue()).isCloseTo(FisherRao.distance(p, q), org.assertj.core.data.Offset.offset(ACCURACY));
    }

    @Test
    void geodesicHasStepsPlusOnePoints() {
        SplittableRandom rnd = new SplittableRandom(2);
        Basin p = TestBasins.random(rnd);
        Basin q = TestBasins.random(rnd);
        ApiClient.Reply r = client.post("/api/v1/geometry/geodesic",
                "{\"from\":" + TestBasins.json(p) + ",\"to\":" + TestBasins.json(q) + ",\"steps\":8}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("path").size()).isEqualTo(9);
        assertThat(r.json().get("path").get(0).get(5).doubleValue()).isEqualTo(p.get(5));
    }

    @Test
    void meanPhiAndCoordize() {
        Basin u = Basin.uniform();
        ApiClient.Reply mean = client.post("/api/v1/geometry/mean", "{\"points\":[" + TestBasins.json(u) + "," + TestBasins.json(u) + "]}");
        assertThat(mean.status()).as(mean.text()).isEqualTo(200);
        assertThat(mean.json().get("mean").get(0).doubleValue()).isCloseTo(1.0 / 64, org.assertj.core.data.Offset.offset(ACCURACY));
        ApiClient.Reply phi = client.post("/api/v1/geometry/phi", "{\"basin\":" + TestBasins.json(u) + "}");
        assertThat(phi.json().get("phi").doubleValue()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(ACCURACY));
        ApiClient.Reply c = client.post("/api/v1/geometry/coordize", "{\"text\":\"the quick brown fox\"}");
        assertThat(c.json().get("basin").size()).isEqualTo(64);
        assertThat(c.json().get("model").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":[1,2"), 400, "body", "not valid JSON");
        assertProblem(client.post("/api/v1/geometry/distance", "[1,2]"), 400, "body", "must be a JSON object");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":NaN}"), 400, "body", "not valid JSON");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":1,\"p\":2}"), 400, "body", "Duplicate");
        assertProblem(client.post("/api/v1/geometry/distance", ""), 400, "body", "empty");
    }

    @Test
    void missingAndMistypedFieldsAre400NamingTheField() {
        String u = TestBasins.json(Basin.uniform());
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + "}"), 400, "q", "q is missing");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":\"x\"}"), 400, "q", "must be an array");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":[\"a\"]}"), 400, "q[0]", "must be a number");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":" + u + ",\"r\":1}"), 400, "r", "not a field");
        assertProblem(client.post("/api/v1/geometry/geodesic", "{\"from\":" + u + ",\"to\":" + u + ",\"steps\":2.5}"), 400, "steps", "integer");
    }

    @Test
    void valuesBreakingRulesAre422NamingTheField() {
        double[] neg = Basin.uniform().toArray();
        neg[3] = -neg[3];
        neg[4] += 2 * Basin.uniform().get(3);
        String u = TestBasins.json(Basin.uniform());
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":" + java.util.Arrays.toString(neg) + "}"),
                422, "q[3]", "is negative");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":[1,0]}"), 422, "q", "must have 64 entries");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":" + u.replace("[0.015625", "[0.5") + "}"),
                422, "q", "must sum to 1");
        assertProblem(client.post("/api/v1/geometry/distance", "{\"p\":" + u + ",\"q\":" + u.replace("[0.015625", "[1e999") + "}"),
                422, "q[0]", "not finite");
        assertProblem(client.post("/api/v1/geometry/geodesic", "{\"from\":" + u + ",\"to\":" + u + ",\"steps\":0}"), 422, "steps", "must be in");
        assertProblem(client.post("/api/v1/geometry/mean", "{\"points\":[]}"), 422, "points", "must not be empty");
        assertProblem(client.post("/api/v1/geometry/coordize", "{\"text\":\"a\\u0000b\"}"), 422, "text", "NUL");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = "{\"text\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
        body[10] = (byte) 0xC3;
        body[11] = (byte) 0x28;
        assertProblem(client.send("/api/v1/geometry/coordize", "POST", "application/json", body), 400, "body", "UTF-8");
    }

    @Test
    void wrongMediaTypeIs415() {
        assertProblem(client.send("/api/v1/geometry/coordize", "POST", "text/plain", "{\"text\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
                415, "Content-Type", "accepts");
        assertProblem(client.send("/api/v1/geometry/coordize", "POST", null, "{\"text\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
                415, "Content-Type", "missing");
        assertProblem(client.send("/api/v1/geometry/coordize", "POST", "application/json; charset=latin1",
                "{\"text\":\"a\"}".getBytes(StandardCharsets.UTF_8)), 415, "Content-Type", "utf-8");
    }

    @Test
    void oversizedBodyIs413() {
        byte[] big = new byte[(int) ApiConfig.DEFAULT_MAX_BODY + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(client.send("/api/v1/geometry/coordize", "POST", "application/json", big), 413, "body", "limit");
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        assertProblem(client.get("/api/v1/nothing-here"), 404, "path", "matches no endpoint");
        assertProblem(client.get("/api/v1/geometry/distance"), 405, "method", "not allowed");
    }

    @Test
    void writesNeedTheTokenWhenOneIsSet() {
        String body = "{\"text\":\"a\"}";
        ApiClient.Reply none = guardedClient.post("/api/v1/geometry/coordize", body);
        assertProblem(none, 401, "Authorization", "missing");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"basin\"");
        assertProblem(new ApiClient(guarded.port()).token(TOKEN + "x").post("/api/v1/geometry/coordize", body), 401, "Authorization",
                "does not carry");
        assertThat(new ApiClient(guarded.port()).token(TOKEN).post("/api/v1/geometry/coordize", body).status()).isEqualTo(200);
        assertThat(guardedClient.get("/health").status()).isEqualTo(200);
    }

    @Test
    void nonLoopbackBindWithoutTokenIsRefused() {
        assertThatThrownBy(() -> ApiConfig.of("0.0.0.0", 8080, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bind is not a loopback address");
        assertThat(ApiConfig.of("0.0.0.0", 8080, TOKEN).bind()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> ApiConfig.of("127.0.0.1", 8080, "short")).hasMessageContaining("token must have at least 16");
        assertThat(ApiConfig.of("127.0.0.1", 1, TOKEN).toString()).doesNotContain(TOKEN);
    }

    @Test
    void healthReportsDatabaseAndMigrations() {
        ApiClient.Reply r = client.get("/health");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("ok");
        assertThat(r.json().path("database").path("reachable").asBoolean()).isTrue();
        assertThat(r.json().path("migrations").path("current").asBoolean()).isTrue();
    }

    @Test
    void metricsCountRequestsPerRoute() {
        client.post("/api/v1/geometry/coordize", "{\"text\":\"metrics\"}");
        ApiClient.Reply r = client.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("basin_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/geometry/coordize\",status=\"200\"}")
                .contains("basin_pool_connections{")
                .contains("basin_table_rows_inserted_total{table=\"ocean_waypoints\"}")
                .contains("basin_store_commits_total");
    }

    @Test
    void metricsHaveWritePathBatchSizeAndCommitLatencyHistograms() {
        ApiClient.Reply k = client.post("/api/v1/kernels", "{\"name\":\"metered\",\"kappa\":60,\"basin\":"
                + TestBasins.json(Basin.uniform()) + "}");
        assertThat(k.status()).as(k.text()).isEqualTo(201);
        String text = client.get("/metrics").text();
        assertThat(text).contains("basin_store_batch_size_bucket{le=\"1.0\"}").contains("basin_store_batch_size_bucket{le=\"512.0\"}")
                .contains("basin_store_commit_seconds_bucket{le=\"0.001\"}");
        assertThat(sample(text, "basin_store_batch_size_count")).isPositive();
        assertThat(sample(text, "basin_store_commit_seconds_count")).isPositive();
        assertThat(sample(text, "basin_store_commit_seconds_sum")).isPositive();
    }

    private static double sample(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " missing from /metrics"));
    }
}
