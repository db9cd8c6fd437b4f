package dev.basin.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Exact 1-vs-N Fisher–Rao search over basins stored as square-root coordinates in one flat {@code double[]}
 * (64 doubles per basin, 512 bytes).
 *
 * <p>Since d = 4·asin(‖s − t‖/2) and ‖s − t‖² = 2 − 2⟨s,t⟩ for unit vectors, d is decreasing in ⟨s,t⟩: the k nearest
 * basins are the k largest inner products, and d(p,c) &lt; r ⇔ ⟨s,√c⟩ &gt; cos(r/2). The scan ranks by inner product
 * (64 products summed in four interleaved accumulators, absolute error below {@value #DOT_ERROR}); every candidate
 * whose inner product is within that error of the decision boundary is then decided by its distance computed in
 * double precision, so the answer is the one an exact double-precision distance scan gives. Distances returned are
 * 4·asin(‖s − t‖/2) from the stored coordinates (exactly π when the inner product is 0, i.e. disjoint supports).
 *
 * <p>Scans of at least {@value #PARALLEL_THRESHOLD} basins run in parallel on the common fork-join pool. The index is
 * immutable once built and safe to share between threads.
 */
public final class SqrtIndex {
    /** Bound on the rounding error of one 64-term inner product of unit vectors (64·2⁻⁵³ ≈ 7.1e-15, with margin). */
    public static final double DOT_ERROR = 1e-13;
    /** Below this many basins a scan runs on the calling thread. */
    public static final int PARALLEL_THRESHOLD = 1 << 15;

    private static final int D = Basin.DIM;
    private static final int CHUNK = 1 << 14;

    /** One search result: position in the index and Fisher–Rao distance to the query. */
    public record Neighbor(int index, double distance) {}

    private final double[] coords;
    private final int size;

    private SqrtIndex(double[] coords, int size) {
        this.coords = coords;
        this.size = size;
    }

    /** An index of {@code basins}, in list order. */
    public static SqrtIndex of(List<Basin> basins) {
        Builder b = builder(basins.size());
        basins.forEach(b::add);
        return b.build();
    }

    /** A builder that appends basins without keeping the {@link Basin} objects. */
    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /** Number of basins stored. */
    public int size() {
        return size;
    }

    /** A copy of the square-root coordinates of basin {@code index}. */
    public double[] sqrtCoordinates(int index) {
        Objects.checkIndex(index, size);
        return Arrays.copyOfRange(coords, index * D, index * D + D);
    }

    /** The Fisher–Rao distance from {@code query} to stored basin {@code index}. */
    public double distance(Basin query, int index) {
        Objects.checkIndex(index, size);
        return exactDistance(query.s(), index);
    }

    /** The {@code k} nearest stored basins to {@code query}, nearest first (ties by lower index). */
    public List<Neighbor> nearest(Basin query, int k) {
        if (k < 1) {
            throw new InvalidInputException("k", "must be at least 1, is " + k);
        }
        double[] q = query.s();
        int kk = Math.min(k, size);
        if (kk == 0) {
            return List.of();
        }
        TopK top = chunks().mapToObj(c -> scanTop(q, c, kk)).reduce(TopK::merge).orElseThrow();
        double threshold = top.minDot() - 2 * DOT_ERROR;
        int[] candidates = top.candidatesAbove(threshold);
        Neighbor[] scored = new Neighbor[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            scored[i] = new Neighbor(candidates[i], exactDistance(q, candidates[i]));
        }
        Arrays.sort(scored, Comparator.comparingDouble(Neighbor::distance).thenComparingInt(Neighbor::index));
        return List.of(Arrays.copyOf(scored, kk));
    }

    /** Indices (ascending) of the stored basins c with d(query, c) &lt; radius, radius ∈ [0, π]. */
    public int[] within(Basin query, double radius) {
        double cos = FisherRao.cosHalf(radius);
        double[] q = query.s();
        return chunks()
                .mapToObj(c -> scanBall(q, c, cos, radius))
                .reduce((a, b) -> {
                    int[] r = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, r, a.length, b.length);
                    return r;
                })
                .map(r -> {
                    Arrays.sort(r);
                    return r;
                })
                .orElse(new int[0]);
    }

    private IntStream chunks() {
        int n = (size + CHUNK - 1) / CHUNK;
        IntStream s = IntStream.range(0, Math.max(1, n));
        return size >= PARALLEL_THRESHOLD ? s.parallel() : s;
    }

    private TopK scanTop(double[] q, int chunk, int k) {
        TopK top = new TopK(k);
        int end = Math.min(size, (chunk + 1) * CHUNK);
        for (int j = chunk * CHUNK; j < end; j++) {
            top.offer(dot(q, j), j);
        }
        return top;
    }

    private int[] scanBall(double[] q, int chunk, double cos, double radius) {
        int end = Math.min(size, (chunk + 1) * CHUNK);
        int[] hits = new int[16];
        int n = 0;
        for (int j = chunk * CHUNK; j < end; j++) {
            double dot = dot(q, j);
            boolean inside;
            if (dot > cos + DOT_ERROR) {
                inside = true;
            } else if (dot < cos - DOT_ERROR) {
                inside = false;
            } else {
                inside = exactDistance(q, j) < radius;
            }
            if (inside) {
                if (n == hits.length) {
                    hits = Arrays.copyOf(hits, n * 2);
                }
                hits[n++] = j;
            }
        }
        return Arrays.copyOf(hits, n);
    }

    private double dot(double[] q, int j) {
        double[] c = coords;
        int o = j * D;
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int i = 0; i < D; i += 4) {
            a0 += q[i] * c[o + i];
            a1 += q[i + 1] * c[o + i + 1];
            a2 += q[i + 2] * c[o + i + 2];
            a3 += q[i + 3] * c[o + i + 3];
        }
        return (a0 + a1) + (a2 + a3);
    }

    private double exactDistance(double[] q, int j) {
        int o = j * D;
        double sq = 0.0;
        boolean overlap = false;
        for (int i = 0; i < D; i++) {
            double c = coords[o + i];
            double diff = q[i] - c;
            sq += diff * diff;
            overlap |= q[i] > 0.0 && c > 0.0;
        }
        if (!overlap) {
            return Math.PI;
        }
        return Math.min(Math.PI, 4.0 * Math.asin(Math.min(1.0, Math.sqrt(sq) / 2.0)));
    }

    /** Builds an index by appending basins. */
    public static final class Builder {
        private double[] coords;
        private int size;

        private Builder(int expectedSize) {
            coords = new double[Math.max(1, expectedSize) * D];
        }

        /** Appends {@code basin}; its position is the number of basins added before it. */
        public Builder add(Basin basin) {
            if ((size + 1) * (long) D > coords.length) {
                coords = Arrays.copyOf(coords, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, coords.length * 2L)));
            }
            basin.copySqrtTo(coords, size * D);
            size++;
            return this;
        }

        /** The index; the builder must not be used afterwards. */
        public SqrtIndex build() {
            double[] c = coords.length == size * D ? coords : Arrays.copyOf(coords, size * D);
            coords = null;
            return new SqrtIndex(c, size);
        }
    }

    /**
     * The k largest inner products seen (a min-heap), plus every other index whose inner product came within
     * 2·{@value #DOT_ERROR} of the heap minimum when it was rejected: those may still be nearer once distances are
     * computed exactly.
     */
    private static final class TopK {
        private final int k;
        private final double[] dots;
        private final int[] idx;
        private int n;
        private int[] near = new int[8];
        private double[] nearDots = new double[8];
        private int nearCount;

        TopK(int k) {
            this.k = k;
            this.dots = new double[k];
            this.idx = new int[k];
        }

        void offer(double dot, int index) {
            if (n < k) {
                dots[n] = dot;
                idx[n] = index;
                siftUp(n++);
                return;
            }
            if (dot > dots[0]) {
                double outDot = dots[0];
                int out = idx[0];
                dots[0] = dot;
                idx[0] = index;
                siftDown(0);
                keepIfNear(outDot, out);
            } else {
                keepIfNear(dot, index);
            }
        }

        private void keepIfNear(double dot, int index) {
            if (dot < dots[0] - 2 * DOT_ERROR) {
                return;
            }
            if (nearCount == near.length) {
                prune();
                if (nearCount == near.length) {
                    near = Arrays.copyOf(near, nearCount * 2);
                    nearDots = Arrays.copyOf(nearDots, nearCount * 2);
                }
            }
            near[nearCount] = index;
            nearDots[nearCount++] = dot;
        }

        private void prune() {
            double t = dots[0] - 2 * DOT_ERROR;
            int m = 0;
            for (int i = 0; i < nearCount; i++) {
                if (nearDots[i] >= t) {
                    near[m] = near[i];
                    nearDots[m++] = nearDots[i];
                }
            }
            nearCount = m;
        }

        double minDot() {
            return n < k ? Double.NEGATIVE_INFINITY : dots[0];
        }

        TopK merge(TopK other) {
            for (int i = 0; i < other.n; i++) {
                offer(other.dots[i], other.idx[i]);
            }
            for (int i = 0; i < other.nearCount; i++) {
                keepIfNear(other.nearDots[i], other.near[i]);
            }
            return this;
        }

        int[] candidatesAbove(double threshold) {
            List<Integer> r = new ArrayList<>(n + nearCount);
            for (int i = 0; i < n; i++) {
                r.add(idx[i]);
            }
            for (int i = 0; i < nearCount; i++) {
                if (nearDots[i] >= threshold) {
                    r.add(near[i]);
                }
            }
            return r.stream().mapToInt(Integer::intValue).toArray();
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!less(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int m = i;
                if (l < n && less(l, m)) {
                    m = l;
                }
                if (r < n && less(r, m)) {
                    m = r;
                }
                if (m == i) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        /** Heap order: smaller dot first; among equal dots the larger index is "smaller" so lower indices survive. */
        private boolean less(int a, int b) {
            return dots[a] < dots[b] || (dots[a] == dots[b] && idx[a] > idx[b]);
        }

        private void swap(int a, int b) {
            double d = dots[a];
            dots[a] = dots[b];
            dots[b] = d;
            int t = idx[a];
            idx[a] = idx[b];
            idx[b] = t;
        }
    }
}
