package dev.basin.geometry;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Square-root coordinates of many basins as 8-bit codes with a proven error bound: the pre-filter of every exact
 * nearest-neighbour and ball scan ({@link SqrtIndex}, the attractor index, the safety index). A scan reads 64 bytes
 * per item instead of 512; the items it cannot rule out are then decided in double precision by the caller.
 *
 * <p>Item i with unit vector s (64 entries ≥ 0) stores a scale σ = max(s)/255 (a float, rounded up), codes
 * cⱼ = round(sⱼ/σ) ∈ [0, 255] and a bound Eᵢ = ‖e‖ + {@value #ROUNDING}, rounded up to float, where e = s − σc is the
 * quantisation residual (|eⱼ| ≤ σ/2, so ‖e‖ ≤ 4σ; about 0.0025 for Dirichlet(1) basins). For a query t with
 * ‖t‖ ≤ 1 + 10⁻⁹, the scan's score a = σ·Σ fl(tⱼ)·cⱼ, evaluated in float, satisfies |⟨s,t⟩ − a| ≤ Eᵢ:
 * ⟨s,t⟩ = σ⟨c,t⟩ + ⟨e,t⟩ with |⟨e,t⟩| ≤ ‖e‖·‖t‖ (Cauchy–Schwarz), and the float evaluation (t rounded to float, each
 * term through at most 18 roundings in four partial sums of 16 fused multiply-adds, the multiplication by σ) is off by
 * at most (γ₁₈ + 2·2⁻²⁴)·σΣtⱼcⱼ ≤ 1.3·10⁻⁶, which {@value #ROUNDING} covers with room for the float additions and
 * comparisons that follow and for the ≤ 10⁻¹³ by which a double-precision distance can misorder two inner products.
 *
 * <p>Layout: blocks of {@value #BLOCK} items, dimension-major inside a block (byte 16j + l of a block is code j of item
 * l), so one SIMD step multiplies 16 items' code j by tⱼ ({@link VectorMath}). Not thread-safe for writes; scans may
 * run concurrently with each other.
 */
public final class ByteCodes {
    /** Items per block. */
    public static final int BLOCK = 16;
    /** Added to every item's bound to cover float rounding (≤ 1.3·10⁻⁶) and comparisons. */
    public static final double ROUNDING = 1e-5;
    /** Scans of at least this many items run in parallel chunks on the common fork-join pool. */
    public static final int PARALLEL_THRESHOLD = 1 << 15;

    private static final int D = Basin.DIM;
    private static final int CHUNK = 1 << 14;

    private byte[] codes;
    private float[] scale;
    private float[] error;
    private float[] limit;
    private int size;

    /** Room for {@code capacity} items before growing. */
    public ByteCodes(int capacity) {
        int cap = blocks(Math.max(1, capacity)) * BLOCK;
        codes = new byte[cap * D];
        scale = new float[cap];
        error = new float[cap];
        limit = new float[cap];
        Arrays.fill(limit, Float.POSITIVE_INFINITY);
    }

    /** Number of items. */
    public int size() {
        return size;
    }

    /** The bound Eᵢ of item i. */
    public float error(int i) {
        return error[i];
    }

    /** Appends the unit vector {@code s[off..off+64)}; see {@link #set}. */
    public void add(double[] s, int off, float itemLimit) {
        set(size, s, off, itemLimit);
    }

    /**
     * Stores the unit vector {@code s[off..off+64)} (entries ≥ 0) as item i (i ≤ size; i = size appends), with the
     * per-item limit that {@link #above(float[], int, int)} compares against (ignored by the other scans).
     */
    public void set(int i, double[] s, int off, float itemLimit) {
        if (i > size || i < 0) {
            throw new IndexOutOfBoundsException(i);
        }
        if (i == size) {
            if (size == scale.length) {
                grow();
            }
            size++;
        }
        double max = 0.0;
        for (int j = 0; j < D; j++) {
            max = Math.max(max, s[off + j]);
        }
        float sigma = max > 0.0 ? Math.nextUp((float) (max / 255.0)) : Float.MIN_NORMAL;
        double sig = sigma;
        int base = (i / BLOCK) * BLOCK * D + i % BLOCK;
        double e2 = 0.0;
        for (int j = 0; j < D; j++) {
            long c = Math.min(255, Math.max(0, Math.round(s[off + j] / sig)));
            codes[base + j * BLOCK] = (byte) c;
            double e = s[off + j] - c * sig;
            e2 += e * e;
        }
        scale[i] = sigma;
        error[i] = Math.nextUp((float) (Math.sqrt(e2) * (1.0 + 1e-9) + ROUNDING));
        limit[i] = itemLimit;
    }

    /** Copies item {@code from} over item {@code to} (both &lt; size). */
    public void move(int from, int to) {
        int fb = (from / BLOCK) * BLOCK * D + from % BLOCK;
        int tb = (to / BLOCK) * BLOCK * D + to % BLOCK;
        for (int j = 0; j < D; j++) {
            codes[tb + j * BLOCK] = codes[fb + j * BLOCK];
        }
        scale[to] = scale[from];
        error[to] = error[from];
        limit[to] = limit[from];
    }

    /** Drops the last item. */
    public void removeLast() {
        int i = --size;
        int base = (i / BLOCK) * BLOCK * D + i % BLOCK;
        for (int j = 0; j < D; j++) {
            codes[base + j * BLOCK] = 0;
        }
        scale[i] = 0f;
        error[i] = 0f;
        limit[i] = Float.POSITIVE_INFINITY;
    }

    /** The query as the scans take it: t rounded to float. */
    public static float[] query(double[] t) {
        float[] q = new float[D];
        for (int j = 0; j < D; j++) {
            q[j] = (float) t[j];
        }
        return q;
    }

    /**
     * Items in [from, to) that the bound cannot place below their own limit: every i with ⟨sᵢ,t⟩ ≥ limitᵢ is among
     * them (a + Eᵢ ≥ ⟨sᵢ,t⟩), ascending.
     */
    public int[] above(float[] q, int from, int to) {
        return scanAbove(q, from, to, limit, 0f);
    }

    /** Items in [from, to) that the bound cannot place below {@code bound}: every i with ⟨sᵢ,t⟩ ≥ bound, ascending. */
    public int[] above(float[] q, int from, int to, float bound) {
        return scanAbove(q, from, to, null, bound);
    }

    private int[] scanAbove(float[] q, int from, int to, float[] limits, float bound) {
        int[] out = new int[16];
        int n = 0;
        float[] approx = new float[BLOCK];
        for (int b = from / BLOCK, last = (to + BLOCK - 1) / BLOCK; b < last; b++) {
            long m = VectorMath.blockAbove(codes, b, q, scale, error, limits, bound, approx);
            while (m != 0) {
                int l = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                int i = b * BLOCK + l;
                if (i < from || i >= to) {
                    continue;
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The items that may be among the k largest inner products with t (k ≥ 1), ascending: with L the k-th largest
     * lower bound a − Eᵢ over all items, every item with a + Eᵢ ≥ L. The k items of largest ⟨sᵢ,t⟩ all have
     * ⟨sᵢ,t⟩ ≥ L (k items have a lower bound ≥ L), so they are all returned; the caller ranks the candidates exactly.
     * Scans of at least {@value #PARALLEL_THRESHOLD} items run in parallel chunks.
     */
    public int[] nearestCandidates(float[] q, int k) {
        if (size == 0) {
            return new int[0];
        }
        int chunks = (size + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        if (size >= PARALLEL_THRESHOLD) {
            range = range.parallel();
        }
        Top[] parts = range.mapToObj(c -> top(q, c * CHUNK, Math.min(size, (c + 1) * CHUNK), k)).toArray(Top[]::new);
        Top all = parts[0];
        for (int c = 1; c < parts.length; c++) {
            all.merge(parts[c]);
        }
        return all.candidates();
    }

    private Top top(float[] q, int from, int to, int k) {
        Top top = new Top(k);
        float[] approx = new float[BLOCK];
        for (int b = from / BLOCK, last = (to + BLOCK - 1) / BLOCK; b < last; b++) {
            long m = VectorMath.blockAbove(codes, b, q, scale, error, null, top.threshold(), approx);
            while (m != 0) {
                int l = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                int i = b * BLOCK + l;
                if (i < to) {
                    top.offer(i, approx[l] - error[i], approx[l] + error[i]);
                }
            }
        }
        return top;
    }

    private void grow() {
        int cap = scale.length * 2;
        codes = Arrays.copyOf(codes, cap * D);
        scale = Arrays.copyOf(scale, cap);
        error = Arrays.copyOf(error, cap);
        int old = limit.length;
        limit = Arrays.copyOf(limit, cap);
        Arrays.fill(limit, old, cap, Float.POSITIVE_INFINITY);
    }

    private static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** Scan state of one chunk: the k largest lower bounds (a min-heap) and the items whose upper bound reached them. */
    private static final class Top {
        private final int k;
        private final float[] lows;
        private int filled;
        private int[] items = new int[64];
        private float[] highs = new float[64];
        private int count;

        Top(int k) {
            this.k = k;
            this.lows = new float[k];
        }

        float threshold() {
            return filled < k ? Float.NEGATIVE_INFINITY : lows[0];
        }

        void offer(int item, float low, float high) {
            if (filled < k) {
                lows[filled] = low;
                siftUp(filled++);
            } else if (low > lows[0]) {
                lows[0] = low;
                siftDown();
            }
            if (high >= threshold()) {
                if (count == items.length) {
                    compact();
                    if (count * 2 > items.length) {
                        items = Arrays.copyOf(items, items.length * 2);
                        highs = Arrays.copyOf(highs, highs.length * 2);
                    }
                }
                items[count] = item;
                highs[count++] = high;
            }
        }

        void merge(Top other) {
            for (int i = 0; i < other.filled; i++) {
                float low = other.lows[i];
                if (filled < k) {
                    lows[filled] = low;
                    siftUp(filled++);
                } else if (low > lows[0]) {
                    lows[0] = low;
                    siftDown();
                }
            }
            for (int i = 0; i < other.count; i++) {
                if (count == items.length) {
                    items = Arrays.copyOf(items, items.length * 2);
                    highs = Arrays.copyOf(highs, highs.length * 2);
                }
                items[count] = other.items[i];
                highs[count++] = other.highs[i];
            }
        }

        int[] candidates() {
            float t = threshold();
            int[] out = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (highs[i] >= t) {
                    out[n++] = items[i];
                }
            }
            out = Arrays.copyOf(out, n);
            Arrays.sort(out);
            return out;
        }

        private void compact() {
            float t = threshold();
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (highs[i] >= t) {
                    items[n] = items[i];
                    highs[n++] = highs[i];
                }
            }
            count = n;
        }

        private void siftUp(int i) {
            while (i > 0) {
                int p = (i - 1) / 2;
                if (lows[i] >= lows[p]) {
                    return;
                }
                float x = lows[i];
                lows[i] = lows[p];
                lows[p] = x;
                i = p;
            }
        }

        private void siftDown() {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int m = i;
                if (l < filled && lows[l] < lows[m]) {
                    m = l;
                }
                if (r < filled && lows[r] < lows[m]) {
                    m = r;
                }
                if (m == i) {
                    return;
                }
                float x = lows[i];
                lows[i] = lows[m];
                lows[m] = x;
                i = m;
            }
        }
    }
}
