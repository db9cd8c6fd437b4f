/**
 * Ethics and safety: forbidden balls on the simplex ({@code geometric_barriers}), an agent's own no-go regions
 * ({@code ocean_excluded_regions}), time-windowed exclusions ({@code era_exclusions}), the ethics monitor that turns a
 * kernel's history into barriers, and the in-memory safety check that every navigation step consults.
 *
 * <p>May import {@code dev.basin.geometry} and {@code dev.basin.store} only.
 */
package dev.basin.safety;
