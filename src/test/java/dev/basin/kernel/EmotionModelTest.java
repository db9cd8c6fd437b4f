package dev.basin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EmotionModelTest {
    private static Emotion dominant(TrajectoryWindow w) {
        return EmotionModel.read(w).emotions().dominant();
    }

    @Test
    void approachingWithRisingPhiIsJoyOrAnticipation() {
        assertThat(dominant(Trajectories.approachRising())).isIn(Emotion.JOY, Emotion.ANTICIPATION);
    }

    @Test
    void retreatWithHighCurvatureAndLowStabilityIsFear() {
        assertThat(dominant(Trajectories.retreatErratic())).isEqualTo(Emotion.FEAR);
    }

    @Test
    void suddenCurvatureSpikeIsSurprise() {
        assertThat(dominant(Trajectories.suddenTurn())).isEqualTo(Emotion.SURPRISE);
    }

    @Test
    void blockedIsAngerOrFear() {
        assertThat(dominant(Trajectories.blocked(true))).isIn(Emotion.ANGER, Emotion.FEAR);
        assertThat(dominant(Trajectories.blocked(false))).isIn(Emotion.ANGER, Emotion.FEAR);
    }

    @Test
    void stillAndStableIsTrust() {
        assertThat(dominant(Trajectories.still())).isEqualTo(Emotion.TRUST);
    }

    @Test
    void erraticWithoutProgressIsConfusion() {
        assertThat(dominant(Trajectories.erraticNoProgress())).isEqualTo(Emotion.CONFUSION);
    }

    @Test
    void everyOneOfTheNineCanDominate() {
        Map<Emotion, Supplier<TrajectoryWindow>> crafted = new EnumMap<>(Emotion.class);
        crafted.put(Emotion.JOY, Trajectories::approachRising);
        crafted.put(Emotion.ANTICIPATION, Trajectories::approachFlat);
        crafted.put(Emotion.SADNESS, Trajectories::fadingDrift);
        crafted.put(Emotion.FEAR, Trajectories::retreatErratic);
        crafted.put(Emotion.ANGER, () -> Trajectories.blocked(true));
        crafted.put(Emotion.SURPRISE, Trajectories::suddenTurn);
        crafted.put(Emotion.DISGUST, Trajectories::retreatSmooth);
        crafted.put(Emotion.CONFUSION, Trajectories::erraticNoProgress);
        crafted.put(Emotion.TRUST, Trajectories::still);
        assertThat(crafted).hasSize(9);
        crafted.forEach((e, w) -> assertThat(dominant(w.get())).as("crafted for %s", e).isEqualTo(e));
    }

    @Test
    void intensitiesAreInUnitIntervalAndIntensityIsTheScaledNorm() {
        EmotionVector v = EmotionModel.read(Trajectories.retreatErratic()).emotions();
        double s = 0;
        for (double x : v.values()) {
            assertThat(x).isBetween(0.0, 1.0);
            s += x * x;
        }
        assertThat(v.intensity()).isCloseTo(Math.sqrt(s) / 3, org.assertj.core.data.Offset.offset(1e-15));
    }
}
