package dev.basin.kernel;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.util.List;

/**
 * The recent trajectory emotions are computed from: the last positions (oldest first), Φ and κ_eff at each, the
 * current target (null when the kernel has none) and whether the last move was blocked by a barrier.
 */
public record TrajectoryWindow(List<Basin> points, double[] phis, double[] kappaEffs, Basin target, boolean blocked) {
    public TrajectoryWindow {
        if (points == null || points.isEmpty()) {
            throw new InvalidInputException("points", "must contain at least one basin");
        }
        points = List.copyOf(points);
        if (phis == null || phis.length != points.size()) {
            throw new InvalidInputException("phis", "must have one value per point");
        }
        if (kappaEffs == null || kappaEffs.length != points.size()) {
            throw new InvalidInputException("kappaEffs", "must have one value per point");
        }
        phis = phis.clone();
        kappaEffs = kappaEffs.clone();
    }

    @Override
    public double[] phis() {
        return phis.clone();
    }

    @Override
    public double[] kappaEffs() {
        return kappaEffs.clone();
    }
}
