package dev.basin.navigation;

import dev.basin.geometry.Basin;
import java.time.Instant;

/**
 * One step taken, as the kernel's emotions read it: sequence of the waypoint reached (the start is 1), where, the
 * Fisher–Rao distance still to the target, the curvature of the turn made at the previous waypoint (rad per unit
 * length, 0 on a straight geodesic), Φ at the new basin, the (simulated) time, and whether the step was on a detour.
 */
public record StepSample(int sequence, Basin basin, double distanceToTarget, double curvature, double phi, Instant at,
        boolean detour) {}
