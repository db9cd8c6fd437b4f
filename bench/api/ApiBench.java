import dev.basin.api.ApiConfig;
import dev.basin.api.ApiServer;
import dev.basin.api.ApiServices;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
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
 * {@code POST /api/v1/trajectories/{id}/waypoints} with one basin: the server checks it against the safety index,
 * numbers it under the trajectory row's lock, departs the previous waypoint and inserts the new one, and answers 201
 * only after the transaction holding it committed (group commit shares that transaction with concurrent appends).
 * Every client steers its own trajectory. Baseline in the same run: {@code POST /api/v1/geometry/distance} (same server,
 * same client, no database). Closed loop over keep-alive HTTP/1.1 connections, one per client; after the run the stored
 * waypoints are counted against the 201s received.
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
        try (Store store = Store.open(StoreConfig.builder().url(url).build());
                ApiServices services = ApiServices.open(store, Clock.systemUTC());
                ApiServer server = ApiServer.create(ApiConfig.of("127.0.0.1", 0, null), services).start()) {
            int port = server.port();
            SplittableRandom rnd = new SplittableRandom(8);
            Basin start = random(rnd);
            String kernel = field(send(port, "/api/v1/kernels", "{\"name\":\"bench\",\"kappa\":64.21,\"basin\":" + json(start) + "}", 201),
                    "kernelId");
            // Each client appends to its own trajectory: stops along a geodesic, as a steering service would send them.
            String[][] bodies = new String[clients][];
            String[] paths = new String[clients];
            for (int c = 0; c < clients; c++) {
                Basin from = random(rnd);
                Basin to = random(rnd);
                paths[c] = "/api/v1/trajectories/" + field(send(port, "/api/v1/agents/" + kernel + "/trajectories", "{\"start\":"
                        + json(from) + ",\"target\":" + json(to) + ",\"reason\":\"exploration\",\"kappaEff\":64.21}", 201), "trajectoryId")
                        + "/waypoints";
                bodies[c] = new String[64];
                for (int i = 0; i < bodies[c].length; i++) {
                    bodies[c][i] = "{\"basin\":" + json(FisherRao.pointAt(from, to, (i + 1) / 64.0)) + "}";
                }
            }
            String[] distancePath = new String[clients];
            String[][] distanceBody = new String[clients][];
            Arrays.fill(distancePath, "/api/v1/geometry/distance");
            Arrays.fill(distanceBody, new String[] {"{\"p\":" + json(start) + ",\"q\":" + json(random(rnd)) + "}"});
            long waypointsBefore = count(store);
            run(port, distancePath, distanceBody, 200, 3); // warm-up
            run(port, paths, bodies, 201, 3);
            Map<String, Object> baseline = run(port, distancePath, distanceBody, 200, seconds);
            long acksBefore = count(store);
            Store.WriteStats statsBefore = store.writeStats();
            Map<String, Object> writes = run(port, paths, bodies, 201, seconds);
            Store.WriteStats statsAfter = store.writeStats();
            long stored = count(store) - acksBefore;
            Map<String, Object> p8 = new LinkedHashMap<>();
            p8.put("request", "POST /api/v1/trajectories/{id}/waypoints, one basin per request, one trajectory per client; 201 after commit");
            p8.put("clients", clients);
            p8.put("seconds", seconds);
            p8.put("writes", writes);
            p8.put("baseline_distance_no_db", baseline);
            p8.put("waypoints_stored_during_run", stored);
            p8.put("acknowledged_equals_stored", stored == ((Number) writes.get("requests")).longValue());
            long commits = statsAfter.commits() - statsBefore.commits();
            p8.put("commits", commits);
            p8.put("mean_appends_per_commit", commits == 0 ? 0.0 : (statsAfter.operations() - statsBefore.operations()) / (double) commits);
            p8.put("waypoints_before_run", waypointsBefore);
            p8.put("ratio_writes_to_baseline", (double) writes.get("requests_per_s") / (double) baseline.get("requests_per_s"));
            p8.put("target", "requests_per_s >= 5000 and p99_ms <= 20");
            p8.put("met", (double) writes.get("requests_per_s") >= 5000 && (double) writes.get("p99_ms") <= 20);
            result.put("P8", p8);
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        Files.writeString(out, Store.newObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    static long count(Store store) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ocean_waypoints").mapTo(Long.class).one());
    }

    /** Closed loop: client c sends its bodies in turn to paths[c] and records each latency. */
    static Map<String, Object> run(int port, String[] paths, String[][] bodies, int expect, int seconds) throws Exception {
        int clients = paths.length;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                try (HttpConnection conn = new HttpConnection(port)) {
                    long[] lat = new long[1 << 14];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        byte[] req = conn.request(paths[client], bodies[client][n % bodies[client].length]);
                        long t0 = System.nanoTime();
                        conn.exchange(req, expect);
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(lat, n);
                }
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

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status line, headers and Content-Length body. */
    static final class HttpConnection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private String lastBody = "";

        HttpConnection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        byte[] request(String path, String body) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] r = Arrays.copyOf(head, head.length + b.length);
            System.arraycopy(b, 0, r, head.length, b.length);
            return r;
        }

        void exchange(byte[] request, int expect) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(h.substring(colon + 1).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length in the answer: " + status);
            }
            int read = 0;
            byte[] body = length <= buf.length ? buf : new byte[length];
            while (read < length) {
                int r = in.read(body, read, length - read);
                if (r < 0) {
                    throw new IOException("connection closed mid-body");
                }
                read += r;
            }
            lastBody = new String(body, 0, length, StandardCharsets.UTF_8);
            if (code != expect) {
                throw new IllegalStateException("answered " + code + " (expected " + expect + "): " + lastBody);
            }
        }

        String body() {
            return lastBody;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String send(int port, String path, String body, int expect) throws IOException {
        try (HttpConnection c = new HttpConnection(port)) {
            c.exchange(c.request(path, body), expect);
            return c.body();
        }
    }

    static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\":\"([a-z]+_[0-9a-f]+)\".*", "$1");
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
