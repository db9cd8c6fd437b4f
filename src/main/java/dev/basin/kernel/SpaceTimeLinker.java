package dev.basin.kernel;

import dev.basin.navigation.Landmark;
import dev.basin.geometry.Regime;
import java.time.Instant;
import java.util.List;

/**
 * Links two successive checkpoints of a kernel by a space-time geodesic ({@code tps_geodesic_paths}, owned by
 * navigation). Called after each new checkpoint commits, with the regimes the kernel passed through between them.
 */
public interface SpaceTimeLinker {
    /** The regime of the kernel at a moment between two landmarks. */
    record RegimeSample(Instant time, Regime regime, double kappaEff) {}

    void link(String kernelId, Landmark from, Landmark to, List<RegimeSample> between);

    /** Links nothing (for callers that do not record space-time paths). */
    SpaceTimeLinker NONE = (kernelId, from, to, between) -> {};
}
