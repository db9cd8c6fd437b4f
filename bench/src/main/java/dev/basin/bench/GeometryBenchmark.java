package dev.basin.bench;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Means;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P1: per-call cost of the geometry operations on one input (the numpy baseline in geometry_numpy.py times the same
 * operations on the same kind of input, one call at a time). Inputs are Dirichlet(1) basins from a fixed seed; the
 * pair changes on every call (a ring of 1024 pairs) so nothing is constant-folded or cached.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeometryBenchmark {
    static final int RING = 1024;
    /** Geodesic steps per call (steps + 1 points). */
    public static final int GEODESIC_STEPS = 10;
    /** Points per Karcher mean. */
    public static final int MEAN_POINTS = 8;

    Basin[] ring;
    List<List<Basin>> meanSets;
    int i;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(42);
        ring = new Basin[RING + 1];
        for (int k = 0; k <= RING; k++) {
            ring[k] = Dirichlet.sample(rng, 1.0);
        }
        meanSets = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            List<Basin> pts = new ArrayList<>();
            for (int j = 0; j < MEAN_POINTS; j++) {
                pts.add(Dirichlet.sample(rng, 1.0));
            }
            meanSets.add(pts);
        }
    }

    private int next() {
        i = (i + 1) & (RING - 1);
        return i;
    }

    @Benchmark
    public double distance() {
        int k = next();
        return FisherRao.distance(ring[k], ring[k + 1]);
    }

    @Benchmark
    public List<Basin> geodesic() {
        int k = next();
        return FisherRao.geodesic(ring[k], ring[k + 1], GEODESIC_STEPS);
    }

    @Benchmark
    public Means.Mean karcherMean() {
        return Means.karcher(meanSets.get(next() & 63), null);
    }
}
