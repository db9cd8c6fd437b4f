package dev.basin.geometry;

import java.util.Arrays;

/**
 * Fisher–Rao balls (centre, radius) as 7-bit codes of the centres' square-root coordinates with proven chord bounds:
 * the pre-filter of the exact safety check. A scan rules out every ball that cannot contain the query, reading 16 to
 * 64 code bytes per ball (most balls are ruled out after their first 16 coordinates); the caller decides each
 * remaining ball by the double-precision distance, so the answers are exactly those of a linear scan.
 *
 * <p><b>Bound.</b> Ball i has centre s = √c (64 entries ≥ 0) and radius r. Like {@link ByteCodes} it stores σ =
 * max(s)/{@value #LEVELS} (float, rounded up) and codes cⱼ = round(sⱼ/σ) ∈ [0, {@value #LEVELS}], with residual
 * e = s − σc (|eⱼ| ≤ σ/2; ‖e‖ ≈ 0.005 for Dirichlet(1) centres). d(p, c) &lt; r holds exactly
 * when the chord ‖t − s‖ (t = √p) is below ℓ = 2·sin(r/4). For a prefix S of the coordinates (the first 16, 32 or all
 * 64), ‖t − s‖ ≥ ‖(t − s)_S‖ ≥ ‖(t − σc)_S‖ − ‖e_S‖ (triangle inequality), and ‖(t − σc)_S‖² = ‖t_S‖² − 2σ⟨t,c⟩_S +
 * ‖σc_S‖². So the ball cannot contain p when ‖t_S‖² − 2σ⟨t,c⟩_S ≥ (ℓ + ‖e_S‖)² − ‖σc_S‖²; that right-hand side is
 * stored per ball and prefix (B_S, in float, with {@value #MARGIN} added and rounded up), and the scan evaluates the
 * left-hand side in float. Its float error is at most ≈ 2.6·10⁻⁶ (each of the four partial sums of σ⟨t,c⟩ ≤ 1.04 passes
 * through at most 18 roundings: γ₁₈·2·1.04 ≈ 2.2·10⁻⁶; t rounded to float, ‖t_S‖² rounded to float, the product by σ
 * and the subtraction add ≈ 4·10⁻⁷), which {@value #MARGIN} covers four times. ℓ is taken 10⁻⁹ larger (relative) than
 * 2·sin(r/4), so a ball ruled out has a chord at least 10⁻⁹ beyond its radius: far more than the ≤ 10⁻¹² relative error
 * of {@link FisherRao#distance}, whose answer for it is therefore ≥ r too. No unit-norm assumption is made (basins may
 * sum to 1 ± 10⁻⁹): the identities hold for any vectors.
 *
 * <p>Layout: codes in blocks of {@value #BLOCK} balls, dimension-major inside a block (as {@link ByteCodes}); per block
 * 64 floats of metadata: σ, B₁₆, B₃₂, B₆₄ of its 16 balls. Not thread-safe for writes; scans may run concurrently.
 */
public final class BallCodes {
    /** Balls per block. */
    public static final int BLOCK = 16;
    /** Added to every stored limit to cover the float evaluation of the scan (≤ 2.6·10⁻⁶). */
    public static final double MARGIN = 1e-5;
    /** Floats of metadata per block: σ, B₁₆, B₃₂, B₆₄, 16 each. */
    static final int META = 4 * BLOCK;
    /** Prefix lengths after which balls are ruled out. */
    static final int[] PREFIX = {16, 32, 64};

    /** Codes are in [0, {@value #LEVELS}] (7 bits: the scan widens them to float in one sign-extending step). */
    static final int LEVELS = 127;

    private static final int D = Basin.DIM;

    private byte[] codes;
    private float[] meta;
    private int size;

    /** Room for {@code capacity} balls before growing. */
    public BallCodes(int capacity) {
        int blocks = (Math.max(1, capacity) + BLOCK - 1) / BLOCK;
        codes = new byte[blocks * BLOCK * D];
        meta = new float[blocks * META];
        clearMeta(0, blocks * BLOCK);
    }

    /** The query as the scan takes it: √p rounded to float, and ‖t_S‖² for the three prefixes S = 16, 32, 64. */
    public record Query(float[] q, float[] prefixNorms) {}

