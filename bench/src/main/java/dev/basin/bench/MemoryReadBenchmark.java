package dev.basin.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's practical read bandwidth from Java, for the P2 GB/s comparison: a parallel sum over the same number of
 * bytes as the 1-vs-N scan (N·64 doubles), split the same way (chunks of 16384 rows on the common pool). The scan
 * cannot be faster than this; its GB/s divided by this one's says how close to memory-bound it is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemoryReadBenchmark {
    @Param("1000000")
    public int n;

    double[] data;

    @Setup
    public void setup() {
        data = new double[n * 64];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i % 97) * 1e-3;
        }
    }

    @Benchmark
    public double parallelSum() {
        int chunk = 16384 * 64;
        int chunks = (data.length + chunk - 1) / chunk;
        return IntStream.range(0, chunks).parallel().mapToDouble(c -> {
            int end = Math.min(data.length, (c + 1) * chunk);
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int i = c * chunk; i < end; i += 4) {
                a0 += data[i];
                a1 += data[i + 1];
                a2 += data[i + 2];
                a3 += data[i + 3];
            }
            return (a0 + a1) + (a2 + a3);
        }).sum();
    }
}
