import dev.basin.geometry.Basin;
import dev.basin.safety.Ball;
import dev.basin.safety.BallIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * P5 (quality.md): latency of one exact safety check against 10^4 and 10^5 active balls, centres clustered or uniform
 * Dirichlet(1), with the ratio to a linear double-precision scan over the same balls in the same run. Every answer of
 * the index is compared with the scan's. Run by bench/run-safety; prints one JSON object.
 */
public final class SafetyBench {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int[] sizes = {10_000, 100_000};
        int queries = Integer.parseInt(System.getProperty("queries", "20000"));
        int scanQueries = Integer.parseInt(System.getProperty("scanQueries", "1000"));
        StringBuilder out = new StringBuilder("{\"cases\":[");
        boolean first = true;
        for (int n : sizes) {
            for (String dist : new String[] {"uniform", "clustered"}) {
                SplittableRandom rnd = new SplittableRandom(42 + n + dist.length());
                List<Basin> clusters = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    clusters.add(dirichlet(rnd, 1.0));
                }
                BallIndex index = new BallIndex();
                for (int i = 0; i < n; i++) {
                    Basin c = dist.equals("uniform") ? dirichlet(rnd, 1.0) : near(rnd, clusters.get(i % 20), 2000);
                    double r = 0.05 + 0.45 * rnd.nextDouble();
                    index.put(new Ball("geometric_barriers", "b" + i, c, r, "bench", null, false, null, null));
                }
                Basin[] qs = new Basin[queries];
                for (int q = 0; q < queries; q++) {
                    qs[q] = dist.equals("uniform") && q % 2 == 0 ? dirichlet(rnd, 1.0) : near(rnd, clusters.get(q % 20), 2000);
                }
                Instant at = Instant.parse("2026-01-01T00:00:00Z");
                long sink = 0;
                // warm-up: at least 5000 checks and 3 s, so the JIT's optimising compiles are in place before timing even
                // when the compiler threads share busy cores
                long warmEnd = System.nanoTime() + 3_000_000_000L;
                for (int w = 0; w < 5000 || System.nanoTime() < warmEnd; w++) {
                    sink += index.containing(qs[w % queries]).size();
                }
                long[] t = new long[queries];
                long[] cpu = new long[queries];
                long hits = 0;
                for (int q = 0; q < queries; q++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    List<BallIndex.Hit> h = index.containing(qs[q]);
                    int applicable = 0;
                    for (BallIndex.Hit x : h) {
                        if (x.ball().appliesTo(at, null)) {
                            applicable++;
                        }
                    }
                    t[q] = System.nanoTime() - t0;
                    cpu[q] = THREADS.getCurrentThreadCpuTime() - c0;
                    hits += applicable;
                }
                long[] s = new long[scanQueries];
                long[] scpu = new long[scanQueries];
                int mismatches = 0;
                for (int w = 0; w < Math.min(scanQueries, 200); w++) { // warm-up of the scan
                    sink += index.containingByLinearScan(qs[w]).size();
                }
                for (int q = 0; q < scanQueries; q++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    List<BallIndex.Hit> h = index.containingByLinearScan(qs[q]);
                    s[q] = System.nanoTime() - t0;
                    scpu[q] = THREADS.getCurrentThreadCpuTime() - c0;
                    if (!ids(h).equals(ids(index.containing(qs[q])))) {
                        mismatches++;
                    }
                }
                Arrays.sort(t);
                Arrays.sort(s);
                Arrays.sort(cpu);
                Arrays.sort(scpu);
                double cp50 = cpu[queries / 2] / 1e3;
                double cp99 = cpu[(int) (queries * 0.99)] / 1e3;
                double scp50 = scpu[scanQueries / 2] / 1e3;
                double scp99 = scpu[(int) (scanQueries * 0.99)] / 1e3;
                double p50 = t[queries / 2] / 1e3;
                double p99 = t[(int) (queries * 0.99)] / 1e3;
                double sp50 = s[scanQueries / 2] / 1e3;
                double sp99 = s[(int) (scanQueries * 0.99)] / 1e3;
                double target = n <= 10_000 ? 100.0 : 1000.0;
                out.append(first ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"balls\":%d,\"centres\":\"%s\",\"queries\":%d,\"mean_hits\":%.3f,\"p50_us\":%.2f,\"p99_us\":%.2f,"
                                + "\"scan_p50_us\":%.2f,\"scan_p99_us\":%.2f,\"speedup_p50\":%.1f,\"speedup_p99\":%.1f,"
                                + "\"cpu_p50_us\":%.2f,\"cpu_p99_us\":%.2f,\"scan_cpu_p50_us\":%.2f,\"scan_cpu_p99_us\":%.2f,"
                                + "\"cpu_speedup_p50\":%.1f,"
                                + "\"target_p99_us\":%.0f,\"meets_target_wall\":%b,\"meets_target_cpu\":%b,"
                                + "\"mismatches_vs_scan\":%d,\"scan_queries\":%d}",
                        n, dist, queries, (double) hits / queries, p50, p99, sp50, sp99, sp50 / p50, sp99 / p99,
                        cp50, cp99, scp50, scp99, scp50 / cp50, target, p99 <= target, cp99 <= target, mismatches, scanQueries));
                first = false;
                System.err.printf(Locale.ROOT, "%7d %-9s wall p50 %8.2f p99 %9.2f us | cpu p50 %8.2f p99 %8.2f us | scan cpu p50 %9.2f us | x%.1f | mismatches %d (sink %d)%n",
                        n, dist, p50, p99, cp50, cp99, scp50, scp50 / cp50, mismatches, sink % 7);
            }
        }
        System.out.println(out.append("]}"));
    }

    private static List<String> ids(List<BallIndex.Hit> h) {
        return h.stream().map(x -> x.ball().id()).sorted().toList();
    }

    static Basin dirichlet(SplittableRandom rnd, double alpha) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = gamma(rnd, alpha) + 1e-300;
        }
        return Basin.normalize(w);
    }

    static Basin near(SplittableRandom rnd, Basin centre, double k) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = gamma(rnd, Math.max(1e-3, k * centre.get(i))) + 1e-300;
        }
        return Basin.normalize(w);
    }

    static double gamma(SplittableRandom rnd, double alpha) {
        if (alpha < 1.0) {
            return gamma(rnd, alpha + 1.0) * Math.pow(rnd.nextDouble(), 1.0 / alpha);
        }
        double d = alpha - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = Math.sqrt(-2.0 * Math.log(1.0 - rnd.nextDouble())) * Math.cos(2.0 * Math.PI * rnd.nextDouble());
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
