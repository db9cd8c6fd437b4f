
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Regime;
import dev.basin.kernel.CheckpointRow;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.KernelTables;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationTables;
import dev.basin.navigation.WaypointRow;
import dev.basin.store.ColumnType;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.Table;
import dev.basin.store.internal.BinaryCopyEncoder;
import dev.basin.store.internal.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Store benchmark P3 (waypoint bulk write), quality.md, and the plan check of the shared-transaction appends. Run by
 * bench/run-store; arguments: adminUrl outputJson. Sizes from the environment: BENCH_ROWS (P3 rows per method,
 * default 1e6), BENCH_GUIDE_ROWS (rows of the one-INSERT-and-COMMIT-per-row baseline, default 5000: its rate is
 * constant per row, so a sample measures it), BENCH_CONCURRENT_ROWS (group-commit single inserts from 32 threads,
 * default 50000). P4 (checkpoints) is bench/run-kernel's.
 *
 * <p>Plan check: 32 threads append stops to trajectories of their own through {@code TrajectoryRecorder} (the REST
 * append's path: lock and read the last stops, set step counts and departures, insert; shared transactions) while
 * {@code ocean_waypoints} is empty, then again on the same connections after (b) grew it to BENCH_ROWS rows without
 * anything that would make PostgreSQL re-plan (no TRUNCATE, no ANALYZE in between): the time per append and the
 * table's sequential scans (PostgreSQL's counters) before and after growth show whether the statements still look
 * rows up by key.
 *
 * Rows are the features' own records and declarations (navigation.WaypointRow / NavigationTables.WAYPOINTS), written
 * through the Store methods the features use.
 */
public class StoreBench {
    static final Table<WaypointRow> WAYPOINTS = NavigationTables.WAYPOINTS;
    static final String[] REGIMES = {"linear", "geometric", "hierarchical", "breakdown"};

