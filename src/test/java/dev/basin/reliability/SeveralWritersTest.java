package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two {@code basin run} sessions (same seed, so they ingest the same corpus and mine the same tool names) and two
 * {@code basin serve} nodes, all real processes on one database at the same time, while clients in this process
 * write through both nodes at once to the same objects: one kernel's checkpoint chain, one trajectory's waypoints,
 * one tool's use counter, one document's content uploaded again and again, and overlapping barriers of one type and
 * scope. Afterwards: both sessions completed; every acknowledged write is stored exactly once; sequences are gapless
 * and unforked; counters equal the acknowledged calls; one upload row per content; no two active barriers of one
 * type and scope overlap (they merged); every table's ids and unique keys hold.
 */
class SeveralWritersTest {
    static final int CLIENTS = 4;
    static final int BURSTS = 15;
    /** Pause between a client's writes, so that the clients leave the two runs some of the two cores. */
    static final long THINK_MS = 10;
    static final long RUN_TIMEOUT_MS = 240_000;
    final JsonHttp http = new JsonHttp();

    @Test
    void twoRunsAndTwoServersOnOneDatabaseCollideOnNothing() throws Exception {
        assumeTrue(ServerKillTest.present("dev.basin.api.ApiServer"), "the REST server is not part of this build");
        String url = TestDatabases.freshDatabaseUrl();
        java.nio.file.Path log = Reliability.logFile("several-writers-child.log");
        try (ServeNodes nodes = ServeNodes.start(url, 2, log)) {
            SplittableRandom setup = new SplittableRandom(2026);
            Basin start = WorkloadTables.randomBasin(setup);
            String kernel = post(nodes.port(0), "/api/v1/kernels", kernelBody(start), 201).get("kernelId").asText();
            String trajectory = post(nodes.port(1), "/api/v1/agents/" + kernel + "/trajectories",
                    trajectoryBody(start, WorkloadTables.randomBasin(setup)), 201).get("trajectoryId").asText();
            String tool = post(nodes.port(0), "/api/v1/tools", toolBody(), 201).get("toolId").asText();
            Basin barrierCentre = WorkloadTables.randomBasin(setup);

            java.nio.file.Path corpus = corpus();
            List<String> runOutput = new CopyOnWriteArrayList<>();
            List<ChildJvm> runs = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    runs.add(ChildJvm.start("dev.basin.cli.BasinCommand", List.of("run", "--db", url, "--kernels", "2",
                            "--cycles", "3", "--seed", "7", "--corpus", corpus.toString(), "--json"), log, runOutput::add));
                }
                Acks acks = new Acks();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    Thread t = new Thread(() -> drive(client, nodes, runs, kernel, trajectory, tool, barrierCentre, acks),
                            "writer-client-" + c);
                    t.start();
                    clients.add(t);
                }
                List<Integer> exits = new ArrayList<>();
                for (ChildJvm run : runs) {
                    exits.add(run.waitFor(RUN_TIMEOUT_MS));
                }
                for (Thread t : clients) {
                    t.join(120_000);
                }
                assertThat(exits).as("both runs succeed; stderr tail:%n%s", KillCampaign.tail(log)).containsExactly(0, 0);
                assertThat(acks.errors).as("client errors").isEmpty();
                burstsOfOverlappingBarriers(nodes, acks);
                assertThat(acks.errors).as("client errors in the bursts").isEmpty();
                verify(url, runOutput, kernel, trajectory, tool, acks);
            } finally {
                for (ChildJvm run : runs) {
                    if (run.isAlive()) {
                        run.kill();
                    }
                }
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    /** A small corpus both runs ingest (the same files, so their uploads must dedupe). */
    java.nio.file.Path corpus() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("corpus"));
        String[][] docs = {
            {"tides.md", "# Tides\n\nThe moon pulls the sea; the tide rises and falls twice a day. Harbours keep tables"
                    + " of high and low water, and sailors plan their passage around the slack between them.\n\n"
                    + "## Currents\n\nWhere a channel narrows the flood runs fast, and a boat that meets it head on"
                    + " makes no headway until it turns."},
            {"orchards.md", "# Orchards\n\nApple trees flower in spring and bear in autumn. Grafting joins a chosen"
                    + " variety to a hardy rootstock; pruning in winter keeps the crown open to light.\n\n"
                    + "## Harvest\n\nFruit is picked by hand, sorted by size, and stored cold so that it keeps"
                    + " until the next season."},
            {"engines.txt", "Steam engines turn heat into motion. Water boils in the boiler, steam drives a piston,"
                    + " and the piston turns a wheel through a crank. Governors hold the speed steady when the load"
                    + " changes.\n\nLater engines burned oil and then ran on electricity, yet the drawings of the"
                    + " old machines still teach how force and motion are linked."}};
        for (String[] d : docs) {
            java.nio.file.Files.writeString(dir.resolve(d[0]), d[1], StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** What the clients were told was stored. */
    static final class Acks {
        final List<JsonNode> checkpoints = new CopyOnWriteArrayList<>();
        final List<JsonNode> waypoints = new CopyOnWriteArrayList<>();
        final AtomicInteger toolUses = new AtomicInteger();
        final AtomicInteger toolSuccesses = new AtomicInteger();
        final AtomicInteger uploadsInserted = new AtomicInteger();
        final AtomicInteger uploadsFound = new AtomicInteger();
        final Map<String, String> uploadIds = new ConcurrentHashMap<>();
        final List<String> barriers = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
    }

    void drive(int client, ServeNodes nodes, List<ChildJvm> runs, String kernel, String trajectory, String tool,
            Basin centre, Acks acks) {
        SplittableRandom r = new SplittableRandom(31L * client + 5);
        String document = "A document written by every client at once. It should be stored once.\n\n"
                + "Several processes share one database; the content hash decides.";
        for (int n = 0; runs.stream().anyMatch(ChildJvm::isAlive) || n < 10; n++) {
            int port = nodes.port(r.nextInt(nodes.size()));
            try {
                switch (n % 5) {
                    case 0 -> acks.checkpoints.add(post(port, "/api/v1/kernels/" + kernel + "/checkpoints",
                            JsonHttp.JSON.createObjectNode(), 201));
                    case 1 -> acks.waypoints.add(post(port, "/api/v1/trajectories/" + trajectory + "/waypoints",
                            basinBody("basin", WorkloadTables.randomBasin(r)), 201));
                    case 2 -> {
                        boolean ok = r.nextBoolean();
                        post(port, "/api/v1/tools/" + tool + "/uses", JsonHttp.JSON.createObjectNode().put("success", ok), 201);
                        acks.toolUses.incrementAndGet();
                        if (ok) {
                            acks.toolSuccesses.incrementAndGet();
                        }
                    }
                    case 3 -> {
                        JsonHttp.Answer a = upload(port, document);
                        assertThat(a.status()).as("upload: %s", a.body()).isIn(200, 201);
                        (a.status() == 201 ? acks.uploadsInserted : acks.uploadsFound).incrementAndGet();
                        acks.uploadIds.put(a.body().get("upload").get("uploadId").asText(), "");
                    }
                    default -> {
                        Basin c = FisherRao.pointAt(centre, WorkloadTables.randomBasin(r), 0.01 + 0.02 * r.nextDouble());
                        ObjectNode b = basinBody("center", c);
                        b.put("radius", 0.04 + 0.02 * r.nextDouble()).put("type", "suffering").put("severity", r.nextDouble())
                                .put("reason", "overlapping writer " + client + "/" + n);
                        acks.barriers.add(post(port, "/api/v1/safety/barriers", b, 201).get("barrierId").asText());
                    }
                }
                Thread.sleep(THINK_MS);
            } catch (Exception | AssertionError e) {
                acks.errors.add("client " + client + " op " + n + ": " + e);
                return;
            }
        }
    }

    /**
     * Rounds in which {@link #CLIENTS} clients, released together, each create a barrier overlapping the others'
     * around a centre no barrier covers yet, through alternating nodes: the case where there is no row to lock.
     */
    void burstsOfOverlappingBarriers(ServeNodes nodes, Acks acks) throws Exception {
        SplittableRandom r = new SplittableRandom(404);
        for (int round = 0; round < BURSTS; round++) {
            Basin centre = WorkloadTables.randomBasin(r);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(CLIENTS);
            List<Thread> ts = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                int rnd = round;
                Basin p = FisherRao.pointAt(centre, WorkloadTables.randomBasin(r), 0.02);
                Thread t = new Thread(() -> {
                    try {
                        ObjectNode b = basinBody("center", p);
                        b.put("radius", 0.05).put("type", "decoherence").put("severity", 0.5)
                                .put("reason", "burst " + rnd + " client " + client);
                        together.await();
                        acks.barriers.add(post(nodes.port(client % nodes.size()), "/api/v1/safety/barriers", b, 201)
                                .get("barrierId").asText());
                    } catch (Exception | AssertionError e) {
                        acks.errors.add("burst " + rnd + " client " + client + ": " + e);
                    }
                });
                t.start();
                ts.add(t);
            }
            for (Thread t : ts) {
                t.join(60_000);
            }
        }
    }

    void verify(String url, List<String> runOutput, String kernel, String trajectory, String tool, Acks acks)
            throws IOException {
        List<String> sessions = new ArrayList<>();
        for (String line : runOutput) {
            if (line.startsWith("{")) {
                sessions.add(JsonHttp.JSON.readTree(line).get("session").get("session_id").asText());
            }
        }
        assertThat(sessions).as("each run printed its summary").hasSize(2).doesNotHaveDuplicates();
        try (Store store = Store.open(StoreConfig.builder().url(url).poolSize(2).groupCommitWriters(1).build())) {
            var jdbi = store.jdbi();
            List<String> statuses = jdbi.withHandle(h -> h.createQuery("SELECT status FROM sessions WHERE session_id = ANY(:s)")
                    .bindArray("s", String.class, sessions).mapTo(String.class).list());
            assertThat(statuses).containsExactly("completed", "completed");

            // one kernel's checkpoints, taken through two nodes at once: one gapless, unforked chain
            List<Map<String, Object>> chain = jdbi.withHandle(h -> h.createQuery("SELECT checkpoint_id, sequence,"
                    + " parent_checkpoint_id FROM kernel_checkpoints WHERE kernel_id = :k ORDER BY sequence")
                    .bind("k", kernel).mapToMap().list());
            assertThat(chain).hasSize(acks.checkpoints.size());
            for (int i = 0; i < chain.size(); i++) {
                assertThat(((Number) chain.get(i).get("sequence")).longValue()).isEqualTo(i + 1);
                assertThat(chain.get(i).get("parent_checkpoint_id")).as("parent of #%d", i + 1)
                        .isEqualTo(i == 0 ? null : chain.get(i - 1).get("checkpoint_id"));
            }
            assertThat(chain.stream().map(m -> (String) m.get("checkpoint_id")))
                    .containsExactlyInAnyOrderElementsOf(acks.checkpoints.stream().map(j -> j.get("checkpointId").asText()).toList());

            // one trajectory's waypoints, appended through two nodes at once: 1..n, each acknowledged one at its number
            List<Map<String, Object>> stops = jdbi.withHandle(h -> h.createQuery("SELECT waypoint_id, sequence FROM"
                    + " ocean_waypoints WHERE trajectory_id = :t ORDER BY sequence").bind("t", trajectory).mapToMap().list());
            assertThat(stops).hasSize(acks.waypoints.size() + 1);
            for (int i = 0; i < stops.size(); i++) {
                assertThat(((Number) stops.get(i).get("sequence")).intValue()).isEqualTo(i + 1);
            }
            Map<String, Integer> stored = new java.util.HashMap<>();
            stops.forEach(m -> stored.put((String) m.get("waypoint_id"), ((Number) m.get("sequence")).intValue()));
            for (JsonNode w : acks.waypoints) {
                assertThat(stored.get(w.get("waypointId").asText())).as("acknowledged waypoint at its number")
                        .isEqualTo(w.get("sequence").asInt());
            }

            // one tool's counters
            Map<String, Object> t = jdbi.withHandle(h -> h.createQuery("SELECT times_used, times_succeeded FROM"
                    + " generated_tools WHERE tool_id = :t").bind("t", tool).mapToMap().one());
            assertThat(((Number) t.get("times_used")).intValue()).isEqualTo(acks.toolUses.get());
            assertThat(((Number) t.get("times_succeeded")).intValue()).isEqualTo(acks.toolSuccesses.get());

            // one upload per content, also for the corpus both runs ingested
            assertThat(acks.uploadsInserted.get()).as("uploads answered 201").isEqualTo(1);
            assertThat(acks.uploadIds).hasSize(1);
            long duplicateUploads = jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) - count(DISTINCT content_hash) FROM rag_uploads").mapTo(Long.class).one());
            assertThat(duplicateUploads).isZero();

            // overlapping barriers merged: every acknowledged id is stored, no two active ones of one type and scope overlap
            long barriersStored = jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM geometric_barriers WHERE barrier_id = ANY(:b)")
                    .bindArray("b", String.class, acks.barriers).mapTo(Long.class).one());
            assertThat(barriersStored).isEqualTo(acks.barriers.stream().distinct().count());
            List<Map<String, Object>> active = jdbi.withHandle(h -> h.createQuery("SELECT barrier_id, barrier_type,"
                    + " coalesce(kernel_id, '') AS scope, center_coordinates, radius_fr FROM geometric_barriers WHERE active")
                    .mapToMap().list());
            for (int i = 0; i < active.size(); i++) {
                for (int j = i + 1; j < active.size(); j++) {
                    Map<String, Object> a = active.get(i);
                    Map<String, Object> b = active.get(j);
                    if (a.get("barrier_type").equals(b.get("barrier_type")) && a.get("scope").equals(b.get("scope"))) {
                        double d = FisherRao.distance(basin(a.get("center_coordinates")), basin(b.get("center_coordinates")));
                        assertThat(d).as("active barriers %s and %s of one type and scope overlap", a.get("barrier_id"),
                                b.get("barrier_id")).isGreaterThanOrEqualTo(((Number) a.get("radius_fr")).doubleValue()
                                + ((Number) b.get("radius_fr")).doubleValue());
                    }
                }
            }
            Reliability.record("several writers: 2 runs (same seed) + 2 servers on one database; acknowledged through"
                    + " both servers at once: " + acks.checkpoints.size() + " checkpoints (one chain), "
                    + acks.waypoints.size() + " waypoints (one trajectory, gapless), " + acks.toolUses.get()
                    + " tool uses (exact), " + (acks.uploadsInserted.get() + acks.uploadsFound.get())
                    + " uploads of one content (1 row), " + acks.barriers.size() + " overlapping barriers ("
                    + active.stream().filter(m -> m.get("scope").equals("")).count() + " active global ones after "
                    + BURSTS + " bursts of " + CLIENTS + " created at once, none overlapping); lost 0, duplicated 0");
        }
    }

    static Basin basin(Object sqlArray) {
        try {
            Object[] v = (Object[]) ((java.sql.Array) sqlArray).getArray();
            double[] p = new double[v.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = ((Number) v[i]).doubleValue();
            }
            return Basin.of(p);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode post(int port, String path, ObjectNode body, int status) throws IOException, InterruptedException {
        JsonHttp.Answer a = http.post(port, path, body);
        assertThat(a.status()).as("POST %s: %s", path, a.body()).isEqualTo(status);
        return a.body();
    }

    JsonHttp.Answer upload(int port, String text) throws IOException, InterruptedException {
        return http.postText(port, "/api/v1/documents?filename=shared.txt&domain=writers", text);
    }

    static ObjectNode basinBody(String field, Basin b) {
        ObjectNode o = JsonHttp.JSON.createObjectNode();
        ArrayNode a = o.putArray(field);
        for (double v : b.toArray()) {
            a.add(v);
        }
        return o;
    }

    static ObjectNode kernelBody(Basin start) {
        ObjectNode o = basinBody("basin", start);
        o.put("name", "shared kernel").put("kappa", 64.0).put("seed", 11);
        return o;
    }

    static ObjectNode trajectoryBody(Basin start, Basin target) {
        ObjectNode o = basinBody("start", start);
        ArrayNode t = o.putArray("target");
        for (double v : target.toArray()) {
            t.add(v);
        }
        o.put("reason", "exploration").put("kappaEff", 60.0);
        return o;
    }

    static ObjectNode toolBody() {
        ObjectNode o = JsonHttp.JSON.createObjectNode();
        o.put("name", "several_writers_probe").put("description", "counts uses from several processes");
        try {
            o.set("inputSchema", JsonHttp.JSON.readTree(
                    "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}"));
            o.set("outputSchema", JsonHttp.JSON.readTree(
                    "{\"type\":\"object\",\"properties\":{\"phi\":{\"type\":\"number\"}}}"));
            o.set("implementation", JsonHttp.JSON.readTree("{\"steps\":[{\"op\":\"coordize\",\"args\":{\"text\":"
                    + "\"$input.text\"},\"as\":\"b\"},{\"op\":\"phi\",\"args\":{\"basin\":\"$b\"},\"as\":\"p\"}],"
                    + "\"result\":{\"phi\":\"$p\"}}"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        o.put("generationMethod", "hybrid").put("phiScore", 0.5);
        return o;
    }
}
