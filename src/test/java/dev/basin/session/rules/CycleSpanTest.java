package dev.basin.session.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Windows of n cycles follow the measured span of a cycle, not a fixed one. */
class CycleSpanTest {
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void theFirstCycleMeasuresItselfSoFarThenTheMeanOfTheCompletedCycles() {
        CycleSpan span = new CycleSpan(STEP);
        span.begin(T0);
        assertThat(span.at(T0)).isEqualTo(STEP);
        assertThat(span.at(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        span.end(T0.plusSeconds(300));
        span.begin(T0.plusSeconds(300));
        assertThat(span.at(T0.plusSeconds(301))).isEqualTo(Duration.ofSeconds(300));
        span.end(T0.plusSeconds(800));
        assertThat(span.at(T0.plusSeconds(800))).isEqualTo(Duration.ofSeconds(400));
        assertThat(span.after(T0.plusSeconds(800), 2)).isEqualTo(T0.plusSeconds(1600));
    }
}
