package dev.basin.kernel;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.time.Instant;

/** Moves along the Fisher–Rao geodesic, never past the target, with no safety checks (tests, offline use). */
public final class GeodesicNavigator implements Navigator {
    @Override
    public Step step(String kernelId, Basin from, Basin target, double stepLength, Instant at) {
        return new Step(FisherRao.stepToward(from, target, stepLength), false, null);
    }
}
