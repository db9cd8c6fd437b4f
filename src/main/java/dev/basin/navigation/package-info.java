/**
 * Navigation: Fisher–Rao geodesic paths kept for reuse ({@code geodesic_paths}), the ocean agent that moves a kernel
 * step by step toward a target under the safety check ({@code ocean_trajectories}, {@code ocean_waypoints}), and
 * space-time geodesics between a kernel's landmarks ({@code tps_geodesic_paths}).
 *
 * <p>May import {@code dev.basin.geometry}, {@code dev.basin.store} and {@code dev.basin.safety} only.
 */
package dev.basin.navigation;
