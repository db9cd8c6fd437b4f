import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * P8: single-waypoint POSTs on loopback with durable acknowledgements, against a running {@code basin serve}. Each
 * request is {@code POST /api/v1/trajectories/{id}/waypoints} with one basin: the server checks it against the safety
 * index, numbers it under the trajectory row's lock, departs the previous waypoint and inserts the new one, and answers
 * 201 only after the transaction holding it committed (group commit shares that transaction with concurrent appends).
 * Load generator: wrk, one thread per connection, each connection steering its own trajectory. Baseline in the same
 * run: {@code POST /api/v1/geometry/distance} (same server, same generator, no database). Both paths are warmed up
 * first (a server runs long; the JIT needs tens of seconds). Afterwards the stored waypoints are counted against the
 * 201s, and the group commit batch sizes and COMMIT latencies are read from the server's {@code /metrics}.
 *
 * <p>CPU is accounted per party from {@code /proc} over each measured interval: the server JVM (by thread group:
 * request threads, group-commit writers, JIT, GC, other), the PostgreSQL backends of the benchmark's database, the
 * server's shared background processes (WAL writer, checkpointer, ...), the load generator (wrk, a child of this
 * JVM: its CPU arrives in this process's cutime/cstime when it is reaped), and the whole machine (/proc/stat, which
 * also shows what other jobs took). Each is reported in CPU seconds, as cores busy, and in µs per request.
 *
 * <p>Arguments: the server's base URL, the JDBC URL of its database, the output file, the server's pid.
 */
