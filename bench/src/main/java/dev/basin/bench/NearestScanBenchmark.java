package dev.basin.bench;

import dev.basin.geometry.Basin;
import dev.basin.geometry.SqrtIndex;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P2: exact nearest basin among N stored (N = 10⁶ by default), one query per call, through {@link SqrtIndex}, with the
 * double-precision scan and with the 8-bit pre-scan (proven bound, double-precision re-check). The numpy baseline is {@code np.argmax(S @ s)} on the same N×64
 * float64 √-coordinates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NearestScanBenchmark {
    @Param("1000000")
    public int n;

    /** {@code exact}: the double-precision scan; {@code int8}: 8-bit pre-scan, double re-check (same answers). */
    @Param({"exact", "int8"})
    public String scan;

    SqrtIndex index;
    Basin[] queries;
    int i;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(7);
        SqrtIndex.Builder b = SqrtIndex.builder(n).quantisedPrescan(scan.equals("int8"));
        for (int k = 0; k < n; k++) {
            b.add(Dirichlet.sample(rng, 1.0));
        }
        index = b.build();
        queries = new Basin[16];
        for (int k = 0; k < queries.length; k++) {
            queries[k] = Dirichlet.sample(rng, 1.0);
        }
    }

    @Benchmark
    public List<SqrtIndex.Neighbor> nearest() {
        i = (i + 1) & 15;
        return index.nearest(queries[i], 1);
    }
}
