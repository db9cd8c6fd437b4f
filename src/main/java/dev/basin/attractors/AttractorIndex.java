package dev.basin.attractors;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * In-memory exact nearest-neighbour index over attractors in square-root coordinates.
 *
 * <p>Fisher–Rao distance d = 4·asin(‖s−t‖/2) is decreasing in ⟨s,t⟩, so the k nearest are the k largest inner
 * products and d(p,c) < r ⟺ ⟨s,t⟩ > cos(r/2). A query first scans 8-bit quantised coordinates ŝᵢ = round(255·sᵢ)/255
 * (one byte each) against the query quantised to 15 bits t̂ᵢ = round(32768·tᵢ)/32768, in integer arithmetic, in
 * parallel chunks. With eᵢ = s − ŝ (its norm stored per point) and f = t − t̂, the approximate score a = ⟨ŝ,t̂⟩ satisfies
 * |⟨s,t⟩ − a| ≤ E = ‖e‖·‖t‖ + (1 + ‖e‖)·‖f‖ (Cauchy–Schwarz; plus 1e-12 for rounding). If L is the k-th largest lower
 * bound a − E, every true k-nearest item has a + E ≥ L, so only those candidates are re-ranked with exact
 * double-precision distances: the answer is exact (recall 1.0). Not thread-safe for concurrent {@link #add}; queries
 * may run concurrently with each other.
 */
public final class AttractorIndex {
    /** A hit: the attractor id and its Fisher–Rao distance to the query. */
    public record Neighbour(String id, double distance) {}

    static final int Q = 255;
    static final int QQ = 32768;
    private static final double SCALE = 1.0 / ((double) Q * QQ);
    private static final double ROUNDING = 1e-12;
    private static final int D = Basin.DIM;
    private static final int CHUNK = 1 << 14;

    private String[] ids;
    private double[] exact;
    private byte[] quantised;
    private double[] errorNorm;
    private int size;

    public AttractorIndex() {
        this(16);
    }

    /** An empty index with room for {@code capacity} attractors before it grows. */
    public AttractorIndex(int capacity) {
        int cap = Math.max(1, capacity);
        ids = new String[cap];
        exact = new double[cap * D];
        quantised = new byte[cap * D];
        errorNorm = new double[cap];
    }

    /** Adds an attractor. */
    public void add(String id, Basin basin) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "must not be blank");
        }
        if (basin == null) {
            throw new InvalidInputException("basin", "is missing");
        }
        if (size == ids.length) {
            int cap = size * 2;
            ids = Arrays.copyOf(ids, cap);
            exact = Arrays.copyOf(exact, cap * D);
            quantised = Arrays.copyOf(quantised, cap * D);
            errorNorm = Arrays.copyOf(errorNorm, cap);
        }
        int off = size * D;
        double err = 0.0;
        for (int j = 0; j < D; j++) {
            double s = basin.sqrt(j);
            exact[off + j] = s;
            long q = Math.round(s * Q);
            quantised[off + j] = (byte) q;
            double e = s - (double) q / Q;
            err += e * e;
        }
        errorNorm[size] = Math.sqrt(err) * (1.0 + 1e-12);
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
        int[] qi = quantise(t);
        double fNorm = queryError(t, qi);
        int chunks = (size + CHUNK - 1) / CHUNK;
        ChunkResult[] parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> scanTopK(qi, fNorm, c * CHUNK, Math.min(size, (c + 1) * CHUNK), kk))
                .toArray(ChunkResult[]::new);
        double[] lows = Arrays.stream(parts).flatMapToDouble(p -> Arrays.stream(p.topLow)).sorted().toArray();
        double threshold = lows[lows.length - kk];
        int total = 0;
        for (ChunkResult p : parts) {
            total += p.count;
        }
        int[] cands = new int[total];
        int n = 0;
        for (ChunkResult p : parts) {
            for (int i = 0; i < p.count; i++) {
                if (p.highs[i] >= threshold) {
                    cands[n++] = p.items[i];
                }
            }
        }
        return rerank(t, Arrays.copyOf(cands, n), kk);
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
        int[] qi = quantise(t);
        double fNorm = queryError(t, qi);
        double cos = Math.cos(radius / 2.0);
        int[] cands = IntStream.range(0, size).parallel()
                .filter(i -> dotQ(qi, i) * SCALE + bound(i, fNorm) >= cos).toArray();
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
            if (filled < keep) {
                int pos = filled++;
                while (pos > 0 && after(bestD[pos - 1], bestI[pos - 1], d, item)) {
                    bestD[pos] = bestD[pos - 1];
                    bestI[pos] = bestI[pos - 1];
                    pos--;
                }
                bestD[pos] = d;
                bestI[pos] = item;
            } else if (after(bestD[keep - 1], bestI[keep - 1], d, item)) {
                int pos = keep - 1;
                while (pos > 0 && after(bestD[pos - 1], bestI[pos - 1], d, item)) {
                    bestD[pos] = bestD[pos - 1];
                    bestI[pos] = bestI[pos - 1];
                    pos--;
                }
                bestD[pos] = d;
                bestI[pos] = item;
            }
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
        int off = item * D;
        double acc = 0.0;
        for (int j = 0; j < D; j++) {
            double d = exact[off + j] - t[j];
            acc += d * d;
        }
        return 4.0 * Math.asin(Math.min(1.0, Math.sqrt(acc) / 2.0));
    }

    private record ChunkResult(double[] topLow, int[] items, double[] highs, int count) {}

    /** Scans one chunk: the k largest lower bounds, and every item whose upper bound reaches the running k-th. */
    private ChunkResult scanTopK(int[] qi, double fNorm, int from, int to, int k) {
        double[] top = new double[k];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        int topMinIdx = 0;
        int[] items = new int[256];
        double[] highs = new double[256];
        int count = 0;
        byte[] data = quantised;
        for (int i = from; i < to; i++) {
            int off = i * D;
            int acc = 0;
            for (int j = 0; j < D; j++) {
                acc += qi[j] * (data[off + j] & 0xFF);
            }
            double a = acc * SCALE;
            double e = bound(i, fNorm);
            double low = a - e;
            double high = a + e;
            if (low > top[topMinIdx]) {
                top[topMinIdx] = low;
                topMinIdx = argmin(top);
            }
            if (high >= top[topMinIdx]) {
                if (count == items.length) {
                    count = compact(items, highs, count, top[topMinIdx]);
                    if (count == items.length) {
                        items = Arrays.copyOf(items, count * 2);
                        highs = Arrays.copyOf(highs, count * 2);
                    }
                }
                items[count] = i;
                highs[count] = high;
                count++;
            }
        }
        double[] real = Arrays.stream(top).filter(v -> v != Double.NEGATIVE_INFINITY).toArray();
        return new ChunkResult(real, items, highs, count);
    }

    private static int compact(int[] items, double[] highs, int count, double threshold) {
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (highs[r] >= threshold) {
                items[w] = items[r];
                highs[w] = highs[r];
                w++;
            }
        }
        return w;
    }

    private static int argmin(double[] a) {
        int m = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[m]) {
                m = i;
            }
        }
        return m;
    }

    private int dotQ(int[] qi, int i) {
        int off = i * D;
        int acc = 0;
        for (int j = 0; j < D; j++) {
            acc += qi[j] * (quantised[off + j] & 0xFF);
        }
        return acc;
    }

    private static double[] sqrt(Basin b) {
        return Sphere.sqrt(b);
    }

    private static int[] quantise(double[] t) {
        int[] q = new int[D];
        for (int j = 0; j < D; j++) {
            q[j] = (int) Math.round(t[j] * QQ);
        }
        return q;
    }

    /** ‖t − t̂‖₂ of the quantised query, rounded up. */
    private static double queryError(double[] t, int[] qi) {
        double f = 0.0;
        for (int j = 0; j < D; j++) {
            double e = t[j] - (double) qi[j] / QQ;
            f += e * e;
        }
        return Math.sqrt(f) * (1.0 + 1e-12);
    }

    /** E = ‖e‖·‖t‖ + (1 + ‖e‖)·‖f‖ + rounding, with ‖t‖ = 1. */
    private double bound(int i, double fNorm) {
        double e = errorNorm[i];
        return e + (1.0 + e) * fNorm + ROUNDING;
    }

    private static void requireQuery(Basin q) {
        if (q == null) {
            throw new InvalidInputException("basin", "is missing");
        }
    }
}
