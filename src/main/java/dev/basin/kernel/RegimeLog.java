package dev.basin.kernel;

import dev.basin.geometry.Regime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regimes each kernel passed through since its last checkpoint (kept in memory, bounded), handed to the
 * space-time linker when the next checkpoint is taken. Shared by the kernel services of one {@link Kernels}.
 */
public final class RegimeLog {
    /** Most samples kept per kernel between two checkpoints (older ones are dropped first). */
    public static final int MAX_SAMPLES = 10_000;

    private final Map<String, List<SpaceTimeLinker.RegimeSample>> samples = new ConcurrentHashMap<>();

    public void record(String kernelId, Instant at, Regime regime, double kappaEff) {
        List<SpaceTimeLinker.RegimeSample> l = samples.computeIfAbsent(kernelId, k -> new ArrayList<>());
        synchronized (l) {
            if (l.size() == MAX_SAMPLES) {
                l.remove(0);
            }
            l.add(new SpaceTimeLinker.RegimeSample(at, regime, kappaEff));
        }
    }

    /** The samples recorded for {@code kernelId} since the last drain, oldest first; clears them. */
    public List<SpaceTimeLinker.RegimeSample> drain(String kernelId) {
        List<SpaceTimeLinker.RegimeSample> l = samples.remove(kernelId);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return List.copyOf(l);
        }
    }
}
