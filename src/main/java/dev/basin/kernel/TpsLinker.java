package dev.basin.kernel;

import dev.basin.navigation.Landmark;
import dev.basin.navigation.RegimeObservation;
import dev.basin.navigation.TpsPathService;
import java.util.List;

/**
 * The production {@link SpaceTimeLinker}: stores a {@code tps_geodesic_paths} row through navigation's
 * {@link TpsPathService}. Regime samples outside [from.time, to.time] (e.g. simulated step times running ahead of the
 * checkpoint clock) are left out, as the path only describes the interval between the two landmarks.
 */
public final class TpsLinker implements SpaceTimeLinker {
    private final TpsPathService tps;

    public TpsLinker(TpsPathService tps) {
        this.tps = tps;
    }

    @Override
    public void link(String kernelId, Landmark from, Landmark to, List<RegimeSample> between) {
        List<RegimeObservation> obs = between.stream()
                .filter(s -> !s.time().isBefore(from.time()) && !s.time().isAfter(to.time()))
                .map(s -> new RegimeObservation(s.time(), s.regime(), s.kappaEff()))
                .toList();
        tps.link(kernelId, from, to, obs);
    }
}
