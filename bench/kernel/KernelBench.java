import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.attractors.AttractorIndex;
import dev.basin.geometry.Basin;
import dev.basin.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kernel benchmark P6 (quality.md), run by bench/run-kernel; writes one JSON object.
 *
 * <p>P6: exact k = 10 nearest known attractors among N = 10^6 in {@link AttractorIndex} (7-bit quantised pre-scan with
 * an error bound, double-precision re-rank), centres uniform Dirichlet(1) and clustered (1000 Dirichlet(1) centres,
 * members perturbed multiplicatively by up to 5%); baseline: the linear double-precision scan over the same points in
 * the same run. Every index answer is compared with the scan's (recall).
 *
 * <p>P4 (checkpoints) runs in a JVM of its own: CheckpointBench.java.
 */
public final class KernelBench {
    public static void main(String[] args) throws Exception {
        String admin = args[0];
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(System.getenv().getOrDefault("BENCH_N", "1000000"));
        int queries = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERIES", "200"));
        int scanQueries = Integer.parseInt(System.getenv().getOrDefault("BENCH_SCAN_QUERIES", "30"));
        ObjectMapper m = Store.newObjectMapper();
        ObjectNode result = m.createObjectNode();
        ArrayNode p6 = result.putArray("P6");
        for (String dist : new String[] {"uniform", "clustered"}) {
            p6.add(p6(m, n, dist, queries, scanQueries));
            System.gc();
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
}
