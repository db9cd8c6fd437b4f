package dev.basin.attractors;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.ByteCodes;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * In-memory exact nearest-neighbour index over attractors in square-root coordinates.
 *
 * <p>Fisher–Rao distance d = 4·asin(‖s−t‖/2) is decreasing in ⟨s,t⟩, so the k nearest are the k largest inner
 * products and d(p,c) &lt; r ⟺ ⟨s,t⟩ &gt; cos(r/2). A query first scans 8-bit codes of the coordinates
 * ({@link ByteCodes}: 64 bytes per attractor, SIMD, parallel chunks), whose inner product with the query is within a
 * proven per-item bound Eᵢ of the exact one. If L is the k-th largest lower bound, every true k-nearest item has an
 * upper bound ≥ L, so only those candidates are re-ranked with exact double-precision distances: the answer is exact
 * (recall 1.0). Not thread-safe for concurrent {@link #add}; queries may run concurrently with each other.
 */
public final class AttractorIndex {
    /** A hit: the attractor id and its Fisher–Rao distance to the query. */
    public record Neighbour(String id, double distance) {}

    private static final int D = Basin.DIM;

    private String[] ids;
    private double[] exact;
    private final ByteCodes codes;
    private int size;

    public AttractorIndex() {
        this(16);
    }

    /** An empty index with room for {@code capacity} attractors before it grows. */
    public AttractorIndex(int capacity) {
        int cap = Math.max(1, capacity);
        ids = new String[cap];
        exact = new double[cap * D];
        codes = new ByteCodes(cap);
    }

    /** Adds an attractor. */
    public void add(String id, Basin basin) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "must not be blank");
        }
        requirePresent("basin", basin);
        if (size == ids.length) {
            int cap = size * 2;
            ids = Arrays.copyOf(ids, cap);
            exact = Arrays.copyOf(exact, cap * D);
        }
        basin.copySqrtTo(exact, size * D);
        codes.add(exact, size * D, Float.POSITIVE_INFINITY);
        ids[size] = id;
        size++;
    }

    public int size() {
        return size;
    }

    /** The {@code k} nearest attractors to {@code query}, nearest first (fewer if the index holds fewer). */
    public List<Neighbour> nearest(Basin query, int k) {
        requireQuery(query);
        if (k < 1) {
            throw new InvalidInputException("k", "must be ≥ 1, is " + k);
        }
        if (size == 0) {
            return List.of();
        }
        int kk = Math.min(k, size);
        double[] t = sqrt(query);
        return rerank(t, codes.nearestCandidates(ByteCodes.query(t), kk), kk);
    }

    /** The nearest attractor, if any. */
    public java.util.Optional<Neighbour> nearest(Basin query) {
        List<Neighbour> one = nearest(query, 1);
        return one.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(one.get(0));
    }

    /** All attractors with d(query, attractor) < {@code radius}, nearest first. Radius in (0, π]. */
    public List<Neighbour> within(Basin query, double radius) {
        requireQuery(query);
        if (!(radius > 0.0) || radius > Math.PI) {
            throw new InvalidInputException("radius", "must be in (0, π], is " + radius);
        }
        double[] t = sqrt(query);
        int[] cands = codes.above(ByteCodes.query(t), 0, size, (float) Math.cos(radius / 2.0));
        List<Neighbour> hits = new ArrayList<>();
        for (int item : cands) {
            double d = distance(t, item);
            if (d < radius) {
                hits.add(new Neighbour(ids[item], d));
            }
        }
        hits.sort(Comparator.comparingDouble(Neighbour::distance));
        return List.copyOf(hits);
    }

    /** Baseline: exact k-nearest by a linear double-precision scan of all stored attractors (single thread). */
    public List<Neighbour> nearestByLinearScan(Basin query, int k) {
        requireQuery(query);
        double[] t = sqrt(query);
        return rerank(t, IntStream.range(0, size).toArray(), Math.min(k, size));
    }

    /** Exact distances of the candidates; the k smallest (ties by insertion order), nearest first. */
    private List<Neighbour> rerank(double[] t, int[] cands, int k) {
        int keep = Math.min(k, cands.length);
        double[] bestD = new double[keep];
        int[] bestI = new int[keep];
        int filled = 0;
        for (int item : cands) {
            double d = distance(t, item);
            int pos;
            if (filled < keep) {
                pos = filled++;
            } else if (after(bestD[keep - 1], bestI[keep - 1], d, item)) {
                pos = keep - 1;
            } else {
                continue;
            }
            while (pos > 0 && after(bestD[pos - 1], bestI[pos - 1], d, item)) {
                bestD[pos] = bestD[pos - 1];
                bestI[pos] = bestI[pos - 1];
                pos--;
            }
            bestD[pos] = d;
            bestI[pos] = item;
        }
        List<Neighbour> out = new ArrayList<>(filled);
        for (int c = 0; c < filled; c++) {
            out.add(new Neighbour(ids[bestI[c]], bestD[c]));
        }
        return List.copyOf(out);
    }

    /** True if (d1, i1) ranks after (d2, i2): farther, or equally far with a larger index. */
    private static boolean after(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    private double distance(double[] t, int item) {
        return FisherRao.distanceFromChordSquared(VectorMath.squaredDistance(exact, item * D, t, 0));
    }

    private static double[] sqrt(Basin b) {
        return Sphere.sqrt(b);
    }

    private static void requireQuery(Basin q) {
        requirePresent("basin", q);
    }
}