    /** Prepares the query p. */
    public static Query query(Basin p) {
        double[] t = p.s();
        float[] q = new float[D];
        for (int j = 0; j < D; j++) {
            q[j] = (float) t[j];
        }
        double n16 = 0.0;
        for (int j = 0; j < 16; j++) {
            n16 += t[j] * t[j];
        }
        double n32 = n16;
        for (int j = 16; j < 32; j++) {
            n32 += t[j] * t[j];
        }
        double n64 = n32;
        for (int j = 32; j < D; j++) {
            n64 += t[j] * t[j];
        }
        return new Query(q, new float[] {(float) n16, (float) n32, (float) n64});
    }

    /** Number of balls. */
    public int size() {
        return size;
    }

    /** Stores the ball (centre, radius) as ball i (i ≤ size; i = size appends). Radius in [0, π]. */
    public void set(int i, Basin centre, double radius) {
        if (i > size || i < 0) {
            throw new IndexOutOfBoundsException(i);
        }
        if (!(radius >= 0.0 && radius <= Math.PI)) {
            throw new InvalidInputException("radius", "must be in [0, pi], is " + radius);
        }
        if (i == size) {
            if (size * D == codes.length) {
                grow();
            }
            size++;
        }
        double[] s = centre.s();
        double max = 0.0;
        for (int j = 0; j < D; j++) {
            max = Math.max(max, s[j]);
        }
        float sigma = max > 0.0 ? Math.nextUp((float) (max / LEVELS)) : Float.MIN_NORMAL;
        double sig = sigma;
        double chordLimit = 2.0 * Math.sin(radius / 4.0) * (1.0 + 1e-9);
        int base = (i / BLOCK) * BLOCK * D + i % BLOCK;
        int mb = (i / BLOCK) * META + i % BLOCK;
        meta[mb] = sigma;
        double e2 = 0.0;
        double c2 = 0.0;
        for (int j = 0, k = 0; j < D; j++) {
            long c = Math.min(LEVELS, Math.max(0, Math.round(s[j] / sig)));
            codes[base + j * BLOCK] = (byte) c;
            double sc = c * sig; // exact: 7 × 24 bits
            double e = s[j] - sc;
            e2 += e * e;
            c2 += sc * sc;
            if (j + 1 == PREFIX[k]) {
                double err = Math.sqrt(e2) * (1.0 + 1e-9);
                double reach = chordLimit + err;
                meta[mb + (k + 1) * BLOCK] = Math.nextUp((float) (reach * reach * (1.0 + 1e-12) - c2 + MARGIN));
                k++;
            }
        }
    }

    /** Copies ball {@code from} over ball {@code to} (both &lt; size). */
    public void move(int from, int to) {
        int fb = (from / BLOCK) * BLOCK * D + from % BLOCK;
        int tb = (to / BLOCK) * BLOCK * D + to % BLOCK;
        for (int j = 0; j < D; j++) {
            codes[tb + j * BLOCK] = codes[fb + j * BLOCK];
        }
        int fm = (from / BLOCK) * META + from % BLOCK;
        int tm = (to / BLOCK) * META + to % BLOCK;
        for (int f = 0; f < META; f += BLOCK) {
            meta[tm + f] = meta[fm + f];
        }
    }

    /** Drops the last ball. */
    public void removeLast() {
        int i = --size;
        int base = (i / BLOCK) * BLOCK * D + i % BLOCK;
        for (int j = 0; j < D; j++) {
            codes[base + j * BLOCK] = 0;
        }
        clearMeta(i, i + 1);
    }

    /**
     * The balls in [from, to) that the bound cannot rule out, ascending: every ball that contains the query is among
     * them.
     */
    public int[] candidates(Query query, int from, int to) {
        return VectorMath.mayContain(codes, meta, from, to, query);
    }

    private void grow() {
        int cap = 2 * codes.length / D;
        int old = codes.length / D;
        codes = Arrays.copyOf(codes, cap * D);
        meta = Arrays.copyOf(meta, cap / BLOCK * META);
        clearMeta(old, cap);
    }

    /** Empty slots: σ = 0 and limits −∞, so every scan rules them out (0 ≥ −∞). */
    private void clearMeta(int from, int to) {
        for (int i = from; i < to; i++) {
            int mb = (i / BLOCK) * META + i % BLOCK;
            meta[mb] = 0f;
            for (int k = 1; k <= PREFIX.length; k++) {
                meta[mb + k * BLOCK] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
