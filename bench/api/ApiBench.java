import dev.basin.api.ApiConfig;
import dev.basin.api.ApiServer;
import dev.basin.api.ApiServices;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * P8: single-waypoint POSTs on loopback with durable acknowledgements. Each request is
 * {@code POST /api/v1/agents/{id}/navigate} with {@code maxSteps: 1}: the ocean agent plans (reusing the stored path),
 * checks the step against the safety index, and commits the trajectory and its one waypoint before answering 201.
 * Baseline in the same run: {@code POST /api/v1/geometry/distance} (same server, same client, no database write).
 * Closed loop: BENCH_CLIENTS concurrent clients, each sending its next request when the previous answer arrived.
 */
public class ApiBench {
    public static void main(String[] args) throws Exception {
        String admin = args[0];
        Path out = Path.of(args[1]);
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "32"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
        String db = "basin_bench_api_" + Ids.next("").substring(0, 12);
        exec(admin, "CREATE DATABASE " + db);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
        Map<String, Object> result = new LinkedHashMap<>();
        try (Store store = Store.open(StoreConfig.builder().url(url).poolSize(24).build());
                ApiServices services = ApiServices.open(store, Clock.systemUTC());
                ApiServer server = ApiServer.create(ApiConfig.of("127.0.0.1", 0, null), services).start()) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
            SplittableRandom rnd = new SplittableRandom(8);
            Basin start = random(rnd);
            Basin target = FisherRao.pointAt(start, random(rnd), 0.5);
            String kernel = post(http, base + "/api/v1/kernels", "{\"name\":\"bench\",\"kappa\":64.21,\"basin\":" + json(start) + "}")
                    .replaceAll(".*\"kernelId\":\"(krn_[0-9a-f]+)\".*", "$1");
            // Distinct start/target pairs, so requests do not all reuse (and lock) one stored path row.
            String[] navigate = new String[4096];
            for (int i = 0; i < navigate.length; i++) {
                Basin s = random(rnd);
                navigate[i] = "{\"start\":" + json(s) + ",\"target\":" + json(FisherRao.pointAt(s, random(rnd), 0.5))
                        + ",\"reason\":\"exploration\",\"kappaEff\":64.21,\"maxSteps\":1}";
            }
            String[] distance = {"{\"p\":" + json(start) + ",\"q\":" + json(target) + "}"};
            run(http, base + "/api/v1/geometry/distance", distance, clients, 3, 200); // warm-up
            run(http, base + "/api/v1/agents/" + kernel + "/navigate", navigate, clients, 3, 201);
            Map<String, Object> baseline = run(http, base + "/api/v1/geometry/distance", distance, clients, seconds, 200);
            Map<String, Object> writes = run(http, base + "/api/v1/agents/" + kernel + "/navigate", navigate, clients, seconds, 201);
            long waypoints = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ocean_waypoints").mapTo(Long.class).one());
            Map<String, Object> p8 = new LinkedHashMap<>();
            p8.put("request", "POST /api/v1/agents/{id}/navigate maxSteps=1, distinct start/target per request (one waypoint, durable)");
            p8.put("clients", clients);
            p8.put("seconds", seconds);
            p8.put("writes", writes);
            p8.put("baseline_distance_no_db", baseline);
            p8.put("waypoints_stored", waypoints);
            p8.put("ratio_writes_to_baseline", (double) writes.get("requests_per_s") / (double) baseline.get("requests_per_s"));
            p8.put("target", "requests_per_s >= 5000 and p99_ms <= 20");
            p8.put("met", (double) writes.get("requests_per_s") >= 5000 && (double) writes.get("p99_ms") <= 20);
            result.put("P8", p8);
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        Files.writeString(out, Store.newObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.exit(0); // the HTTP client's executor threads would keep the JVM alive
    }

    static Map<String, Object> run(HttpClient http, String url, String[] bodies, int clients, int seconds, int expect) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String body = bodies[(client + n * clients) % bodies.length];
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != expect) {
                        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", lat.length);
        m.put("requests_per_s", lat.length / (double) seconds);
        m.put("p50_ms", lat[lat.length / 2] / 1e6);
        m.put("p99_ms", lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)] / 1e6);
        m.put("max_ms", lat[lat.length - 1] / 1e6);
        return m;
    }

    static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static Basin random(SplittableRandom rnd) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1 - rnd.nextDouble());
        }
        return Basin.normalize(w);
    }

    static String json(Basin b) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Basin.DIM; i++) {
            s.append(i == 0 ? "" : ",").append(b.get(i));
        }
        return s.append(']').toString();
    }

    static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
