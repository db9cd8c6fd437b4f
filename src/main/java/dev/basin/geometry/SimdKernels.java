package dev.basin.geometry;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API versions of the loops in {@link VectorMath}; loaded only when {@link VectorMath#SIMD} is true (the
 * module {@code jdk.incubator.vector} is present), so a JVM without it never resolves these classes.
 */
final class SimdKernels {
    private static final VectorSpecies<Double> D8 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Byte> B16 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Integer> I16 = IntVector.SPECIES_512;
    /** Lane l ↔ l ^ 4 and l ↔ l ^ 2: the pairings of {@link VectorMath#sum8}. */
    private static final VectorShuffle<Double> SWAP4 = VectorShuffle.fromOp(D8, i -> i ^ 4);
    private static final VectorShuffle<Double> SWAP2 = VectorShuffle.fromOp(D8, i -> i ^ 2);
    private static final int D = Basin.DIM;
    private static final int BLOCK = ByteCodes.BLOCK;

    private SimdKernels() {}

    static double dot(double[] a, int ao, double[] b, int bo) {
        DoubleVector p0 = DoubleVector.zero(D8);
        DoubleVector p1 = DoubleVector.zero(D8);
        DoubleVector p2 = DoubleVector.zero(D8);
        DoubleVector p3 = DoubleVector.zero(D8);
        for (int i = 0; i < D; i += 32) {
            p0 = DoubleVector.fromArray(D8, a, ao + i).fma(DoubleVector.fromArray(D8, b, bo + i), p0);
            p1 = DoubleVector.fromArray(D8, a, ao + i + 8).fma(DoubleVector.fromArray(D8, b, bo + i + 8), p1);
            p2 = DoubleVector.fromArray(D8, a, ao + i + 16).fma(DoubleVector.fromArray(D8, b, bo + i + 16), p2);
            p3 = DoubleVector.fromArray(D8, a, ao + i + 24).fma(DoubleVector.fromArray(D8, b, bo + i + 24), p3);
        }
        return reduce(p0.add(p1).add(p2.add(p3)));
    }

    static double squaredDistance(double[] a, int ao, double[] b, int bo) {
        DoubleVector p0 = DoubleVector.zero(D8);
        DoubleVector p1 = DoubleVector.zero(D8);
        DoubleVector p2 = DoubleVector.zero(D8);
        DoubleVector p3 = DoubleVector.zero(D8);
        for (int i = 0; i < D; i += 32) {
            DoubleVector d0 = DoubleVector.fromArray(D8, a, ao + i).sub(DoubleVector.fromArray(D8, b, bo + i));
            DoubleVector d1 = DoubleVector.fromArray(D8, a, ao + i + 8).sub(DoubleVector.fromArray(D8, b, bo + i + 8));
            DoubleVector d2 = DoubleVector.fromArray(D8, a, ao + i + 16).sub(DoubleVector.fromArray(D8, b, bo + i + 16));
            DoubleVector d3 = DoubleVector.fromArray(D8, a, ao + i + 24).sub(DoubleVector.fromArray(D8, b, bo + i + 24));
            p0 = d0.fma(d0, p0);
            p1 = d1.fma(d1, p1);
            p2 = d2.fma(d2, p2);
            p3 = d3.fma(d3, p3);
        }
        return reduce(p0.add(p1).add(p2.add(p3)));
    }

    /** ((l₀+l₄)+(l₂+l₆)) + ((l₁+l₅)+(l₃+l₇)), as {@link VectorMath#sum8}. */
    private static double reduce(DoubleVector v) {
        DoubleVector h = v.add(v.rearrange(SWAP4));
        DoubleVector h2 = h.add(h.rearrange(SWAP2));
        return h2.lane(0) + h2.lane(1);
    }

