package dev.basin.kernel;

import dev.basin.navigation.PhiSample;
import java.util.List;

/**
 * Φ and κ_eff of one kernel over time, oldest first: from its waypoints, emotion rows and checkpoints, or its current
 * state alone when it has none of those.
 */
public record PhiHistory(String kernelId, String name, List<PhiSample> samples) {
    public PhiHistory {
        samples = List.copyOf(samples);
    }
}