public class ApiBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String db = args[1];
        Path out = Path.of(args[2]);
        Cpu cpu = new Cpu(Long.parseLong(args[3]), db);
        int connections = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "32"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "60"));

        SplittableRandom rnd = new SplittableRandom(8);
        String kernel = field(post(base + "/api/v1/kernels", "{\"name\":\"bench\",\"kappa\":64.21,\"basin\":" + json(random(rnd)) + "}"),
                "kernelId");
        String[][] writes = new String[connections][];
        for (int c = 0; c < connections; c++) {
            double[] from = random(rnd);
            double[] to = random(rnd);
            String t = field(post(base + "/api/v1/agents/" + kernel + "/trajectories", "{\"start\":" + json(from) + ",\"target\":"
                    + json(to) + ",\"reason\":\"exploration\",\"kappaEff\":64.21}"), "trajectoryId");
            writes[c] = new String[65];
            writes[c][0] = "/api/v1/trajectories/" + t + "/waypoints";
            for (int i = 1; i < writes[c].length; i++) {
                writes[c][i] = "{\"basin\":" + json(mix(from, to, i / 64.0)) + "}";
            }
        }
        String[][] distance = new String[connections][];
        for (int c = 0; c < connections; c++) {
            distance[c] = new String[] {"/api/v1/geometry/distance", "{\"p\":" + json(random(rnd)) + ",\"q\":" + json(random(rnd)) + "}"};
        }

        wrk(base, distance, warmUp);
        wrk(base, writes, warmUp);
        Cpu.Snapshot b0 = cpu.snapshot();
        Map<String, Object> baseline = wrk(base, distance, seconds);
        Cpu.Snapshot b1 = cpu.snapshot();
        baseline.put("cpu", cpu.between(b0, b1, (Long) baseline.get("requests")));
        long before = count(db);
        Map<String, Double> m0 = metrics(base);
        Map<String, Long> d0 = dbStats(db);
        String jfr = System.getenv("BENCH_JFR");
        if (jfr != null) {
            jcmd(cpu.serverPid, "JFR.start", "name=p8", "settings=" + System.getenv().getOrDefault("BENCH_JFR_SETTINGS", "profile"), "filename=" + jfr);
        }
        Cpu.Snapshot w0 = cpu.snapshot();
        Map<String, Object> appends = wrk(base, writes, seconds);
        Cpu.Snapshot w1 = cpu.snapshot();
        if (jfr != null) {
            jcmd(cpu.serverPid, "JFR.stop", "name=p8");
        }
        Map<String, Double> m1 = metrics(base);
        appends.put("cpu", cpu.between(w0, w1, (Long) appends.get("requests")));
        Thread.sleep(2000); // backends report their counters to pg_stat_database at most once a second
        Map<String, Long> d1 = dbStats(db);
        Map<String, Object> perRequest = new LinkedHashMap<>();
        d1.forEach((k, v) -> perRequest.put(k, (v - d0.get(k)) / (double) (Long) appends.get("requests")));
        appends.put("database_work_per_request", perRequest);
        long stored = count(db) - before;
        long acked = (Long) appends.get("requests");

        double batches = m1.get("basin_store_batch_size_count") - m0.get("basin_store_batch_size_count");
        double ops = m1.get("basin_store_batch_size_sum") - m0.get("basin_store_batch_size_sum");
        double commitSeconds = m1.get("basin_store_commit_seconds_sum") - m0.get("basin_store_commit_seconds_sum");
        Map<String, Object> p8 = new LinkedHashMap<>();
        p8.put("request", "POST /api/v1/trajectories/{id}/waypoints, one basin per request, one trajectory per connection; 201 after commit");
        p8.put("server", "basin serve (its own JVM) on loopback");
        p8.put("load_generator", wrkVersion() + ", one thread per connection, " + connections + " connections");
        p8.put("warm_up_seconds_per_path", warmUp);
        p8.put("seconds", seconds);
        p8.put("writes", appends);
        p8.put("baseline_distance_no_db", baseline);
        p8.put("ratio_writes_to_baseline", (double) appends.get("requests_per_s") / (double) baseline.get("requests_per_s"));
        p8.put("waypoints_stored", stored);
        // wrk stops with up to one request in flight per connection: those may be stored without being counted
        p8.put("every_acknowledged_waypoint_stored", stored >= acked && stored - acked <= connections);
        // finishing writes what the appends left to it (each stop's departure, the step count): timed per trajectory
        long f0 = System.nanoTime();
        for (String[] w : writes) {
            post(base + w[0].replace("/waypoints", "/finish"), "{\"status\":\"completed\"}");
        }
        double finishMs = (System.nanoTime() - f0) / 1e6;
        p8.put("finish_ms_per_trajectory", finishMs / connections);
        p8.put("finish_us_per_stop", finishMs * 1000 / (stored + connections));
        p8.put("commits", (long) batches);
        p8.put("mean_appends_per_commit", ops / batches);
        p8.put("mean_commit_ms", commitSeconds * 1000 / batches);
        p8.put("target", "requests_per_s >= 5000 and p99_ms <= 20");
        p8.put("met", (double) appends.get("requests_per_s") >= 5000 && (double) appends.get("p99_ms") <= 20);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("P8", p8);
        Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /** Runs wrk with one thread per connection; connection c sends the bodies of paths[c] (path first) in turn. */
    static Map<String, Object> wrk(String base, String[][] paths, int seconds) throws Exception {
        StringBuilder lua = new StringBuilder("local raw = {}\nlocal threads = 0\n");
        for (int c = 0; c < paths.length; c++) {
            lua.append("raw[").append(c).append("] = {");
            for (int i = 0; i < paths[c].length; i++) {
                lua.append(i == 0 ? "'" : ", '").append(paths[c][i]).append("'");
            }
            lua.append("}\n");
        }
        lua.append("""
                setup = function(thread) thread:set('id', threads); threads = threads + 1 end
                init = function(args)
                  reqs = {}; local r = raw[id]
                  for k = 2, #r do reqs[k - 1] = wrk.format('POST', r[1], {['Content-Type']='application/json'}, r[k]) end
                  i = 0
                end
                request = function() i = i % #reqs + 1; return reqs[i] end
                response = function(status, headers, body)
                  if status >= 400 and not shown then shown = true; io.write('FIRST ERROR ' .. status .. ' ' .. body .. '\\n') end
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format('RESULT %d %d %d %d %d %d %d\\n', summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
                    latency:percentile(50), latency:percentile(99), latency.max, summary.duration))
                end
                """);
        Path script = Files.createTempFile("basin-wrk-", ".lua");
        Files.writeString(script, lua);
        try {
            Process p = new ProcessBuilder("wrk", "-t" + paths.length, "-c" + paths.length, "-d" + seconds + "s", "--timeout", "10s",
                    "-s", script.toString(), base).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + text);
            }
            String[] r = text.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no result from wrk: " + text)).split(" ");
            if (Long.parseLong(r[2]) != 0 || Long.parseLong(r[3]) != 0) {
                throw new IllegalStateException("wrk saw " + r[2] + " HTTP errors (status >= 400) and " + r[3] + " socket errors: " + text);
            }
            long requests = Long.parseLong(r[1]);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", requests);
            m.put("requests_per_s", requests / (Long.parseLong(r[7]) / 1e6));
            m.put("p50_ms", Long.parseLong(r[4]) / 1e3);
            m.put("p99_ms", Long.parseLong(r[5]) / 1e3);
            m.put("max_ms", Long.parseLong(r[6]) / 1e3);
            return m;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** CPU accounting from /proc (Linux): see the class comment. */
    static final class Cpu {
        final long serverPid;
        final String db;
        final double tick;

        Cpu(long serverPid, String db) throws Exception {
            this.serverPid = serverPid;
            this.db = db;
            String t = new String(new ProcessBuilder("getconf", "CLK_TCK").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim();
            this.tick = 1.0 / Double.parseDouble(t);
        }

        record Snapshot(long nanos, Map<String, Long> ticks) {}

        Snapshot snapshot() throws Exception {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Path task : Files.list(Path.of("/proc/" + serverPid + "/task")).toList()) {
                String[] st = stat(task.resolve("stat"));
                if (st != null) {
                    m.merge("server " + threadGroup(st[1]), Long.parseLong(st[13]) + Long.parseLong(st[14]), Long::sum);
                }
            }
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pid, coalesce(datname = current_database(), false), backend_type"
                            + " FROM pg_stat_activity WHERE pid <> pg_backend_pid()")) {
                while (rs.next()) {
                    boolean ours = rs.getBoolean(2);
                    String type = rs.getString(3);
                    if (!ours && "client backend".equals(type)) {
                        continue; // other databases' sessions on the same server
                    }
                    String[] st = stat(Path.of("/proc/" + rs.getInt(1) + "/stat"));
                    if (st != null) {
                        m.merge(ours ? "postgres backends" : "postgres background", Long.parseLong(st[13]) + Long.parseLong(st[14]), Long::sum);
                    }
                }
            }
            String[] self = stat(Path.of("/proc/self/stat"));
            m.put("load generator (wrk)", Long.parseLong(self[15]) + Long.parseLong(self[16]));
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < all.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(all[i]);
                }
            }
            m.put("machine (all processes)", busy);
            return new Snapshot(System.nanoTime(), m);
        }

        /** Per party: CPU seconds, cores busy and µs per request between two snapshots. */
        Map<String, Object> between(Snapshot a, Snapshot b, long requests) {
            double seconds = (b.nanos() - a.nanos()) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            double serverTotal = 0;
            Map<String, Object> threads = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : b.ticks().entrySet()) {
                double cpu = (e.getValue() - a.ticks().getOrDefault(e.getKey(), 0L)) * tick;
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("cpu_seconds", cpu);
                x.put("cores", cpu / seconds);
                x.put("us_per_request", cpu * 1e6 / requests);
                if (e.getKey().startsWith("server ")) {
                    serverTotal += cpu;
                    threads.put(e.getKey().substring(7), x);
                } else {
                    out.put(e.getKey(), x);
                }
            }
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("cpu_seconds", serverTotal);
            server.put("cores", serverTotal / seconds);
            server.put("us_per_request", serverTotal * 1e6 / requests);
            server.put("threads", threads);
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("interval_seconds", seconds);
            ordered.put("server (basin serve JVM)", server);
            ordered.putAll(out);
            return ordered;
        }

        /** A thread name reduced to its group (digits and pool suffixes dropped). */
        static String threadGroup(String comm) {
            String n = comm.replaceAll("^\\(|\\)$", "");
            if (n.startsWith("qtp") || n.startsWith("JettyServerThr")) {
                return "http request threads";
            }
            if (n.startsWith("basin-group-co")) {
                return "group-commit writers";
            }
            if (n.startsWith("C1 Comp") || n.startsWith("C2 Comp")) {
                return "JIT compiler";
            }
            if (n.startsWith("GC ") || n.startsWith("G1 ") || n.contains("GC")) {
                return "garbage collector";
            }
            return "other";
        }

        /** The fields of a /proc stat file with the command name kept whole, or null if the process is gone. */
        static String[] stat(Path p) {
            String s;
            try {
                s = Files.readString(p);
            } catch (IOException e) {
                return null;
            }
            int open = s.indexOf('('), close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).trim().split(" ");
            String[] f = new String[rest.length + 2];
            f[0] = s.substring(0, open).trim();
            f[1] = s.substring(open, close + 1);
            System.arraycopy(rest, 0, f, 2, rest.length);
            return f;
        }
    }

    /** Runs the JDK's jcmd against the server (a flight recording of the measured writes when BENCH_JFR is set). */
    static void jcmd(long pid, String... command) throws Exception {
        Path javaBin = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> cmd = new ArrayList<>(List.of(javaBin.resolveSibling("jcmd").toString(), Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + text);
        }
    }

    static String wrkVersion() throws IOException {
        String v = new String(new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        return v.lines().findFirst().orElse("wrk").replaceAll("\\s+Copyright.*", "");
    }

    /** The unlabelled samples of the server's Prometheus text. */
    static Map<String, Double> metrics(String base) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> m = new LinkedHashMap<>();
        text.lines().filter(l -> !l.startsWith("#") && !l.contains("{")).forEach(l -> {
            String[] kv = l.split(" ");
            m.put(kv[0], Double.parseDouble(kv[1]));
        });
        return m;
    }

    /**
     * The benchmark database's counters (pg_stat_database): transactions committed, rows inserted, updated and fetched,
     * buffer accesses (shared-buffer hits plus reads); differences per request show PostgreSQL's work whatever the load.
     */
    static Map<String, Long> dbStats(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_fetched, blks_hit + blks_read"
                    + " FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                Map<String, Long> m = new LinkedHashMap<>();
                String[] names = {"commits", "rows_inserted", "rows_updated", "rows_fetched", "buffer_accesses"};
                for (int i = 0; i < names.length; i++) {
                    m.put(names[i], rs.getLong(i + 1));
                }
                return m;
            }
        }
    }

    static long count(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM ocean_waypoints")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String post(String url, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\":\"([a-z]+_[0-9a-f]+)\".*", "$1");
    }

    /** A Dirichlet(1) point of the 64-simplex. */
    static double[] random(SplittableRandom rnd) {
        double[] w = new double[64];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1 - rnd.nextDouble());
            s += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= s;
        }
        return w;
    }

    /** (1 − t)·a + t·b, renormalised: a stop on the way from a to b. */
    static double[] mix(double[] a, double[] b, double t) {
        double[] w = new double[a.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = (1 - t) * a[i] + t * b[i];
            s += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= s;
        }
        return w;
    }

    static String json(double[] b) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < b.length; i++) {
            s.append(i == 0 ? "" : ",").append(b[i]);
        }
        return s.append(']').toString();
    }
}
