package dev.basin.attractors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttractorFinderTest {
    static final double CENTRE_TOLERANCE = 1e-3;
    static final double GRADIENT_TOLERANCE = 1e-8;
    static final double GRADIENT_FD_AGREEMENT = 1e-6;
    /** Nearly every sample of the landscape's measure flows to one of the wells. */
    static final double MIN_TOTAL_VOLUME = 0.9;

    private final AttractorFinder finder = new AttractorFinder(FinderConfig.defaults().withVolumeSamples(300));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void kWellSeparatedWellsGiveExactlyKStableAttractorsAtTheirCentres(int k) {
        List<Well> wells = TestWells.wells(k);
        List<FoundAttractor> found = finder.findMinima(new Potential(wells), 42L);

        assertThat(found).hasSize(k);
        for (Well w : wells) {
            double nearest = found.stream().mapToDouble(a -> Sphere.distance(Sphere.sqrt(a.basin()),
                    Sphere.sqrt(w.basin()))).min().orElseThrow();
            assertThat(nearest).isLessThan(CENTRE_TOLERANCE);
        }
        for (FoundAttractor a : found) {
            assertThat(a.type()).isEqualTo(AttractorType.STABLE);
            assertThat(a.gradientNorm()).isLessThan(GRADIENT_TOLERANCE);
            assertThat(a.stabilityMetric()).isPositive();
            assertThat(a.volume().fraction()).isBetween(0.0, 1.0);
            assertThat(a.volume().low()).isLessThanOrEqualTo(a.volume().fraction());
            assertThat(a.volume().high()).isGreaterThanOrEqualTo(a.volume().fraction());
        }
        double total = found.stream().mapToDouble(a -> a.volume().fraction()).sum();
        assertThat(total).isLessThanOrEqualTo(1.0).isGreaterThan(MIN_TOTAL_VOLUME);
    }

    @Test
    void farApartWellsShareTheVolumeByTheirWeights() {
        List<Well> wells = List.of(new Well(TestWells.peak(3, 0.5), 1.0), new Well(TestWells.peak(40, 0.5), 3.0));
        List<FoundAttractor> found = finder.findMinima(new Potential(wells), 11L);

        assertThat(found).hasSize(2);
        for (FoundAttractor a : found) {
            Well home = Sphere.distance(Sphere.sqrt(a.basin()), Sphere.sqrt(wells.get(0).basin())) < CENTRE_TOLERANCE
                    ? wells.get(0) : wells.get(1);
            double share = home.weight() / 4.0;
            assertThat(a.volume().samples()).isEqualTo(300);
            assertThat(share).isBetween(a.volume().low(), a.volume().high());
        }
    }

    @Test
    void morestartsThanWellsStillGiveOnlyTheRealAttractors() {
        AttractorFinder many = new AttractorFinder(FinderConfig.defaults().withRandomStarts(64).withVolumeSamples(0));
        assertThat(many.findMinima(new Potential(TestWells.wells(2)), 7L)).hasSize(2);
    }

    @Test
    void pointBetweenTwoWellsIsASaddle() {
        List<Well> wells = List.of(new Well(TestWells.peak(3, 0.5), 1.0), new Well(TestWells.peak(40, 0.5), 1.0));
        Potential u = new Potential(wells);
        List<FoundAttractor> saddles = finder.findSaddles(u);
        assertThat(saddles).hasSize(1);
        FoundAttractor s = saddles.get(0);
        assertThat(s.type()).isEqualTo(AttractorType.SADDLE);
        assertThat(s.negativeEigenvalues()).isEqualTo(1);
        assertThat(s.gradientNorm()).isLessThan(GRADIENT_TOLERANCE);
        assertThat(s.method()).isEqualTo(DiscoveryMethod.REGION_SEARCH);
        double dA = Sphere.distance(Sphere.sqrt(s.basin()), Sphere.sqrt(wells.get(0).basin()));
        double dB = Sphere.distance(Sphere.sqrt(s.basin()), Sphere.sqrt(wells.get(1).basin()));
        assertThat(Math.abs(dA - dB)).isLessThan(CENTRE_TOLERANCE);
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        Potential u = new Potential(TestWells.wells(3));
        Basin p = TestWells.peak(5, 0.3);
        double[] s = Sphere.sqrt(p);
        double[] g = u.gradientComponents(p);
        double[][] basis = TangentBasis.at(s);
        double h = 1e-6;
        for (int j = 0; j < 5; j++) {
            double[] plus = new double[64];
            double[] minus = new double[64];
            double[] v = basis[j].clone();
            for (int i = 0; i < 64; i++) {
                v[i] *= h;
            }
            Sphere.exp(s, v, plus);
            for (int i = 0; i < 64; i++) {
                v[i] = -v[i];
            }
            Sphere.exp(s, v, minus);
            double fd = (u.value(plus) - u.value(minus)) / (2 * h);
            assertThat(Sphere.dot(basis[j], g)).isCloseTo(fd, org.assertj.core.data.Offset.offset(GRADIENT_FD_AGREEMENT));
        }
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new Potential(List.of(), 0.3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wells");
        assertThatThrownBy(() -> new Potential(TestWells.wells(1), -1)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new Well(Basin.uniform(), 0)).hasMessageContaining("well.weight");
    }
}
