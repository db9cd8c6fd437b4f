package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code basin serve} processes behind a real nginx, all started by the test on loopback ports. Clients write
 * barriers through the balancer (each carrying a unique id) while one node after another is SIGKILLed and started
 * again on its port; every write answered 201 is stored exactly once and no unique id twice. Then a barrier created
 * through one node refuses a navigation step checked through another within the documented bound, and after the bound
 * every node behind the balancer refuses it.
 */
class BalancerTest {
    static final int NODES = 3;
    /** Writing time around each kill and restart. */
    static final long WRITE_MS = 1500;

    @TempDir
    Path tmp;

    final JsonHttp http = new JsonHttp();

    @Test
    void writesThroughTheBalancerSurviveANodeKilledAndRestartedAndBarriersHoldOnEveryNode() throws Exception {
        assumeTrue(ServerKillTest.present("dev.basin.api.ApiServer"), "the REST server is not part of this build");
        if (!Nginx.installed()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(Nginx.BINARY + " is missing in CI: .ci/run installs nginx");
            }
            Assumptions.abort("skipped: " + Nginx.BINARY + " is not installed (apt-get install nginx); CI runs it");
        }
        String url = TestDatabases.freshDatabaseUrl();
        try (ServeNodes nodes = ServeNodes.start(url, NODES, Reliability.logFile("balancer-nodes.log"));
                Nginx nginx = Nginx.start(tmp.resolve("nginx"), nodes.ports());
                AckLog acks = new AckLog(Reliability.logFile("balancer-acks.log"))) {
            long t0 = System.nanoTime();
            List<Long> restartsMs = new ArrayList<>();
            int non2xx;
            try (RestWriters writers = new RestWriters(nginx.port(), 0, 1717, acks)) {
                Thread.sleep(WRITE_MS);
                for (int victim = 1; victim < NODES; victim++) {
                    nodes.kill(victim);
                    Thread.sleep(WRITE_MS);
                    long r = System.nanoTime();
                    nodes.restart(victim);
                    restartsMs.add((System.nanoTime() - r) / 1_000_000);
                    Thread.sleep(WRITE_MS);
                }
                writers.close();
                non2xx = writers.non2xx();
            }
            assertThat(acks.barriers()).as("writes acknowledged through the balancer").hasSizeGreaterThan(20);

            Basin step = barrierAcrossNodes(nodes, nginx);

            try (Store store = Store.open(StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1).build())) {
                List<String> ids = new ArrayList<>(acks.barriers());
                List<String> probes = new ArrayList<>(acks.probes());
                long stored = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM geometric_barriers WHERE barrier_id = ANY(:ids)")
                        .bindArray("ids", String.class, ids).mapTo(Long.class).one());
                assertThat(stored).as("acknowledged barriers stored").isEqualTo(ids.size());
                long probed = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM geometric_barriers WHERE reason = ANY(:p)")
                        .bindArray("p", String.class, probes).mapTo(Long.class).one());
                assertThat(probed).as("acknowledged unique ids stored exactly once").isEqualTo(probes.size());
                long dup = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) - count(DISTINCT reason) FROM geometric_barriers").mapTo(Long.class).one());
                assertThat(dup).as("unique ids stored twice").isZero();
            }
            Reliability.record("balancer: nginx + " + NODES + " basin serve nodes, 2 nodes SIGKILLed and restarted"
                    + " (restart to serving, ms: " + restartsMs + "); acknowledged through the balancer="
                    + acks.barriers().size() + ", lost=0, duplicated=0, non-2xx answers=" + non2xx
                    + " (nginx logged " + nginx.upstreamErrors() + " upstream errors); cross-node barrier: " + crossNode
                    + "; " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertThat(step).isNotNull();
        } finally {
            TestDatabases.drop(url);
        }
    }

    String crossNode = "";

    /**
     * A kernel and its trajectory; a barrier created through node 0 around the next step; the step checked through
     * node 2 until it is refused (within the bound); the append of that step through node 1 is refused (409); and
     * every node behind the balancer refuses it.
     */
    Basin barrierAcrossNodes(ServeNodes nodes, Nginx nginx) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        Basin start = WorkloadTables.randomBasin(r);
        String kernel = http.post(nodes.port(1), "/api/v1/kernels", SeveralWritersTest.kernelBody(start)).body()
                .get("kernelId").asText();
        JsonHttp.Answer opened = http.post(nodes.port(1), "/api/v1/agents/" + kernel + "/trajectories",
                SeveralWritersTest.trajectoryBody(start, WorkloadTables.randomBasin(r)));
        assertThat(opened.status()).as("trajectory: %s", opened.body()).isEqualTo(201);
        String trajectory = opened.body().get("trajectoryId").asText();
        Basin step = dev.basin.geometry.FisherRao.pointAt(start, WorkloadTables.randomBasin(r), 0.05);

        ObjectNode b = SeveralWritersTest.basinBody("center", step);
        b.put("radius", 0.05).put("type", "instability").put("severity", 0.9).put("reason", "closes the next step");
        JsonHttp.Answer made = http.post(nodes.port(0), "/api/v1/safety/barriers", b);
        assertThat(made.status()).as("barrier: %s", made.body()).isEqualTo(201);
        String id = made.body().get("barrierId").asText();
        long lag = CrossNodeSafetyTest.awaitMillis(() -> checkRefuses(nodes.port(2), step, kernel, id));
        assertThat(lag).as("barrier created through node 0 refused by node 2 within %s", CrossNodeSafetyTest.BOUND)
                .isNotNegative();

        long end = System.nanoTime() + CrossNodeSafetyTest.BOUND.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(50);
        }
        JsonHttp.Answer refused = http.post(nodes.port(1), "/api/v1/trajectories/" + trajectory + "/waypoints",
                SeveralWritersTest.basinBody("basin", step));
        assertThat(refused.status()).as("the step through node 1: %s", refused.body()).isEqualTo(409);
        assertThat(refused.body().toString()).contains(id);
        for (int i = 0; i < 2 * NODES; i++) {
            assertThat(checkRefuses(nginx.port(), step, kernel, id)).as("check %d through the balancer", i).isTrue();
        }
        crossNode = "created on node 0, refused on node 2 after " + lag + " ms, step through node 1 refused (409),"
                + " " + 2 * NODES + " checks through the balancer refused";
        return step;
    }

    boolean checkRefuses(int port, Basin p, String agent, String id) throws Exception {
        ObjectNode body = SeveralWritersTest.basinBody("basin", p);
        body.put("agentId", agent);
        JsonHttp.Answer ans = http.post(port, "/api/v1/safety/check", body);
        assertThat(ans.status()).as("check: %s", ans.body()).isEqualTo(200);
        for (JsonNode v : ans.body().get("violations")) {
            if (v.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
