package dev.basin.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emotional mix of the latest {@code records} emotion rows of every kernel: the mean intensity of each of the nine
 * emotions, and how many of those rows each dominated (both keyed by the emotion's stored name, in enum order).
 */
public record EmotionMix(long records, Map<String, Double> mean, Map<String, Long> dominant) {
    public EmotionMix {
        mean = Collections.unmodifiableMap(new LinkedHashMap<>(mean));
        dominant = Collections.unmodifiableMap(new LinkedHashMap<>(dominant));
    }
}
