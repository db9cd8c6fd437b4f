package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R2 for the REST server: {@code basin serve} (a child JVM) on a PostgreSQL cluster the test owns; the cluster is
 * crashed and started again while the test POSTs barriers. While it is down, writes answer 503 with Retry-After and
 * a problem body, and the server process stays up; once it is back, writes succeed again without touching the
 * server; every 201-acknowledged barrier is stored.
 */
class ServerDatabaseLossTest {
    static final long WAIT_MS = 90_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void restServerAnswers503WithRetryAfterWhileTheDatabaseIsDownAndRecoversOnItsOwn() throws Exception {
        assumeTrue(ServerKillTest.present("dev.basin.api.ApiServer"), "the REST server is not part of this build");
        try (PostgresCluster pg = PostgresCluster.create(dir.resolve("cluster"))) {
            int port = ServerKillTest.freePort();
            ChildJvm server = ChildJvm.start("dev.basin.cli.BasinCommand",
                    List.of("serve", "--db", pg.url(), "--port", Integer.toString(port)),
                    Reliability.logFile("r2-rest-server-child.log"), line -> {});
            try {
                assertThat(server.awaitReady(KillCampaign.READY_TIMEOUT_MS)).isTrue();
                assertThat(server.isAlive()).as(KillCampaign.tail(Reliability.logFile("r2-rest-server-child.log")))
                        .isTrue();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                SplittableRandom r = new SplittableRandom(99);
                List<String> acked = new ArrayList<>();
                int refused = 0;
                List<Long> recoveries = new ArrayList<>();
                for (int outage = 0; outage < 2; outage++) {
                    acked.add(awaitStatus(http, port, r, 201).body().get("barrierId").asText());
                    if (outage == 0) {
                        pg.crash();
                    } else {
                        pg.stopFast();
                    }
                    Answer down = awaitStatus(http, port, r, 503);
                    refused++;
                    assertThat(down.retryAfter()).as("Retry-After on 503").isNotBlank();
                    assertThat(down.contentType()).startsWith("application/problem+json");
                    assertThat(down.body().get("status").asInt()).isEqualTo(503);
                    assertThat(server.isAlive()).as("the server survives the database loss").isTrue();
                    pg.restart();
                    long back = System.nanoTime();
                    acked.add(awaitStatus(http, port, r, 201).body().get("barrierId").asText());
                    recoveries.add((System.nanoTime() - back) / 1_000_000);
                }
                try (Store store = Store.open(StoreConfig.builder().url(pg.url()).poolSize(2).groupCommitWriters(1)
                        .build())) {
                    long stored = store.jdbi().withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM geometric_barriers WHERE barrier_id = ANY(:ids)")
                            .bindArray("ids", String.class, acked).mapTo(Long.class).one());
                    assertThat(stored).isEqualTo(acked.size());
                }
                Reliability.record("R2 rest/server: outages=2 (crash, fast stop), 503 with Retry-After while down ("
                        + refused + " checked), server alive, writes resumed on their own after (ms) " + recoveries
                        + ", acknowledged ids=" + acked.size() + ", lost=0");
            } finally {
                server.kill();
            }
        }
    }

    record Answer(int status, String retryAfter, String contentType, JsonNode body) {}

    /** POSTs barriers until one is answered with {@code status}; any status but 201 and 503 fails the test. */
    static Answer awaitStatus(HttpClient http, int port, SplittableRandom r, int status) throws Exception {
        long end = System.nanoTime() + WAIT_MS * 1_000_000;
        while (System.nanoTime() < end) {
            ObjectNode o = JSON.createObjectNode();
            var c = o.putArray("center");
            for (double v : WorkloadTables.randomBasin(r).toArray()) {
                c.add(v);
            }
            o.put("radius", 0.1).put("type", "decoherence").put("severity", 0.3).put("reason", "outage probe");
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/safety/barriers")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(o.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as("answer %s", res.body()).isIn(201, 503);
            if (res.statusCode() == status) {
                return new Answer(res.statusCode(), res.headers().firstValue("Retry-After").orElse(""),
                        res.headers().firstValue("Content-Type").orElse(""), JSON.readTree(res.body()));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " answer within " + WAIT_MS + " ms");
    }
}
