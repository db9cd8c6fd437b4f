package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nine emotion intensities, each in [0, 1], indexed by {@link Emotion#ordinal()}. The dominant emotion is the largest
 * (first in enum order on ties); the intensity is the Euclidean norm divided by 3 (= √9), so it lies in [0, 1].
 */
public record EmotionVector(double[] values) {
    public EmotionVector {
        if (values == null || values.length != Emotion.values().length) {
            throw new InvalidInputException("emotions", "must have 9 intensities");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
                throw new InvalidInputException("emotions." + Emotion.values()[i].sqlName(),
                        "must be in [0, 1], is " + values[i]);
            }
            values[i] += 0.0;
        }
    }

    /** All zero: a kernel that has not yet felt anything. */
    public static EmotionVector neutral() {
        return new EmotionVector(new double[9]);
    }

    public double get(Emotion e) {
        return values[e.ordinal()];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public Emotion dominant() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return Emotion.values()[best];
    }

    /** ‖v‖₂/3 ∈ [0, 1]. */
    public double intensity() {
        double s = 0.0;
        for (double v : values) {
            s += v * v;
        }
        return Math.min(1.0, Math.sqrt(s) / 3.0);
    }

    /** Largest |Δ| of any emotion against {@code other}. */
    public double maxShift(EmotionVector other) {
        double m = 0.0;
        for (int i = 0; i < values.length; i++) {
            m = Math.max(m, Math.abs(values[i] - other.values[i]));
        }
        return m;
    }

    /** The nine by name (the JSON of {@code emotional_vector} and {@code emotional_context}). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            m.put(e.sqlName(), values[e.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmotionVector v && java.util.Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
