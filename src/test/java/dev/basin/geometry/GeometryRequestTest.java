package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one validator of the geometry request shapes, at its limits. */
class GeometryRequestTest {
    private static final Basin U = Basin.uniform();

    @Test
    void stepsAreLimitedOnce() {
        assertThat(new GeometryRequest.Geodesic(U, U, GeometryRequest.MAX_STEPS).steps()).isEqualTo(10_000);
        assertThatThrownBy(() -> new GeometryRequest.Geodesic(U, U, 10_001)).isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be in [1, 10000], is 10001");
        assertThatThrownBy(() -> GeometryRequest.steps(Long.MAX_VALUE)).hasMessage("steps must be in [1, 10000], is "
                + Long.MAX_VALUE);
        assertThatThrownBy(() -> new GeometryRequest.Geodesic(U, null, 3)).hasMessage("to is missing");
    }

    @Test
    void meanPointsAndWeightsAreChecked() {
        assertThat(new GeometryRequest.Mean(Collections.nCopies(GeometryRequest.MAX_POINTS, U), null).points())
                .hasSize(10_000);
        assertThatThrownBy(() -> new GeometryRequest.Mean(Collections.nCopies(10_001, U), null))
                .hasMessage("points must have at most 10000 entries, has 10001");
        assertThatThrownBy(() -> new GeometryRequest.Mean(List.of(), null)).hasMessage("points must not be empty");
        assertThatThrownBy(() -> new GeometryRequest.Mean(List.of(U), new double[] {0.5, 0.5}))
                .hasMessage("weights must have one entry per point (1), has 2");
    }

    @Test
    void coordizeTextIsLimited() {
        assertThat(new GeometryRequest.Coordize("x".repeat(100_000)).text()).hasSize(100_000);
        assertThatThrownBy(() -> new GeometryRequest.Coordize("x".repeat(100_001)))
                .hasMessage("text must have at most 100000 characters, has 100001");
    }
}
