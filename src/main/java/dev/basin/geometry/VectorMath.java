package dev.basin.geometry;

/**
 * The inner loops of the geometry over 64-dimensional vectors, written once and used by every scan and distance:
 * the inner product and the squared Euclidean distance of two 64-double vectors, and the approximate inner products of
 * a query with blocks of 8-bit codes ({@link ByteCodes}).
 *
 * <p>When the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher {@code basin} for {@code serve}
 * and {@code run}, the tests, the benchmarks) the loops use SIMD through the Vector API ({@link #SIMD} is true);
 * otherwise plain Java loops with the same arithmetic. The double-precision results are bit for bit the same either
 * way: both keep 32 partial sums pₘₗ (m = 0…3, l = 0…7), each summing the two terms i = 8m + l and i = 32 + 8m + l
 * with fused multiply-adds, combine them per lane as lₗ = (p₀ₗ + p₁ₗ) + (p₂ₗ + p₃ₗ) and add the eight lanes in the
 * fixed order ((l₀+l₄)+(l₂+l₆)) + ((l₁+l₅)+(l₃+l₇)). (Four independent accumulators keep the SIMD loop from waiting on
 * one chain of fused multiply-adds.) Rounding error of such a 64-term sum: at most γ₆₄·Σ|xᵢyᵢ| with
 * γ₆₄ = 64·2⁻⁵³/(1 − 64·2⁻⁵³) ≈ 7.1·10⁻¹⁵ (each term passes through at most 2 + 2 + 3 roundings).
 */
public final class VectorMath {
    /** Whether the Vector API is in use in this JVM. */
    public static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("basin.noSimd");

    private static final int D = Basin.DIM;

    private VectorMath() {}

    /** ⟨a[ao..ao+64), b[bo..bo+64)⟩. */
    public static double dot(double[] a, int ao, double[] b, int bo) {
        return SIMD ? SimdKernels.dot(a, ao, b, bo) : dotScalar(a, ao, b, bo);
    }

    /** ‖a[ao..ao+64) − b[bo..bo+64)‖². Symmetric bit for bit: (aᵢ − bᵢ)² = (bᵢ − aᵢ)² exactly. */
    public static double squaredDistance(double[] a, int ao, double[] b, int bo) {
        return SIMD ? SimdKernels.squaredDistance(a, ao, b, bo) : squaredDistanceScalar(a, ao, b, bo);
    }

