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
 * products and d(p,c) < r ⟺ ⟨s,t⟩ > cos(r/2). A query first scans 7-bit quantised coordinates (ŝᵢ = round(127·sᵢ)/127,
 * one byte each, integer arithmetic, in parallel chunks). With δ = 1/254 the quantisation error of an inner product is
 * bounded by |⟨s,t⟩ − ⟨ŝ,t̂⟩| ≤ δ(‖t‖₁ + ‖s‖₁ + 64δ) ≤ δ(‖t‖₁ + 8 + 64δ) = B. If T is the k-th largest approximate score,
 * every true k-nearest item scores ≥ T − 2B, so only those candidates are re-ranked in double precision: the answer is
 * exact (recall 1.0). Not thread-safe for concurrent {@link #add}; queries may run concurrently with each other.
 */
public final class AttractorIndex {
    /** A hit: the attractor id, its basin and its Fisher–Rao distance to the query. */
    public record Neighbour(String id, Basin basin, double distance) {}

    static final int Q = 127;
    private static final int D = Basin.DIM;
    private static final int CHUNK = 1 << 14;

    private String[] ids = new String[16];
    private Basin[] basins = new Basin[16];
    private double[] exact = new double[16 * D];
    private byte[] quantised = new byte[16 * D];
    private int size;

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
            basins = Arrays.copyOf(basins, cap);
            exact = Arrays.copyOf(exact, cap * D);
            quantised = Arrays.copyOf(quantised, cap * D);
        }
        int off = size * D;
        for (int j = 0; j < D; j++) {
            double s = basin.sqrt(j);
            exact[off + j] = s;
            quantised[off + j] = (byte) Math.round(s * Q);
        }
        ids[size] = id;
        basins[size] = basin;
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
        long bound = boundUnits(t);
        int chunks = (size + CHUNK - 1) / CHUNK;
        ChunkResult[] parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> scanTopK(qi, c * CHUNK, Math.min(size, (c + 1) * CHUNK), kk, bound))
                .toArray(ChunkResult[]::new);
        int[] allTop = Arrays.stream(parts).flatMapToInt(p -> Arrays.stream(p.top)).sorted().toArray();
        long threshold = (long) allTop[allTop.length - kk] - 2 * bound;
        int total = 0;
        for (ChunkResult p : parts) {
            total += p.count;
        }
        int[] cands = new int[total];
        int n = 0;
        for (ChunkResult p : parts) {
            for (int i = 0; i < p.count; i++) {
                if (p.scores[i] >= threshold) {
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
        long bound = boundUnits(t);
        double cos = Math.cos(radius / 2.0);
        long threshold = (long) Math.floor(cos * Q * Q) - bound;
        int[] cands = IntStream.range(0, size).parallel().filter(i -> dotQ(qi, i) >= threshold).toArray();
        List<Neighbour> hits = new ArrayList<>();
        for (int item : cands) {
            double d = distance(t, item);
            if (d < radius) {
                hits.add(new Neighbour(ids[item], basins[item], d));
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
            out.add(new Neighbour(ids[bestI[c]], basins[bestI[c]], bestD[c]));
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

    private record ChunkResult(int[] top, int[] items, int[] scores, int count) {}

    private ChunkResult scanTopK(int[] qi, int from, int to, int k, long bound) {
        int[] top = new int[k];
        Arrays.fill(top, Integer.MIN_VALUE);
        int topMinIdx = 0;
        int[] items = new int[256];
        int[] scores = new int[256];
        int count = 0;
        byte[] data = quantised;
        for (int i = from; i < to; i++) {
            int off = i * D;
            int acc = 0;
            for (int j = 0; j < D; j++) {
                acc += qi[j] * data[off + j];
            }
            int topMin = top[topMinIdx];
            if (acc > topMin) {
                top[topMinIdx] = acc;
                topMinIdx = argmin(top);
                topMin = top[topMinIdx];
            }
            if ((long) acc >= (long) topMin - 2 * bound) {
                if (count == items.length) {
                    count = compact(items, scores, count, (long) topMin - 2 * bound);
                    if (count == items.length) {
                        items = Arrays.copyOf(items, count * 2);
                        scores = Arrays.copyOf(scores, count * 2);
                    }
                }
                items[count] = i;
                scores[count] = acc;
                count++;
            }
        }
        int valid = 0;
        for (int v : top) {
            if (v != Integer.MIN_VALUE) {
                valid++;
            }
        }
        int[] realTop = Arrays.stream(top).filter(v -> v != Integer.MIN_VALUE).toArray();
        return new ChunkResult(valid == k ? top : realTop, items, scores, count);
    }

    private static int compact(int[] items, int[] scores, int count, long threshold) {
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (scores[r] >= threshold) {
                items[w] = items[r];
                scores[w] = scores[r];
                w++;
            }
        }
        return w;
    }

    private static int argmin(int[] a) {
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
            acc += qi[j] * quantised[off + j];
        }
        return acc;
    }

    private static double[] sqrt(Basin b) {
        return Sphere.sqrt(b);
    }

    private static int[] quantise(double[] t) {
        int[] q = new int[D];
        for (int j = 0; j < D; j++) {
            q[j] = (int) Math.round(t[j] * Q);
        }
        return q;
    }

    /** B in integer units (Q²·B), rounded up, plus one for safety. */
    private static long boundUnits(double[] t) {
        double l1 = 0.0;
        for (double x : t) {
            l1 += x;
        }
        double delta = 0.5 / Q;
        return (long) Math.ceil((double) Q * Q * delta * (l1 + 8.0 + D * delta)) + 1;
    }

    private static void requireQuery(Basin q) {
        if (q == null) {
            throw new InvalidInputException("basin", "is missing");
        }
    }
}
