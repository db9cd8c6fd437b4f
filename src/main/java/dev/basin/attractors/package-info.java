/**
 * Attractors of a kernel's learned potential: the potential over memory wells and its analytic Riemannian gradient,
 * gradient-descent attractor finding with classification by the Riemannian Hessian, Monte Carlo basin volumes, the
 * exact nearest-attractor index, and persistence of {@code learned_manifold_attractors}.
 *
 * <p>May import {@code geometry}, {@code store}, {@code safety} and {@code navigation}; nothing above.
 */
package dev.basin.attractors;
