package dev.basin.api;

import static dev.basin.api.ApiServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.DefaultModel;
import dev.basin.coordizer.TopicModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The coordizer over REST: current model, models by id (404 problem for an unknown one), coordize and decode. */
class CoordizerApiTest {
    static TestServer server;
    static ApiClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void currentModelIsTheShippedDefaultWithItsTopics() {
        ApiClient.Reply r = client.get("/api/v1/coordizer");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode m = r.json();
        String id = DefaultModel.shipped().id();
        assertThat(m.get("modelId").asText()).isEqualTo(id);
        assertThat(m.get("current").asBoolean()).isTrue();
        assertThat(m.get("documents").asInt()).isEqualTo(500);
        assertThat(m.get("topWords")).hasSize(64);
        assertThat(client.get("/api/v1/coordizer/models/" + id).json().get("modelId").asText()).isEqualTo(id);
        assertThat(client.get("/api/v1/coordizer/models").json().get("models")).hasSize(1);
    }

    @Test
    void unknownAndMalformedModelIdsAreProblems() {
        assertProblem(client.get("/api/v1/coordizer/models/nmf64-0123456789abcdef"), 404, "modelId", "unknown");
        assertProblem(client.get("/api/v1/coordizer/models/lda64-x"), 400, "modelId", "must look like");
    }

    @Test
    void coordizeNamesTheModelAndDecodeGivesNearestWords() {
        TopicModel model = DefaultModel.shipped();
        ApiClient.Reply c = client.post("/api/v1/geometry/coordize", "{\"text\":\"The church and its congregation\"}");
        assertThat(c.status()).as(c.text()).isEqualTo(200);
        assertThat(c.json().get("model").asText()).isEqualTo(model.id());
        double[] basin = new double[64];
        for (int i = 0; i < 64; i++) {
            basin[i] = c.json().get("basin").get(i).doubleValue();
        }
        assertThat(basin).containsExactly(model.coordize("The church and its congregation").toArray());
        ApiClient.Reply d = client.post("/api/v1/geometry/decode", "{\"basin\":" + c.json().get("basin") + ",\"k\":4}");
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.json().get("words")).hasSize(4);
        assertThat(d.json().get("topics").asText())
                .isEqualTo(BasinTopics.of(model, model.coordize("The church and its congregation")).text()).startsWith("topic");
        assertThat(d.json().get("words").get(0).get("word").asText())
                .isEqualTo(model.decode(model.coordize("The church and its congregation"), 1).get(0).word());
        assertProblem(client.post("/api/v1/geometry/decode", "{\"basin\":" + c.json().get("basin") + ",\"k\":0}"), 422, "k",
                "must be");
        ApiClient.Reply none = client.post("/api/v1/geometry/coordize", "{\"text\":\"!!! ...\"}");
        assertThat(none.json().get("basin").get(0).doubleValue()).isEqualTo(1.0 / 64);
    }
}
