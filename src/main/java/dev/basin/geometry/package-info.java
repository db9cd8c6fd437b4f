/**
 * Fisher–Rao geometry of the probability simplex Δ⁶³: pure mathematics, no I/O, and no dependencies beyond the JDK.
 * Every other package may import this one; it imports none of them.
 *
 * <p>Conventions used throughout:
 * <ul>
 *   <li>A {@link dev.basin.geometry.Basin} p is 64 non-negative doubles summing to 1; its square-root coordinates
 *       s = √p are a unit vector in the positive orthant of the sphere S⁶³.</li>
 *   <li>The Fisher–Rao distance is d(p,q) = 2·arccos(BC(p,q)) ∈ [0, π], with BC = Σ√(pᵢqᵢ) = ⟨s,t⟩ the Bhattacharyya
 *       coefficient. The previous system used arccos(BC), half of this; thresholds carried over from it must be
 *       doubled.</li>
 *   <li>θ denotes the angle between s and t on the unit sphere, so d = 2θ. It is computed in the stable form
 *       θ = 2·asin(‖s − t‖/2), never as arccos(BC), which loses all precision below about 1e-8.</li>
 *   <li>Tangent vectors ({@link dev.basin.geometry.Tangent}) live in the √-chart, are orthogonal to s, and their
 *       Euclidean norm is the Fisher–Rao length they represent.</li>
 * </ul>
 * Bad input raises {@link dev.basin.geometry.InvalidInputException} naming the field and the rule. The caller-facing
 * failures of every layer live here, at the bottom, so that each has one type: {@link
 * dev.basin.geometry.InvalidInputException} (a value breaks a rule), {@link dev.basin.geometry.UnknownIdException} (an
 * id names nothing) and {@link dev.basin.geometry.ConflictException} (the request conflicts with stored state). The
 * store adds its own ({@code StoreUnavailableException}, {@code CommitOutcomeUnknownException}); the REST API maps
 * each type, never a message, to one status.
 */
package dev.basin.geometry;
