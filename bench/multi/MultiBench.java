import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Several nodes, one database. Starts three {@code basin serve} processes on one fresh database and measures:
 *
 * <ol>
 *   <li>Visibility lag: a barrier created through node A (201 received) until a safety check through node B refuses a
 *       point inside it, checks sent back to back over one keep-alive connection; alternately A→B and B→A. The
 *       baseline in the same run is one check's round trip on B (the resolution of the measurement).</li>
 *   <li>Append throughput through nginx with one, two and three nodes behind it (wrk, single-waypoint POSTs, durable
 *       201s, each connection steering its own trajectory), and straight to one node without a balancer as the
 *       baseline; during each measurement the CPU time of nginx, each node, the PostgreSQL backends serving the
 *       database, and wrk is read from /proc, with the whole machine's busy time for comparison, and the nodes'
 *       group commits (batch count and size) from their /metrics.</li>
 * </ol>
 *
 * <p>Arguments: basin.jar, the JDBC URL of the (empty) database, the nginx binary, a work directory, the output file.
 * Environment: BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (20), BENCH_CLIENTS (32), BENCH_LAG_SAMPLES (200).
 */
public class MultiBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final long TICKS = 100; // USER_HZ on Linux
    static final List<Process> CHILDREN = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String db = args[1];
        String nginxBinary = args[2];
        Path work = Path.of(args[3]);
        Path out = Path.of(args[4]);
        int seconds = env("BENCH_SECONDS", 15);
        int warmUp = env("BENCH_WARMUP_SECONDS", 20);
        int connections = env("BENCH_CLIENTS", 32);
        int samples = env("BENCH_LAG_SAMPLES", 200);
        Runtime.getRuntime().addShutdownHook(new Thread(MultiBench::stopAll));
        try {
            int[] ports = new int[3];
            Process[] nodes = new Process[3];
            for (int i = 0; i < 3; i++) {
                ports[i] = freePort();
                nodes[i] = start(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-jar", jar.toString(), "serve", "--db", db, "--port", Integer.toString(ports[i]))
                        .redirectErrorStream(true).redirectOutput(work.resolve("node" + i + ".log").toFile()));
            }
            for (int i = 0; i < 3; i++) {
                awaitPort(ports[i], nodes[i], 180);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("nodes", "3 x basin serve (java -Xmx1g -jar basin.jar serve), one PostgreSQL database");
            result.put("lag", lag(ports, samples));

            SplittableRandom rnd = new SplittableRandom(8);
            String kernel = ApiBench.field(ApiBench.post(base(ports[0]) + "/api/v1/kernels",
                    "{\"name\":\"bench\",\"kappa\":64.21,\"basin\":" + ApiBench.json(ApiBench.random(rnd)) + "}"), "kernelId");
            String[][] writes = new String[connections][];
            for (int c = 0; c < connections; c++) {
                double[] from = ApiBench.random(rnd);
                double[] to = ApiBench.random(rnd);
                String t = ApiBench.field(ApiBench.post(base(ports[c % 3]) + "/api/v1/agents/" + kernel + "/trajectories",
                        "{\"start\":" + ApiBench.json(from) + ",\"target\":" + ApiBench.json(to)
                                + ",\"reason\":\"exploration\",\"kappaEff\":64.21}"), "trajectoryId");
                writes[c] = new String[65];
                writes[c][0] = "/api/v1/trajectories/" + t + "/waypoints";
                for (int i = 1; i < writes[c].length; i++) {
                    writes[c][i] = "{\"basin\":" + ApiBench.json(ApiBench.mix(from, to, i / 64.0)) + "}";
                }
            }
            Map<String, Object> throughput = new LinkedHashMap<>();
            List<Long> nodePids = Arrays.stream(nodes).map(Process::pid).toList();
            String dbName = db.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
            for (int i = 0; i < 3; i++) {
                ApiBench.wrk(base(ports[i]), writes, warmUp);
            }
            throughput.put("direct_1_node_no_balancer", measure(base(ports[0]), writes, seconds, db, dbName, nodePids, null, ports));
            for (int k = 1; k <= 3; k++) {
                Path dir = work.resolve("nginx-" + k);
                Process nginx = startNginx(nginxBinary, dir, Arrays.copyOf(ports, k));
                try {
                    int port = nginxPort(dir);
                    ApiBench.wrk(base(port), writes, Math.max(5, warmUp / 4));
                    throughput.put("nginx_" + k + "_node" + (k == 1 ? "" : "s"),
                            measure(base(port), writes, seconds, db, dbName, nodePids, nginx, ports));
                } finally {
                    stop(nginx);
                }
            }
            double one = rps(throughput.get("nginx_1_node"));
            for (Map.Entry<String, Object> e : throughput.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) e.getValue();
                m.put("ratio_to_nginx_1_node", (double) m.get("requests_per_s") / one);
            }
            result.put("append_throughput", throughput);
            result.put("load_generator", ApiBench.wrkVersion() + ", one thread per connection, " + connections
                    + " connections, " + seconds + " s per measurement after " + warmUp + " s warm-up per node");
            Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } finally {
            stopAll();
        }
    }

    static int env(String name, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(name, Integer.toString(fallback)));
    }

    static double rps(Object m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return (double) map.get("requests_per_s");
    }

    /** Barrier through one node until a check through the other refuses it, {@code samples} times, both ways. */
    static Map<String, Object> lag(int[] ports, int samples) throws Exception {
        SplittableRandom r = new SplittableRandom(77);
        double[] lags = new double[samples];
        double[] checks = new double[samples];
        for (int i = 0; i < samples; i++) {
            int a = ports[i % 2];
            int b = ports[(i + 1) % 2];
            double[] c = ApiBench.random(r);
            String body = ApiBench.post(base(a) + "/api/v1/safety/barriers", "{\"center\":" + ApiBench.json(c)
                    + ",\"radius\":0.02,\"type\":\"decoherence\",\"severity\":0.5,\"reason\":\"lag sample " + i + "\"}");
            long created = System.nanoTime();
            String id = ApiBench.field(body, "barrierId");
            String check = "{\"basin\":" + ApiBench.json(c) + "}";
            int n = 0;
            while (true) {
                n++;
                String v = ApiBench.post(base(b) + "/api/v1/safety/check", check);
                if (v.contains(id)) {
                    break;
                }
                if (System.nanoTime() - created > TimeUnit.SECONDS.toNanos(10)) {
                    throw new IllegalStateException("barrier " + id + " not seen on the other node within 10 s");
                }
            }
            lags[i] = (System.nanoTime() - created) / 1e6;
            long t = System.nanoTime();
            ApiBench.post(base(b) + "/api/v1/safety/check", check);
            checks[i] = (System.nanoTime() - t) / 1e6;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", "barrier created through node A (201 received) until a check through node B refuses it; alternately A->B and B->A");
        m.put("samples", samples);
        m.put("p50_ms", percentile(lags, 50));
        m.put("p99_ms", percentile(lags, 99));
        m.put("max_ms", percentile(lags, 100));
        m.put("baseline_check_round_trip_p50_ms", percentile(checks, 50));
        m.put("baseline_check_round_trip_p99_ms", percentile(checks, 99));
        m.put("ratio_p50_to_check_round_trip", percentile(lags, 50) / percentile(checks, 50));
        return m;
    }

    static double percentile(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    /** One wrk measurement with the CPU time of every party read before and after. */
    static Map<String, Object> measure(String base, String[][] writes, int seconds, String db, String dbName,
            List<Long> nodePids, Process nginx, int[] ports) throws Exception {
        long before = ApiBench.count(db);
        List<Map<String, Double>> metrics0 = new ArrayList<>();
        for (int port : ports) {
            metrics0.add(ApiBench.metrics(base(port)));
        }
        List<Long> backends = backends(db, dbName);
        Map<String, Long> cpu0 = cpu(nodePids, backends, nginx);
        long[] machine0 = machine();
        long wrk0 = reapedChildrenTicks();
        long t0 = System.nanoTime();
        Map<String, Object> w = ApiBench.wrk(base, writes, seconds);
        double wall = (System.nanoTime() - t0) / 1e9;
        double wrkCores = (reapedChildrenTicks() - wrk0) / (double) TICKS / wall;
        long[] machine1 = machine();
        Map<String, Long> cpu1 = cpu(nodePids, backends, nginx);
        long stored = ApiBench.count(db) - before;
        double commits = 0;
        double operations = 0;
        for (int i = 0; i < ports.length; i++) {
            Map<String, Double> m1 = ApiBench.metrics(base(ports[i]));
            commits += m1.get("basin_store_batch_size_count") - metrics0.get(i).get("basin_store_batch_size_count");
            operations += m1.get("basin_store_batch_size_sum") - metrics0.get(i).get("basin_store_batch_size_sum");
        }
        Map<String, Object> m = new LinkedHashMap<>(w);
        m.put("commits_per_s_all_nodes", commits / wall);
        m.put("mean_operations_per_commit", operations / commits);
        m.put("waypoints_stored", stored);
        m.put("every_acknowledged_waypoint_stored", stored >= (Long) w.get("requests")
                && stored - (Long) w.get("requests") <= writes.length);
        Map<String, Object> cores = new LinkedHashMap<>();
        double total = 0;
        for (String k : cpu1.keySet()) {
            double c = (cpu1.get(k) - cpu0.getOrDefault(k, 0L)) / (double) TICKS / wall;
            cores.put(k, Math.round(c * 1000) / 1000.0);
            total += c;
        }
        // the load generator: wrk's CPU time, added to this JVM's children's time when it was waited for
        cores.put("wrk", Math.round(wrkCores * 1000) / 1000.0);
        total += wrkCores;
        double busy = (machine1[0] - machine0[0]) / (double) TICKS / wall;
        double all = (machine1[1] - machine0[1]) / (double) TICKS / wall;
        cores.put("sum_of_the_above", Math.round(total * 1000) / 1000.0);
        cores.put("machine_busy", Math.round(busy * 1000) / 1000.0);
        cores.put("machine_cores", Math.round(all * 1000) / 1000.0);
        m.put("cpu_cores_used", cores);
        Map<String, Object> perRequest = new LinkedHashMap<>();
        double rps = (double) w.get("requests_per_s");
        for (Map.Entry<String, Object> e : cores.entrySet()) {
            if (!e.getKey().startsWith("machine") && !e.getKey().equals("sum_of_the_above")) {
                perRequest.put(e.getKey(), Math.round((double) e.getValue() / rps * 1e6) / 1000.0);
            }
        }
        m.put("cpu_ms_per_request", perRequest);
        m.put("postgresql_backends_sampled", backends.size());
        return m;
    }

    /** The pids of the PostgreSQL backends connected to the bench database (the nodes' pools and listeners). */
    static List<Long> backends(String db, String dbName) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + dbName
                        + "' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }

    /** Cumulative CPU ticks (user + system) per party. */
    static Map<String, Long> cpu(List<Long> nodes, List<Long> backends, Process nginx) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            m.put("node" + i, ticks(nodes.get(i)));
        }
        long pg = 0;
        for (long p : backends) {
            pg += ticks(p);
        }
        m.put("postgresql_backends", pg);
        if (nginx != null) {
            long n = ticks(nginx.pid());
            for (ProcessHandle h : nginx.toHandle().children().toList()) {
                n += ticks(h.pid());
            }
            m.put("nginx", n);
        }
        return m;
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU ticks of this JVM's children that it has waited for (cutime + cstime of /proc/self/stat). */
    static long reapedChildrenTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** {busy ticks, all ticks} of the whole machine from /proc/stat. */
    static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < f.length; i++) {
            all += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {all - idle, all};
    }

    static Process startNginx(String binary, Path dir, int[] upstreams) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        StringBuilder servers = new StringBuilder();
        for (int u : upstreams) {
            servers.append("    server 127.0.0.1:").append(u).append(" max_fails=1 fail_timeout=1s;\n");
        }
        String d = dir.toAbsolutePath().toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                user %s;
                daemon off;
                master_process on;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %s/client_body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  client_body_buffer_size 1m;
                  proxy_max_temp_file_size 0;
                  upstream basin {
                %s    keepalive 64;
                  }
                  server {
                    listen 127.0.0.1:%d;
                    location / {
                      proxy_pass http://basin;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """.formatted(System.getProperty("user.name"), d, d, d, d, d, d, d, servers, port));
        Files.writeString(dir.resolve("port"), Integer.toString(port));
        Process p = start(new ProcessBuilder(binary, "-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()));
        awaitPort(port, p, 30);
        return p;
    }

    static int nginxPort(Path dir) throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("port")).trim());
    }

    static synchronized Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        CHILDREN.add(p);
        return p;
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }

    static synchronized void stopAll() {
        for (Process p : CHILDREN) {
            try {
                if (p.isAlive()) {
                    stop(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void awaitPort(int port, Process p, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    throw new IllegalStateException("process " + p.pid() + " does not listen on " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String base(int port) {
        return "http://127.0.0.1:" + port;
    }
}
