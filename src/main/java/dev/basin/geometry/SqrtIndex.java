package dev.basin.geometry;

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
 * <p>Optional 8-bit pre-scan ({@link Builder#quantisedPrescan(boolean)}): a second copy of the coordinates as
 * {@link ByteCodes} (72 more bytes per basin) lets a scan read 64 bytes per basin instead of 512. Each code's inner
 * product with the query is within a proven per-basin bound Eᵢ (about 0.0025 for Dirichlet(1) basins) of the exact
 * one; every basin that could still be among the answers under that bound is decided in double precision, so the
 * answers are the same as without the pre-scan.
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
    private final ByteCodes codes;
    private final int size;

    private SqrtIndex(double[] coords, ByteCodes codes, int size) {
        this.coords = coords;
        this.codes = codes;
        this.size = size;
    }

    /** True when scans read the 8-bit codes first. */
    public boolean hasQuantisedPrescan() {
        return codes != null;
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
        int[] candidates;
        if (codes == null) {
            TopK top = chunks().mapToObj(c -> scanTop(q, c, kk)).reduce(TopK::merge).orElseThrow();
            candidates = top.candidatesAbove(top.minDot() - 2 * DOT_ERROR);
        } else {
            candidates = codes.nearestCandidates(ByteCodes.query(q), kk);
        }
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
        if (codes != null) {
            int[] candidates = codes.above(ByteCodes.query(q), 0, size, (float) cos);
            int n = 0;
            for (int j : candidates) {
                if (inside(q, j, dot(q, j), cos, radius)) {
                    candidates[n++] = j;
                }
            }
            return Arrays.copyOf(candidates, n);
        }
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
        TopK top = new TopK(k, DOT_ERROR);
        int end = Math.min(size, (chunk + 1) * CHUNK);
        for (int j = chunk * CHUNK; j < end; j++) {
            top.offer(dot(q, j), j);
        }
        return top;
    }

    /** d(query, basin j) &lt; radius, given dot = ⟨q, sⱼ⟩ in double precision (error &lt; {@value #DOT_ERROR}). */
    private boolean inside(double[] q, int j, double dot, double cos, double radius) {
        if (dot > cos + DOT_ERROR) {
            return true;
        }
        if (dot < cos - DOT_ERROR) {
            return false;
        }
        return exactDistance(q, j) < radius;
    }

    private int[] scanBall(double[] q, int chunk, double cos, double radius) {
        int end = Math.min(size, (chunk + 1) * CHUNK);
        int[] hits = new int[16];
        int n = 0;
        for (int j = chunk * CHUNK; j < end; j++) {
            if (inside(q, j, dot(q, j), cos, radius)) {
                if (n == hits.length) {
                    hits = Arrays.copyOf(hits, n * 2);
                }
                hits[n++] = j;
            }
        }
        return Arrays.copyOf(hits, n);
    }

    private double dot(double[] q, int j) {
        return VectorMath.dot(q, 0, coords, j * D);
    }

    /**
     * 4·asin(‖q − sⱼ‖/2), or exactly π for disjoint supports (possible only when ‖q − sⱼ‖² = Σp + Σq is within the
     * basin sum tolerance of 2, so the supports are compared only then).
     */
    private double exactDistance(double[] q, int j) {
        int o = j * D;
        double sq = VectorMath.squaredDistance(q, 0, coords, o);
        if (sq >= 2.0 - FisherRao.DISJOINT_CHECK) {
            boolean overlap = false;
            for (int i = 0; i < D; i++) {
                overlap |= q[i] > 0.0 && coords[o + i] > 0.0;
            }
            if (!overlap) {
                return Math.PI;
            }
        }
        return Math.min(Math.PI, 4.0 * Math.asin(Math.min(1.0, Math.sqrt(sq) / 2.0)));
    }

    /** Builds an index by appending basins. */
    public static final class Builder {
        private double[] coords;
        private int size;
        private boolean quantisedPrescan;

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

        /** Also keep 8-bit codes for a pre-scan that reads an eighth of the bytes (answers are unchanged). Default off. */
        public Builder quantisedPrescan(boolean enabled) {
            this.quantisedPrescan = enabled;
            return this;
        }

        /** The index; the builder must not be used afterwards. */
        public SqrtIndex build() {
            double[] c = coords.length == size * D ? coords : Arrays.copyOf(coords, size * D);
            coords = null;
            ByteCodes q = null;
            if (quantisedPrescan) {
                q = new ByteCodes(size);
                for (int i = 0; i < size; i++) {
                    q.add(c, i * D, Float.POSITIVE_INFINITY);
                }
            }
            return new SqrtIndex(c, q, size);
        }
    }
}
