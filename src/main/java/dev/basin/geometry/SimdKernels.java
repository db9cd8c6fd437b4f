package dev.basin.geometry;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
        DoubleVector acc = DoubleVector.zero(D8);
        for (int i = 0; i < D; i += 8) {
            acc = DoubleVector.fromArray(D8, a, ao + i).fma(DoubleVector.fromArray(D8, b, bo + i), acc);
        }
        return reduce(acc);
    }

    static double squaredDistance(double[] a, int ao, double[] b, int bo) {
        DoubleVector acc = DoubleVector.zero(D8);
        for (int i = 0; i < D; i += 8) {
            DoubleVector d = DoubleVector.fromArray(D8, a, ao + i).sub(DoubleVector.fromArray(D8, b, bo + i));
            acc = d.fma(d, acc);
        }
        return reduce(acc);
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

    private static FloatVector codes(byte[] codes, int o) {
        return (FloatVector) ByteVector.fromArray(B16, codes, o)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I16, 0)
                .convert(VectorOperators.I2F, 0);
    }
}