    static double dotScalar(double[] a, int ao, double[] b, int bo) {
        double[] lane = new double[8];
        for (int l = 0; l < 8; l++) {
            double[] p = new double[4];
            for (int m = 0; m < 4; m++) {
                int x = ao + 8 * m + l;
                int y = bo + 8 * m + l;
                p[m] = Math.fma(a[x + 32], b[y + 32], Math.fma(a[x], b[y], 0.0));
            }
            lane[l] = (p[0] + p[1]) + (p[2] + p[3]);
        }
        return sum8(lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6], lane[7]);
    }

    static double squaredDistanceScalar(double[] a, int ao, double[] b, int bo) {
        double[] lane = new double[8];
        for (int l = 0; l < 8; l++) {
            double[] p = new double[4];
            for (int m = 0; m < 4; m++) {
                int x = ao + 8 * m + l;
                int y = bo + 8 * m + l;
                double d0 = a[x] - b[y];
                double d1 = a[x + 32] - b[y + 32];
                p[m] = Math.fma(d1, d1, Math.fma(d0, d0, 0.0));
            }
            lane[l] = (p[0] + p[1]) + (p[2] + p[3]);
        }
        return sum8(lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6], lane[7]);
    }

    /** The fixed order in which eight partial sums are added (the SIMD path adds them in the same order). */
    static double sum8(double l0, double l1, double l2, double l3, double l4, double l5, double l6, double l7) {
        return ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7));
    }

    /**
     * For the 16 items of block b of {@link ByteCodes}: approx[l] = σᵢ·Σⱼ q[j]·cᵢⱼ in float (four partial sums per lane,
     * j ≡ 0, 1, 2, 3 mod 4, added as (s₀+s₂)+(s₁+s₃), then times σᵢ), and the mask of the lanes l (bit l) with
     * approx[l] + Eᵢ ≥ limits[i] (or ≥ bound when limits is null), i = 16b + l.
     */
    static long blockAbove(byte[] codes, int b, float[] q, float[] scale, float[] error, float[] limits, float bound,
            float[] approx) {
        return SIMD ? SimdKernels.blockAbove(codes, b, q, scale, error, limits, bound, approx)
                : blockAboveScalar(codes, b, q, scale, error, limits, bound, approx);
    }

    /**
     * For the 16 balls of block b of {@link BallCodes}: the mask of the lanes l (bit l) that no prefix bound rules
     * out. With a = σ·Σ_{j&lt;S} q[j]·cⱼ in float (four partial sums per lane, j ≡ 0, 1, 2, 3 mod 4, added as
     * (s₀+s₂)+(s₁+s₃), then times σ), a lane is ruled out once ‖t_S‖² − 2a ≥ B_S for S = 16, 32 or 64; the scan stops at
     * the first prefix after which every lane is ruled out.
     */
    static long blockMayContain(byte[] codes, float[] meta, int b, BallCodes.Query query) {
        return SIMD ? SimdKernels.blockMayContain(codes, meta, b, query.q(), query.prefixNorms())
                : blockMayContainScalar(codes, meta, b, query);
    }

    /** The balls in [from, to) of {@link BallCodes} that {@link #blockMayContain} keeps, ascending. */
    static int[] mayContain(byte[] codes, float[] meta, int from, int to, BallCodes.Query query) {
        if (SIMD) {
            return SimdKernels.mayContain(codes, meta, from, to, query);
        }
        int[] out = new int[16];
        int n = 0;
        for (int b = from / BallCodes.BLOCK, last = (to + BallCodes.BLOCK - 1) / BallCodes.BLOCK; b < last; b++) {
            long m = blockMayContainScalar(codes, meta, b, query);
            while (m != 0) {
                int i = b * BallCodes.BLOCK + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                if (i >= from && i < to) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = i;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    static long blockMayContainScalar(byte[] codes, float[] meta, int b, BallCodes.Query query) {
        int n = BallCodes.BLOCK;
        int base = b * n * D;
        int mb = b * BallCodes.META;
        float[] q = query.q();
        float[] s0 = new float[n];
        float[] s1 = new float[n];
        float[] s2 = new float[n];
        float[] s3 = new float[n];
        long alive = (1L << n) - 1;
        int from = 0;
        for (int k = 0; k < BallCodes.PREFIX.length; k++) {
            int to = BallCodes.PREFIX[k];
            float tn = query.prefixNorms()[k];
            long next = 0;
            for (int l = 0; l < n; l++) {
                for (int j = from; j < to; j += 4) {
                    int o = base + j * n + l;
                    s0[l] = Math.fma(codes[o] & 0xFF, q[j], s0[l]);
                    s1[l] = Math.fma(codes[o + n] & 0xFF, q[j + 1], s1[l]);
                    s2[l] = Math.fma(codes[o + 2 * n] & 0xFF, q[j + 2], s2[l]);
                    s3[l] = Math.fma(codes[o + 3 * n] & 0xFF, q[j + 3], s3[l]);
                }
                float a = ((s0[l] + s2[l]) + (s1[l] + s3[l])) * meta[mb + l];
                float x = tn - 2f * a;
                if (x < meta[mb + (k + 1) * n + l]) {
                    next |= 1L << l;
                }
            }
            alive &= next;
            if (alive == 0) {
                return 0;
            }
            from = to;
        }
        return alive;
    }

    static long blockAboveScalar(byte[] codes, int b, float[] q, float[] scale, float[] error, float[] limits,
            float bound, float[] approx) {
        int n = ByteCodes.BLOCK;
        int base = b * n * D;
        long mask = 0;
        for (int l = 0; l < n; l++) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int j = 0; j < D; j += 4) {
                int o = base + j * n + l;
                s0 = Math.fma(q[j], codes[o] & 0xFF, s0);
                s1 = Math.fma(q[j + 1], codes[o + n] & 0xFF, s1);
                s2 = Math.fma(q[j + 2], codes[o + 2 * n] & 0xFF, s2);
                s3 = Math.fma(q[j + 3], codes[o + 3 * n] & 0xFF, s3);
            }
            int i = b * n + l;
            float a = ((s0 + s2) + (s1 + s3)) * scale[i];
            approx[l] = a;
            if (a + error[i] >= (limits == null ? bound : limits[i])) {
                mask |= 1L << l;
            }
        }
        return mask;
    }
}