    public static void main(String[] args) throws Exception {
        String admin = args[0];
        Path out = Path.of(args[1]);
        int rows = env("BENCH_ROWS", 1_000_000);
        int guideRows = env("BENCH_GUIDE_ROWS", 5_000);
        int concurrentRows = env("BENCH_CONCURRENT_ROWS", 50_000);
        String db = "basin_bench_" + Ids.next("").substring(0, 12);
        exec(admin, "CREATE DATABASE " + db);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
        Map<String, Object> result = new LinkedHashMap<>();
        try (Store store = Store.open(StoreConfig.builder().url(url).poolSize(40).groupCommitWriters(2).build())) {
            Fixture f = fixture(store, 1000);
            result.put("P3", p3(store, f, rows, guideRows, concurrentRows));
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        ObjectMapper m = Store.newObjectMapper();
        Files.writeString(out, m.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    record Fixture(String kernelId, List<String> trajectories, Basin[] basins, ObjectMapper json) {}

    static Fixture fixture(Store store, int trajectories) {
        Random r = new Random(7);
        Basin[] basins = new Basin[4096];
        for (int i = 0; i < basins.length; i++) {
            double[] w = new double[64];
            for (int j = 0; j < 64; j++) {
                w[j] = -Math.log(1 - r.nextDouble());
            }
            basins[i] = Basin.normalize(w);
        }
        String session = Ids.next("ses_");
        String kernel = Ids.next("krn_");
        List<String> trajs = new ArrayList<>();
        store.useTransaction(tx -> {
            Handle h = new Handle(tx.handle());
            h.exec("INSERT INTO sessions (session_id, seed, status) VALUES (?, 1, 'running')", session);
            h.exec("INSERT INTO kernels (kernel_id, session_id, name, generation, status, basin, phi, kappa, kappa_eff,"
                    + " regime, neurotransmitters, rng_state) VALUES (?, ?, 'bench', 0, 'awake', ?, 0.5, 64, 64, 'geometric', '{}', 1)",
                    kernel, session, basins[0].toArray());
            for (int i = 0; i < trajectories; i++) {
                String t = Ids.next("traj_");
                trajs.add(t);
                h.exec("INSERT INTO ocean_trajectories (trajectory_id, agent_id, start_basin, target_basin, movement_reason,"
                        + " status) VALUES (?, ?, ?, ?, 'exploration', 'active')", t, kernel, basins[1].toArray(), basins[2].toArray());
            }
        });
        return new Fixture(kernel, trajs, basins, store.json());
    }

    /** Tiny helper over the transaction's JDBI handle for fixture rows of tables the bench does not declare. */
    record Handle(org.jdbi.v3.core.Handle h) {
        void exec(String sql, Object... args) {
            var u = h.createUpdate(sql);
            for (int i = 0; i < args.length; i++) {
                u.bind(i, args[i]);
            }
            u.execute();
        }
    }

    static List<WaypointRow> waypoints(Fixture f, int n, int offset) {
        List<WaypointRow> out = new ArrayList<>(n);
        Random r = new Random(11 + offset);
        int perTrajectory = (n + offset + f.trajectories().size() - 1) / f.trajectories().size() + 1;
        Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
        ObjectNode meta = f.json().createObjectNode().put("speed", 0.0125).put("detour", false);
        for (int i = 0; i < n; i++) {
            int k = offset + i;
            String traj = f.trajectories().get(k % f.trajectories().size());
            int seq = k / f.trajectories().size() + 1;
            Instant arrived = t0.plusNanos(k * 1_000_000L);
            boolean departed = (k & 1) == 0;
            out.add(new WaypointRow(Ids.next("wp_"), traj, f.kernelId(), seq, f.basins()[r.nextInt(f.basins().length)],
                    MovementReason.values()[k & 3], r.nextDouble(), 40 + 30 * r.nextDouble(), REGIMES[(k >> 2) & 3], arrived,
                    departed ? arrived.plusMillis(5) : null, departed ? 5L : null, meta));
        }
        if (perTrajectory < 0) {
            throw new IllegalStateException();
        }
        return out;
    }

    static Map<String, Object> p3(Store store, Fixture f, int n, int guideN, int concurrentN) throws Exception {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("rows", n);
        System.err.printf(Locale.ROOT, "P3: generating %d waypoint rows%n", n);
        List<WaypointRow> rows = waypoints(f, n, 0);
        int offset = n;

        // warm-up of every code path (JIT), not measured
        List<WaypointRow> warm = waypoints(f, Math.min(50_000, Math.max(1000, n / 10)), 0);
        for (int round = 0; round < 2; round++) {
            truncate(store);
            List<byte[]> e = encode(store, warm);
            rawCopy(store, e);
            truncate(store);
            store.copy(WAYPOINTS, warm);
            truncate(store);
            store.insertBatch(WAYPOINTS, warm.subList(0, Math.min(5000, warm.size())));
        }
        System.err.printf(Locale.ROOT, "  warmed up with %d rows%n", warm.size());

        // (c) raw binary COPY: rows encoded beforehand, only the COPY is timed
        truncate(store);
        List<byte[]> encoded = encode(store, rows);
        long bytes = encoded.stream().mapToLong(b -> b.length).sum();
        double cRate = timeRate(n, () -> rawCopy(store, encoded));
        encoded.clear();
        System.err.printf(Locale.ROOT, "  (c) raw binary COPY       %,10.0f rows/s (%d MB)%n", cRate, bytes >> 20);

        // (b) our write path: Store.copy of the records (extraction, validation, encoding and COPY, one transaction);
        // the plan check's appends run on the empty table before it and on the grown table after it
        truncate(store);
        AppendCheck check = new AppendCheck(store, f);
        Map<String, Object> fresh = check.run("empty table");
        double bRate = timeRate(n, () -> store.copy(WAYPOINTS, rows));
        System.err.printf(Locale.ROOT, "  (b) Store.copy            %,10.0f rows/s%n", bRate);
        Map<String, Object> grown = check.run("after (b): " + n + " more rows");
        check.close();
        Map<String, Object> plans = new LinkedHashMap<>();
        plans.put("fresh", fresh);
        plans.put("grown", grown);
        plans.put("ratio_grown_over_fresh_us_per_append", (double) grown.get("wall_us_per_append") / (double) fresh.get("wall_us_per_append"));
        plans.put("sequential_scans_after_growth", grown.get("sequential_scans"));
        res.put("append_plans", plans);

        // (c) again after (b), so that neither benefits from going second
        truncate(store);
        List<byte[]> encoded2 = encode(store, rows);
        double cRate2 = timeRate(n, () -> rawCopy(store, encoded2));
        encoded2.clear();
        System.err.printf(Locale.ROOT, "  (c) raw binary COPY again %,10.0f rows/s%n", cRate2);

        // (b) Store.insertBatch in chunks of 5000 rows (the path a feature takes with a list of rows)
        truncate(store);
        double bBatch = timeRate(n, () -> {
            for (int i = 0; i < n; i += 5000) {
                store.insertBatch(WAYPOINTS, rows.subList(i, Math.min(n, i + 5000)));
            }
        });
        System.err.printf(Locale.ROOT, "  (b) Store.insertBatch/5000 %,9.0f rows/s%n", bBatch);

        // (b) single-row Store.insert from 32 concurrent threads (group commit)
        truncate(store);
        List<WaypointRow> conc = rows.subList(0, Math.min(concurrentN, n));
        double bConcurrent = timeRate(conc.size(), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < conc.size()) {
                        store.insert(WAYPOINTS, conc.get(i));
                    }
                }));
            }
            for (Future<?> fu : fs) {
                fu.get();
            }
            pool.shutdown();
        });
        System.err.printf(Locale.ROOT, "  (b) Store.insert x32 threads %,7.0f rows/s (%d rows, group commit)%n", bConcurrent, conc.size());

        // (a) the guide's pattern: one INSERT and one COMMIT per row
        truncate(store);
        List<WaypointRow> guide = rows.subList(0, Math.min(guideN, n));
        double aRate = timeRate(guide.size(), () -> guideInserts(store, guide));
        System.err.printf(Locale.ROOT, "  (a) INSERT+COMMIT per row %,10.0f rows/s (%d rows)%n", aRate, guide.size());

        double c = Math.max(cRate, cRate2);
        res.put("a_insert_commit_per_row_rows_per_s", aRate);
        res.put("a_rows_measured", guide.size());
        res.put("b_store_copy_rows_per_s", bRate);
        res.put("b_store_insertBatch_5000_rows_per_s", bBatch);
        res.put("b_store_insert_32_threads_rows_per_s", bConcurrent);
        res.put("b_store_insert_32_threads_rows_measured", conc.size());
        res.put("c_raw_binary_copy_rows_per_s", List.of(cRate, cRate2));
        res.put("c_bytes", bytes);
        res.put("ratio_b_copy_over_a", bRate / aRate);
        res.put("ratio_b_copy_over_c_best", bRate / c);
        res.put("ratio_b_insertBatch_over_a", bBatch / aRate);
        res.put("ratio_b_insertBatch_over_c_best", bBatch / c);
        res.put("ratio_b_insert_32_threads_over_a", bConcurrent / aRate);
        res.put("target", "b >= 20x a and b >= 0.70 c");
        res.put("met", bRate / aRate >= 20 && bRate / c >= 0.70);
        if (offset < 0) {
            throw new IllegalStateException();
        }
        return res;
    }

    /** The plan check (see the class comment): concurrent appends through the REST append's path. */
    static final class AppendCheck implements AutoCloseable {
        static final int THREADS = 32;
        static final int APPENDS = 40;
        final Store store;
        final Fixture f;
        final dev.basin.safety.SafetyService safety;
        final dev.basin.navigation.TrajectoryRecorder recorder;
        final Random r = new Random(13);

        AppendCheck(Store store, Fixture f) {
            this.store = store;
            this.f = f;
            java.time.Clock clock = java.time.Clock.systemUTC();
            safety = new dev.basin.safety.SafetyService(store, clock);
            recorder = new dev.basin.navigation.OceanAgent(store, clock, safety, new dev.basin.navigation.GeodesicPlanner(store, clock),
                    dev.basin.navigation.AgentSettings.DEFAULTS).recorder();
        }

        Map<String, Object> run(String label) throws Exception {
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ids.add(recorder.open(f.kernelId(), f.basins()[t], f.basins()[t + 100], MovementReason.EXPLORATION, 64.0).trajectoryId());
            }
            Map<String, Long> before = scans(-1);
            long[] lat = new long[THREADS * APPENDS];
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int k = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < APPENDS; i++) {
                        long a = System.nanoTime();
                        recorder.append(ids.get(k), f.basins()[(k * APPENDS + i) % f.basins().length], null, null);
                        lat[k * APPENDS + i] = System.nanoTime() - a;
                    }
                    return null;
                }));
            }
            for (Future<?> fu : fs) {
                fu.get();
            }
            long wall = System.nanoTime() - t0;
            pool.shutdown();
            Map<String, Long> after = scans(before.get("n_tup_ins") + (long) THREADS * APPENDS);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", label);
            m.put("appends", lat.length);
            m.put("wall_us_per_append", wall / 1e3 / lat.length);
            m.put("append_latency_ms", percentiles(lat));
            m.put("sequential_scans", Map.of("ocean_waypoints", after.get("w_seq") - before.get("w_seq"),
                    "ocean_trajectories", after.get("t_seq") - before.get("t_seq")));
            m.put("index_scans", Map.of("ocean_waypoints", after.get("w_idx") - before.get("w_idx"),
                    "ocean_trajectories", after.get("t_idx") - before.get("t_idx")));
            System.err.printf(Locale.ROOT, "  appends (%s): %.0f us per append, p99 %.2f ms; sequential scans %s%n", label,
                    wall / 1e3 / lat.length, (double) percentiles(lat).get("p99"), m.get("sequential_scans"));
            return m;
        }

        /** The tables' counters once the server reports at least {@code inserts} inserted waypoints (-1: now). */
        Map<String, Long> scans(long inserts) throws InterruptedException {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                Map<String, Long> m = store.jdbi().withHandle(h -> {
                    h.execute("SELECT pg_stat_clear_snapshot()");
                    return h.createQuery("SELECT w.n_tup_ins, w.seq_scan, coalesce(w.idx_scan, 0), t.seq_scan, coalesce(t.idx_scan, 0)"
                            + " FROM pg_stat_user_tables w, pg_stat_user_tables t"
                            + " WHERE w.relname = 'ocean_waypoints' AND t.relname = 'ocean_trajectories'")
                            .map((rs, ctx) -> Map.of("n_tup_ins", rs.getLong(1), "w_seq", rs.getLong(2), "w_idx", rs.getLong(3),
                                    "t_seq", rs.getLong(4), "t_idx", rs.getLong(5))).one();
                });
                if (m.get("n_tup_ins") >= inserts || System.nanoTime() > deadline) {
                    return m;
                }
                Thread.sleep(200);
            }
        }

        @Override
        public void close() {
            safety.close();
        }
    }

    static void truncate(Store store) {
        store.jdbi().useHandle(h -> h.execute("TRUNCATE ocean_waypoints"));
        store.jdbi().useHandle(h -> h.execute("CHECKPOINT"));
    }

    interface Work {
        void run() throws Exception;
    }

    static double timeRate(int n, Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        long t1 = System.nanoTime();
        return n / ((t1 - t0) / 1e9);
    }

    static List<byte[]> encode(Store store, List<WaypointRow> rows) throws SQLException {
        ColumnType[] types = WAYPOINTS.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
        List<byte[]> chunks = new ArrayList<>();
        BinaryCopyEncoder enc = new BinaryCopyEncoder((b, len) -> chunks.add(Arrays.copyOf(b, len)), types);
        for (WaypointRow w : rows) {
            Object[] v = new Object[types.length];
            Object[] raw = WAYPOINTS.values(w);
            for (int i = 0; i < v.length; i++) {
                v[i] = Values.canonical(types[i], raw[i], store.json(), "bench");
            }
            enc.row(v);
        }
        enc.finish();
        return chunks;
    }

    static void rawCopy(Store store, List<byte[]> chunks) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY ocean_waypoints (" + String.join(", ", WAYPOINTS.columns().stream().map(col -> col.name()).toList())
                            + ") FROM STDIN (FORMAT binary)");
            for (byte[] b : chunks) {
                in.writeToCopy(b, 0, b.length);
            }
            in.endCopy();
            c.commit();
        }
    }

    static void guideInserts(Store store, List<WaypointRow> rows) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            String sql = "INSERT INTO ocean_waypoints (waypoint_id, trajectory_id, agent_id, sequence, basin_coordinates,"
                    + " waypoint_type, phi, kappa_eff, regime, arrived_at, departed_at, dwell_time_ms, metadata)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";
            for (WaypointRow w : rows) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, w.waypointId());
                    ps.setString(2, w.trajectoryId());
                    ps.setString(3, w.agentId());
                    ps.setInt(4, w.sequence());
                    ps.setObject(5, w.basin().toArray());
                    ps.setString(6, w.type().sqlName());
                    ps.setDouble(7, w.phi());
                    ps.setDouble(8, w.kappaEff());
                    ps.setString(9, w.regime());
                    ps.setObject(10, w.arrivedAt().atOffset(java.time.ZoneOffset.UTC));
                    ps.setObject(11, w.departedAt() == null ? null : w.departedAt().atOffset(java.time.ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    if (w.dwellTimeMs() == null) {
                        ps.setNull(12, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(12, w.dwellTimeMs());
                    }
                    ps.setString(13, w.metadata().toString());
                    ps.executeUpdate();
                }
                c.commit();
            }
        }
    }

    static Map<String, Object> percentiles(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", s[(int) (0.50 * (s.length - 1))] / 1e6);
        m.put("p90", s[(int) (0.90 * (s.length - 1))] / 1e6);
        m.put("p99", s[(int) (0.99 * (s.length - 1))] / 1e6);
        m.put("max", s[s.length - 1] / 1e6);
        return m;
    }

    static int env(String name, int def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : Integer.parseInt(v.trim());
    }

    static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @SuppressWarnings("unused")
    private static ResultSet unused() {
        return null;
    }
}
