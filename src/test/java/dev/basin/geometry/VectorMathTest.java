package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD loops and the plain loops give the same doubles bit for bit, and the tests run the SIMD ones. */
class VectorMathTest {
    @Test
    void theTestsRunWithTheVectorApi() {
        assertThat(VectorMath.SIMD).as("surefire passes --add-modules jdk.incubator.vector").isTrue();
    }

    @Test
    void simdAndPlainLoopsAgreeBitForBitAndAreSymmetric() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = new double[64 * 3];
        double[] b = new double[64 * 2];
        for (int n = 0; n < 2000; n++) {
            Basin p = n % 5 == 0 ? TestBasins.nearBoundary(rng) : TestBasins.dirichlet(rng, n % 2 == 0 ? 0.1 : 1.0);
            Basin q = n % 7 == 0 ? TestBasins.perturb(rng, p, 1e-9) : TestBasins.dirichlet(rng, 1.0);
            p.copySqrtTo(a, 64 * (n % 3));
            q.copySqrtTo(b, 64 * (n % 2));
            int ao = 64 * (n % 3);
            int bo = 64 * (n % 2);
            double dot = VectorMath.dot(a, ao, b, bo);
            double sq = VectorMath.squaredDistance(a, ao, b, bo);
            assertThat(Double.doubleToRawLongBits(dot)).isEqualTo(Double.doubleToRawLongBits(VectorMath.dotScalar(a, ao, b, bo)));
            assertThat(Double.doubleToRawLongBits(sq))
                    .isEqualTo(Double.doubleToRawLongBits(VectorMath.squaredDistanceScalar(a, ao, b, bo)));
            assertThat(VectorMath.squaredDistance(b, bo, a, ao)).isEqualTo(sq);
            assertThat(VectorMath.dot(b, bo, a, ao)).isEqualTo(dot);
            assertThat(VectorMath.squaredDistance(a, ao, a, ao)).isZero();
        }
    }
}
