import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.attractors.AttractorService;
import dev.basin.geometry.Basin;
import dev.basin.kernel.CheckpointRow;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.GeodesicNavigator;
import dev.basin.kernel.KernelConfig;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.KernelState;
import dev.basin.kernel.Kernels;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.kernel.SpaceTimeLinker;
import dev.basin.kernel.SpawnConfig;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * P4 (quality.md): single checkpoint save and restore with the real {@code CheckpointService} against one PostgreSQL,
 * run by bench/run-kernel in a JVM of its own; writes one JSON object.
 *
 * <p>Save = {@code CheckpointService.save(kernelId, REGULAR)}: one unit of work that locks the kernel row, reads the
 * previous checkpoint (parent link and per-kernel sequence), encodes the state and inserts the row, then the space-time
 * link (off here: {@code SpaceTimeLinker.NONE}; it is navigation's write). Restore = {@code restore(checkpointId)} of a
 * random earlier checkpoint: one unit of work that reads and decodes the blob, locks the kernel and writes its row.
 * Each operation is timed end to end (p50/p90/p99/p99.9/max over BENCH_CHECKPOINTS, default 10^4), after
 * BENCH_CHECKPOINT_WARMUP (default 3000) saves and restores.
 *
 * <p>Step by step: the service emits a flight-recorder event per step ({@code dev.basin.CheckpointStep}); a
 * {@link RecordingStream} in this JVM collects them, with the garbage-collector pauses of each phase.
 *
 * <p>Baseline in the same run, interleaved with the operations (one after each): the cheapest durable commit, one
 * bigint inserted into a table of its own and committed on a plain JDBC connection: its latency is the two round trips
 * plus the WAL flush that every acknowledged write pays.
 * bench/run-kernel adds pg_test_fsync's figure for the disk.
 *
 * <p>Arguments: the JDBC URL of the server (a database basin_kbench_* is created and dropped), the output file.
 */
public final class CheckpointBench {
    public static void main(String[] args) throws Exception {
        String admin = args[0];
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(System.getenv().getOrDefault("BENCH_CHECKPOINTS", "10000"));
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("BENCH_CHECKPOINT_WARMUP", "3000"));
        ObjectMapper m = Store.newObjectMapper();
        String db = "basin_kbench_" + Ids.next("").substring(0, 12);
        exec(admin, "CREATE DATABASE " + db);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
        ObjectNode result = m.createObjectNode();
        try (Store store = Store.open(StoreConfig.builder().url(url).poolSize(4).build());
                Connection floor = DriverManager.getConnection(url)) {
            try (Statement st = floor.createStatement()) {
                st.execute("CREATE TABLE bench_durable_commit (at_nanos bigint NOT NULL)");
            }
            floor.setAutoCommit(false);
            Clock clock = Clock.systemUTC();
            Kernels k = new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE,
                    new AttractorService(store, clock), KernelConfig.defaults(), SpawnConfig.defaults(), null);
            String session = k.sessions().start(4L, m.createObjectNode().put("bench", "P4")).sessionId();
            SplittableRandom r = new SplittableRandom(4);
            KernelRow kernel = k.kernels().createRoot(session, "bench", dirichlet(r), 64.21, Neurotransmitters.resting(), 4L);
            String kernelId = kernel.kernelId();
            for (int i = 0; i < warmUp; i++) {
                k.checkpoints().restore(k.checkpoints().save(kernelId, CheckpointType.REGULAR).checkpointId());
                durableCommit(floor);
            }

            Steps steps = new Steps();
            double[] save = new double[count];
            double[] saveFloor = new double[count];
            String[] ids = new String[count];
            steps.phase("save");
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                CheckpointRow c = k.checkpoints().save(kernelId, CheckpointType.REGULAR);
                save[i] = (System.nanoTime() - t0) / 1e6;
                ids[i] = c.checkpointId();
                saveFloor[i] = durableCommit(floor);
            }
            double[] restore = new double[count];
            double[] restoreFloor = new double[count];
            steps.phase("restore");
            int exact = 0;
            for (int i = 0; i < count; i++) {
                String id = ids[r.nextInt(count)];
                long t0 = System.nanoTime();
                KernelRow back = k.checkpoints().restore(id);
                restore[i] = (System.nanoTime() - t0) / 1e6;
                restoreFloor[i] = durableCommit(floor);
                if (i % 100 == 0) {
                    KernelState want = k.checkpoints().state(id);
                    exact += sameBits(back.state(), want) ? 1 : 0;
                }
            }
            steps.close();

            ObjectNode o = result.putObject("P4");
            o.put("operations", count);
            o.put("warm_up_operations", warmUp);
            o.put("checkpoints_in_chain", count + warmUp);
            o.set("save_ms", percentiles(m, save));
            o.set("restore_ms", percentiles(m, restore));
            o.set("baseline_durable_commit_ms_during_saves", percentiles(m, saveFloor));
            o.set("baseline_durable_commit_ms_during_restores", percentiles(m, restoreFloor));
            o.put("baseline", "INSERT INTO bench_durable_commit VALUES (?); COMMIT on a plain JDBC connection, one after each operation");
            o.put("save_p50_over_baseline_p50", pct(save, 50) / pct(saveFloor, 50));
            o.put("restore_p50_over_baseline_p50", pct(restore, 50) / pct(restoreFloor, 50));
            o.set("steps_ms", steps.report(m));
            o.set("gc_pauses", steps.gc(m));
            o.put("restores_checked_bit_for_bit", count / 100);
            o.put("restores_bit_for_bit", exact);
            o.put("target_p99_ms", 5.0);
            o.put("met", pct(save, 99) <= 5.0 && pct(restore, 99) <= 5.0);
            System.err.printf("P4 %d saves p50 %.3f p99 %.3f ms; restores p50 %.3f p99 %.3f ms; durable commit p50 %.3f p99 %.3f ms%n",
                    count, pct(save, 50), pct(save, 99), pct(restore, 50), pct(restore, 99), pct(saveFloor, 50), pct(saveFloor, 99));
            steps.print();
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        Files.writeString(out, m.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /**
     * The cheapest durable commit: one row of one bigint inserted and committed, so the commit must flush its WAL
     * (a transaction that only takes an id writes no WAL before its commit record and is not flushed); returns its
     * latency in ms.
     */
    static double durableCommit(Connection c) throws Exception {
        long t0 = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO bench_durable_commit VALUES (?)")) {
            s.setLong(1, t0);
            s.executeUpdate();
        }
        c.commit();
        return (System.nanoTime() - t0) / 1e6;
    }

    static boolean sameBits(KernelState a, KernelState b) {
        for (int i = 0; i < Basin.DIM; i++) {
            if (Double.doubleToRawLongBits(a.basin().get(i)) != Double.doubleToRawLongBits(b.basin().get(i))) {
                return false;
            }
        }
        return a.equals(b);
    }

    /** Collects the service's step events and the GC pauses of each phase from a recording stream in this JVM. */
    static final class Steps implements AutoCloseable {
        final RecordingStream stream = new RecordingStream();
        final Map<String, List<Double>> steps = new TreeMap<>();
        final Map<String, List<Double>> pauses = new TreeMap<>();
        volatile String phase = "warm-up";

        Steps() {
            stream.enable("dev.basin.CheckpointStep").withoutThreshold();
            stream.enable("jdk.GarbageCollection").withoutThreshold();
            stream.onEvent("dev.basin.CheckpointStep", this::step);
            stream.onEvent("jdk.GarbageCollection", e -> add(pauses, phase, e.getDuration("sumOfPauses").toNanos() / 1e6));
            stream.startAsync();
        }

        void phase(String name) throws InterruptedException {
            Thread.sleep(1500); // the stream delivers events about once a second: let the previous phase's arrive
            phase = name;
        }

        void step(RecordedEvent e) {
            add(steps, e.getString("operation") + " " + e.getString("step"), e.getDuration().toNanos() / 1e6);
        }

        static synchronized void add(Map<String, List<Double>> m, String key, double v) {
            m.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
        }

        @Override
        public void close() throws InterruptedException {
            Thread.sleep(1500);
            stream.close();
        }

        ObjectNode report(ObjectMapper m) {
            ObjectNode o = m.createObjectNode();
            synchronized (Steps.class) {
                steps.forEach((k, v) -> {
                    ObjectNode s = percentiles(m, v.stream().mapToDouble(Double::doubleValue).toArray());
                    s.put("mean", v.stream().mapToDouble(Double::doubleValue).average().orElse(0));
                    o.set(k, s);
                });
            }
            return o;
        }

        ObjectNode gc(ObjectMapper m) {
            ObjectNode o = m.createObjectNode();
            synchronized (Steps.class) {
                pauses.forEach((k, v) -> {
                    ObjectNode p = o.putObject(k);
                    p.put("count", v.size());
                    p.put("total_ms", v.stream().mapToDouble(Double::doubleValue).sum());
                    p.put("max_ms", v.stream().mapToDouble(Double::doubleValue).max().orElse(0));
                });
            }
            return o;
        }

        void print() {
            synchronized (Steps.class) {
                steps.forEach((k, v) -> {
                    double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
                    System.err.printf("  %-22s n=%5d p50 %.3f p99 %.3f max %.3f ms%n", k, a.length, pct(a, 50), pct(a, 99), pct(a, 100));
                });
                pauses.forEach((k, v) -> System.err.printf("  GC during %-8s %d pauses, %.1f ms in all, max %.1f ms%n", k, v.size(),
                        v.stream().mapToDouble(Double::doubleValue).sum(), v.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
            }
        }
    }

    static ObjectNode percentiles(ObjectMapper m, double[] v) {
        ObjectNode o = m.createObjectNode();
        o.put("n", v.length);
        o.put("p50", pct(v, 50));
        o.put("p90", pct(v, 90));
        o.put("p99", pct(v, 99));
        o.put("p99_9", pct(v, 99.9));
        o.put("max", pct(v, 100));
        return o;
    }

    static double pct(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static Basin dirichlet(SplittableRandom r) {
        double[] w = new double[64];
        for (int i = 0; i < 64; i++) {
            w[i] = -Math.log(1.0 - r.nextDouble());
        }
        return Basin.normalize(w);
    }

    static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
