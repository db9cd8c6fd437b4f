package dev.basin.kernel;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationRequest;
import dev.basin.navigation.NavigationResult;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.StepObserver;
import dev.basin.navigation.TrajectoryStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A single {@link Navigator} step through the ocean agent: a one-step {@code exploration} trajectory whose step is
 * safety-checked (and detoured or blocked) and recorded with its waypoints. The agent's step length
 * base_step·κ_eff/κ* is made equal to the requested length by passing base_step = length and κ_eff = κ*.
 */
public final class OceanNavigator implements Navigator {
    private final OceanAgent ocean;

    public OceanNavigator(OceanAgent ocean) {
        this.ocean = ocean;
    }

    @Override
    public Step step(String kernelId, Basin from, Basin target, double stepLength, Instant at) {
        if (stepLength == 0.0 || from.equals(target)) {
            return new Step(from, false, null);
        }
        NavigationResult r = ocean.navigate(new NavigationRequest(kernelId, from, target, MovementReason.EXPLORATION,
                Coupling.KAPPA_STAR, stepLength, 1, Duration.ofSeconds(1)), StepObserver.NONE);
        boolean blocked = r.status() == TrajectoryStatus.BLOCKED;
        return new Step(r.finalBasin(), blocked, blocked ? String.join(", ", r.blockedIds()) : null);
    }
}