    static long blockAbove(byte[] codes, int b, float[] q, float[] scale, float[] error, float[] limits, float bound,
            float[] approx) {
        int base = b * BLOCK * D;
        FloatVector s0 = FloatVector.zero(F16);
        FloatVector s1 = FloatVector.zero(F16);
        FloatVector s2 = FloatVector.zero(F16);
        FloatVector s3 = FloatVector.zero(F16);
        for (int j = 0; j < D; j += 4) {
            int o = base + j * BLOCK;
            s0 = codes(codes, o).fma(FloatVector.broadcast(F16, q[j]), s0);
            s1 = codes(codes, o + BLOCK).fma(FloatVector.broadcast(F16, q[j + 1]), s1);
            s2 = codes(codes, o + 2 * BLOCK).fma(FloatVector.broadcast(F16, q[j + 2]), s2);
            s3 = codes(codes, o + 3 * BLOCK).fma(FloatVector.broadcast(F16, q[j + 3]), s3);
        }
        int item = b * BLOCK;
        FloatVector a = s0.add(s2).add(s1.add(s3)).mul(FloatVector.fromArray(F16, scale, item));
        a.intoArray(approx, 0);
        FloatVector high = a.add(FloatVector.fromArray(F16, error, item));
        FloatVector lim = limits == null ? FloatVector.broadcast(F16, bound) : FloatVector.fromArray(F16, limits, item);
        return high.compare(VectorOperators.GE, lim).toLong();
    }

    /**
     * The balls in [from, to) of {@link BallCodes} that no prefix bound rules out, ascending (the loop over the blocks
     * is here, so the whole scan is one compiled unit whatever inlines it).
     */
    static int[] mayContain(byte[] codes, float[] meta, int from, int to, BallCodes.Query query) {
        int[] out = new int[16];
        int n = 0;
        float[] q = query.q();
        float[] norms = query.prefixNorms();
        for (int b = from / BLOCK, last = (to + BLOCK - 1) / BLOCK; b < last; b++) {
            long m = blockMayContain(codes, meta, b, q, norms);
            while (m != 0) {
                int i = b * BLOCK + Long.numberOfTrailingZeros(m);
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

    static long blockMayContain(byte[] codes, float[] meta, int b, float[] q, float[] norms) {
        int base = b * BLOCK * D;
        int mb = b * BallCodes.META;
        FloatVector s0 = FloatVector.zero(F16);
        FloatVector s1 = FloatVector.zero(F16);
        FloatVector s2 = FloatVector.zero(F16);
        FloatVector s3 = FloatVector.zero(F16);
        long alive = -1L;
        int stop = 16;
        int limits = mb + BLOCK;
        for (int j = 0; j < D; j += 4) {
            int o = base + j * BLOCK;
            s0 = codes7(codes, o).fma(FloatVector.broadcast(F16, q[j]), s0);
            s1 = codes7(codes, o + BLOCK).fma(FloatVector.broadcast(F16, q[j + 1]), s1);
            s2 = codes7(codes, o + 2 * BLOCK).fma(FloatVector.broadcast(F16, q[j + 2]), s2);
            s3 = codes7(codes, o + 3 * BLOCK).fma(FloatVector.broadcast(F16, q[j + 3]), s3);
            if (j + 4 == stop) {
                FloatVector a = s0.add(s2).add(s1.add(s3)).mul(FloatVector.fromArray(F16, meta, mb));
                FloatVector x = FloatVector.broadcast(F16, norms[stop >> 5]).sub(a.mul(2f));
                alive &= x.compare(VectorOperators.LT, FloatVector.fromArray(F16, meta, limits)).toLong();
                if (alive == 0) {
                    return 0;
                }
                stop *= 2;
                limits += BLOCK;
            }
        }
        return alive;
    }

    /** 16 codes in [0, 127] as floats: one sign-extending conversion (the same values as a zero extension). */
    private static FloatVector codes7(byte[] codes, int o) {
        return (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(VectorOperators.B2F, F16, 0);
    }

    private static FloatVector codes(byte[] codes, int o) {
        return (FloatVector) ByteVector.fromArray(B16, codes, o)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I16, 0)
                .convert(VectorOperators.I2F, 0);
    }
}
