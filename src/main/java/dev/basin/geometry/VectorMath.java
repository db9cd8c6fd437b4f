package dev.basin.geometry;

/**
 * The inner loops of the geometry over 64-dimensional vectors, written once and used by every scan and distance:
 * the inner product and the squared Euclidean distance of two 64-double vectors, and the approximate inner products of
 * a query with blocks of 8-bit codes ({@link ByteCodes}).
 *
 * <p>When the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher {@code basin} for {@code serve}
 * and {@code run}, the tests, the benchmarks) the loops use SIMD through the Vector API ({@link #SIMD} is true);
 * otherwise plain Java loops with the same arithmetic. The double-precision results are bit for bit the same either
 * way: both keep eight partial sums, lane l summing the terms i ≡ l (mod 8) in increasing i with a fused multiply-add,
 * and add the eight partial sums in the fixed order ((l₀+l₄)+(l₂+l₆)) + ((l₁+l₅)+(l₃+l₇)). Rounding error of such a
 * 64-term sum: at most γ₆₄·Σ|xᵢyᵢ| with γ₆₄ = 64·2⁻⁵³/(1 − 64·2⁻⁵³) ≈ 7.1·10⁻¹⁵ (each term passes through at most
 * 8 + 3 roundings).
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
        double l0 = 0.0;
        double l1 = 0.0;
        double l2 = 0.0;
        double l3 = 0.0;
        double l4 = 0.0;
        double l5 = 0.0;
        double l6 = 0.0;
        double l7 = 0.0;
        for (int i = 0; i < D; i += 8) {
            int x = ao + i;
            int y = bo + i;
            l0 = Math.fma(a[x], b[y], l0);
            l1 = Math.fma(a[x + 1], b[y + 1], l1);
            l2 = Math.fma(a[x + 2], b[y + 2], l2);
            l3 = Math.fma(a[x + 3], b[y + 3], l3);
            l4 = Math.fma(a[x + 4], b[y + 4], l4);
            l5 = Math.fma(a[x + 5], b[y + 5], l5);
            l6 = Math.fma(a[x + 6], b[y + 6], l6);
            l7 = Math.fma(a[x + 7], b[y + 7], l7);
        }
        return sum8(l0, l1, l2, l3, l4, l5, l6, l7);
    }

    static double squaredDistanceScalar(double[] a, int ao, double[] b, int bo) {
        double l0 = 0.0;
        double l1 = 0.0;
        double l2 = 0.0;
        double l3 = 0.0;
        double l4 = 0.0;
        double l5 = 0.0;
        double l6 = 0.0;
        double l7 = 0.0;
        for (int i = 0; i < D; i += 8) {
            int x = ao + i;
            int y = bo + i;
            double d0 = a[x] - b[y];
            double d1 = a[x + 1] - b[y + 1];
            double d2 = a[x + 2] - b[y + 2];
            double d3 = a[x + 3] - b[y + 3];
            double d4 = a[x + 4] - b[y + 4];
            double d5 = a[x + 5] - b[y + 5];
            double d6 = a[x + 6] - b[y + 6];
            double d7 = a[x + 7] - b[y + 7];
            l0 = Math.fma(d0, d0, l0);
            l1 = Math.fma(d1, d1, l1);
            l2 = Math.fma(d2, d2, l2);
            l3 = Math.fma(d3, d3, l3);
            l4 = Math.fma(d4, d4, l4);
            l5 = Math.fma(d5, d5, l5);
            l6 = Math.fma(d6, d6, l6);
            l7 = Math.fma(d7, d7, l7);
        }
        return sum8(l0, l1, l2, l3, l4, l5, l6, l7);
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
