import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.attractors.AttractorIndex;
import dev.basin.attractors.AttractorService;
import dev.basin.geometry.Basin;
import dev.basin.kernel.CheckpointRow;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.GeodesicNavigator;
import dev.basin.kernel.KernelConfig;
import dev.basin.kernel.KernelRow;
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
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kernel benchmarks (quality.md P6, P4), run by bench/run-kernel; writes one JSON object.
 *
 * <p>P6: exact k = 10 nearest known attractors among N = 10^6 in {@link AttractorIndex} (7-bit quantised pre-scan with
 * an error bound, double-precision re-rank), centres uniform Dirichlet(1) and clustered (1000 Dirichlet(1) centres,
 * members perturbed multiplicatively by up to 5%); baseline: the linear double-precision scan over the same points in
 * the same run. Every index answer is compared with the scan's (recall).
 *
 * <p>P4: the real {@code CheckpointService} (save = one unit of work reading the previous checkpoint and inserting the
 * row; restore = one unit of work decoding the blob and writing the kernel row) on a fresh database, p50/p99 over
 * BENCH_CHECKPOINTS of each (space-time linking off: it is navigation's write, measured with theirs).
 */
public final class KernelBench {
    public static void main(String[] args) throws Exception {
        String admin = args[0];
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(System.getenv().getOrDefault("BENCH_N", "1000000"));
        int queries = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERIES", "200"));
        int scanQueries = Integer.parseInt(System.getenv().getOrDefault("BENCH_SCAN_QUERIES", "30"));
        int checkpoints = Integer.parseInt(System.getenv().getOrDefault("BENCH_CHECKPOINTS", "10000"));
        ObjectMapper m = Store.newObjectMapper();
        ObjectNode result = m.createObjectNode();
        ArrayNode p6 = result.putArray("P6");
        for (String dist : new String[] {"uniform", "clustered"}) {
            p6.add(p6(m, n, dist, queries, scanQueries));
            System.gc();
        }
        if (checkpoints > 0) {
            result.set("P4", p4(m, admin, checkpoints));
        }
        Files.writeString(out, m.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    static ObjectNode p6(ObjectMapper m, int n, String dist, int queries, int scanQueries) {
        SplittableRandom r = new SplittableRandom(6 + dist.length());
        Basin[] centres = new Basin[1000];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = dirichlet(r);
        }
        AttractorIndex index = new AttractorIndex(n);
        for (int i = 0; i < n; i++) {
            index.add("attr_" + i, dist.equals("uniform") ? dirichlet(r) : near(r, centres[r.nextInt(centres.length)]));
        }
        Basin[] qs = new Basin[queries];
        for (int i = 0; i < queries; i++) {
            qs[i] = dist.equals("uniform") ? dirichlet(r) : near(r, centres[r.nextInt(centres.length)]);
        }
        for (int i = 0; i < Math.min(20, queries); i++) {
            index.nearest(qs[i], 10);
        }
        double[] t = new double[queries];
        List<List<AttractorIndex.Neighbour>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            answers.add(index.nearest(qs[i], 10));
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] s = new double[scanQueries];
        int mismatches = 0;
        for (int i = 0; i < scanQueries; i++) {
            long t0 = System.nanoTime();
            List<AttractorIndex.Neighbour> exact = index.nearestByLinearScan(qs[i], 10);
            s[i] = (System.nanoTime() - t0) / 1e6;
            if (!exact.stream().map(AttractorIndex.Neighbour::id).toList()
                    .equals(answers.get(i).stream().map(AttractorIndex.Neighbour::id).toList())) {
                mismatches++;
            }
        }
        ObjectNode o = m.createObjectNode();
        o.put("attractors", n);
        o.put("centres", dist);
        o.put("k", 10);
        o.put("queries", queries);
        o.put("p50_ms", pct(t, 50));
        o.put("p99_ms", pct(t, 99));
        o.put("scan_queries", scanQueries);
        o.put("scan_p50_ms", pct(s, 50));
        o.put("speedup_p50", pct(s, 50) / pct(t, 50));
        o.put("recall", 1.0 - (double) mismatches / scanQueries);
        o.put("target_p50_ms", 10.0);
        o.put("met", pct(t, 50) <= 10.0 && mismatches == 0);
        System.err.printf("P6 %-9s N=%d p50 %.2f ms p99 %.2f ms; linear scan p50 %.2f ms; recall %.3f%n", dist, n,
                pct(t, 50), pct(t, 99), pct(s, 50), 1.0 - (double) mismatches / scanQueries);
        return o;
    }

    static ObjectNode p4(ObjectMapper m, String admin, int count) throws Exception {
        String db = "basin_kbench_" + Ids.next("").substring(0, 12);
        exec(admin, "CREATE DATABASE " + db);
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
        try (Store store = Store.open(StoreConfig.builder().url(url).poolSize(4).build())) {
            Clock clock = Clock.systemUTC();
            Kernels k = new Kernels(store, clock, new GeodesicNavigator(), SpaceTimeLinker.NONE,
                    new AttractorService(store, clock), KernelConfig.defaults(), SpawnConfig.defaults(), null);
            String session = k.sessions().start(4L, m.createObjectNode().put("bench", "P4")).sessionId();
            SplittableRandom r = new SplittableRandom(4);
            KernelRow kernel = k.kernels().createRoot(session, "bench", dirichlet(r), 64.21,
                    Neurotransmitters.resting(), 4L);
            for (int i = 0; i < 200; i++) {
                k.checkpoints().restore(k.checkpoints().save(kernel.kernelId(), CheckpointType.REGULAR).checkpointId());
            }
            double[] save = new double[count];
            String[] ids = new String[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                CheckpointRow c = k.checkpoints().save(kernel.kernelId(), CheckpointType.REGULAR);
                save[i] = (System.nanoTime() - t0) / 1e6;
                ids[i] = c.checkpointId();
            }
            double[] restore = new double[count];
            for (int i = 0; i < count; i++) {
                String id = ids[r.nextInt(count)];
                long t0 = System.nanoTime();
                k.checkpoints().restore(id);
                restore[i] = (System.nanoTime() - t0) / 1e6;
            }
            ObjectNode o = m.createObjectNode();
            o.put("operations", count);
            o.put("save_p50_ms", pct(save, 50));
            o.put("save_p99_ms", pct(save, 99));
            o.put("restore_p50_ms", pct(restore, 50));
            o.put("restore_p99_ms", pct(restore, 99));
            o.put("target_p99_ms", 5.0);
            o.put("met", pct(save, 99) <= 5.0 && pct(restore, 99) <= 5.0);
            o.put("checkpoints_in_chain", count + 200);
            System.err.printf("P4 %d saves p50 %.2f p99 %.2f ms; restores p50 %.2f p99 %.2f ms%n", count,
                    pct(save, 50), pct(save, 99), pct(restore, 50), pct(restore, 99));
            return o;
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    static double pct(double[] v, double p) {
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

    static Basin near(SplittableRandom r, Basin c) {
        double[] w = new double[64];
        for (int i = 0; i < 64; i++) {
            w[i] = c.get(i) * (1.0 + 0.05 * r.nextDouble());
        }
        return Basin.normalize(w);
    }

    static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
