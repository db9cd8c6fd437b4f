package dev.basin;

import dev.basin.geometry.Basin;
import dev.basin.kernel.Navigator;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationRequest;
import dev.basin.navigation.NavigationResult;
import dev.basin.navigation.OceanAgent;
import dev.basin.navigation.StepSample;
import dev.basin.navigation.TrajectoryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel's production {@link Navigator}: moves go through the {@link OceanAgent}, so every step is safety-checked,
 * detoured or refused, and recorded as trajectories and waypoints.
 *
 * <p>Two ways to use it. A whole movement: {@link #travel} lets the ocean agent walk the trajectory, then queues its
 * steps so that the kernel's next {@code advance} calls take exactly those steps (one kernel state update, emotion
 * reading and thought per waypoint), ending with a step in place marked blocked when the trajectory was blocked. A
 * single step (nothing queued): one ocean trajectory of at most one step.
 */
public final class OceanNavigator implements Navigator {
    private final OceanAgent ocean;
    private final Map<String, Deque<Step>> queued = new ConcurrentHashMap<>();

    public OceanNavigator(OceanAgent ocean) {
        this.ocean = ocean;
    }

    /**
     * Walks {@code request} with the ocean agent and queues its steps for the kernel {@code request.agentId()}.
     * Returns the ocean agent's result; {@link #pending(String)} tells how many kernel steps remain to replay.
     */
    public NavigationResult travel(NavigationRequest request) {
        NavigationResult r = ocean.navigate(request, null);
        Deque<Step> steps = new ArrayDeque<>();
        for (StepSample s : r.samples()) {
            steps.addLast(new Step(s.basin(), false, null));
        }
        if (r.status() == TrajectoryStatus.BLOCKED) {
            steps.addLast(new Step(r.finalBasin(), true, String.join(",", r.blockedIds())));
        }
        queued.put(request.agentId(), steps);
        return r;
    }

    /** Kernel steps still queued for {@code kernelId}. */
    public int pending(String kernelId) {
        Deque<Step> q = queued.get(kernelId);
        return q == null ? 0 : q.size();
    }

    /** Drops whatever is still queued for {@code kernelId}. */
    public void clear(String kernelId) {
        queued.remove(kernelId);
    }

    @Override
    public Step step(String kernelId, Basin from, Basin target, double stepLength, Instant at) {
        Deque<Step> q = queued.get(kernelId);
        if (q != null && !q.isEmpty()) {
            Step s = q.pollFirst();
            if (q.isEmpty()) {
                queued.remove(kernelId);
            }
            return s;
        }
        double kappaEff = Math.max(1e-9, stepLength / NavigationRequest.DEFAULT_BASE_STEP * dev.basin.geometry.Coupling.KAPPA_STAR);
        NavigationResult r = ocean.navigate(new NavigationRequest(kernelId, from, target, MovementReason.EXPLORATION,
                kappaEff, NavigationRequest.DEFAULT_BASE_STEP, 1, Duration.ZERO), null);
        boolean blocked = r.status() == TrajectoryStatus.BLOCKED;
        return new Step(r.finalBasin(), blocked, blocked ? String.join(",", r.blockedIds()) : null);
    }

}
