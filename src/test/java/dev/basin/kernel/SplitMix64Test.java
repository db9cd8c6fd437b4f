package dev.basin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void resumingFromTheStoredStateContinuesTheSameSequence() {
        SplitMix64 a = new SplitMix64(1234L);
        for (int i = 0; i < 17; i++) {
            a.nextLong();
        }
        SplitMix64 b = new SplitMix64(a.state());
        for (int i = 0; i < 100; i++) {
            assertThat(b.nextLong()).isEqualTo(a.nextLong());
        }
    }

    @Test
    void knownFirstOutputForSeedZero() {
        // Reference value of SplitMix64 from seed 0 (as in java.util.SplittableRandom's mix64 of the golden gamma).
        assertThat(new SplitMix64(0L).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    }

    @Test
    void doublesAreInUnitInterval() {
        SplitMix64 r = new SplitMix64(9);
        for (int i = 0; i < 10_000; i++) {
            assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }
}
