package dev.basin.geometry;

/**
 * Coupling κ. κ is kernel state, not a function of the basin; this class holds the fixed point and the two formulas
 * that use it.
 * <ul>
 *   <li>κ_eff = κ·(1 + 0.2·NE)·(1 − 0.15·GABA), NE and GABA the kernel's neurotransmitter levels in [0, 1].</li>
 *   <li>Navigation step length = base_step·κ_eff/κ* (Fisher–Rao length, never past the target: see
 *       {@link FisherRao#stepToward(Basin, Basin, double)}).</li>
 * </ul>
 */
public final class Coupling {
    /** The reference fixed point κ*. */
    public static final double KAPPA_STAR = 64.21;

    private Coupling() {}

    /** κ_eff = κ·(1 + 0.2·NE)·(1 − 0.15·GABA); κ finite and ≥ 0, NE and GABA in [0, 1]. */
    public static double kappaEff(double kappa, double ne, double gaba) {
        if (!Double.isFinite(kappa) || kappa < 0.0) {
            throw new InvalidInputException("kappa", "must be finite and non-negative, is " + kappa);
        }
        checkLevel("ne", ne);
        checkLevel("gaba", gaba);
        return kappa * (1.0 + 0.2 * ne) * (1.0 - 0.15 * gaba);
    }

    /** base_step·κ_eff/κ*; both finite and ≥ 0. */
    public static double stepLength(double baseStep, double kappaEff) {
        if (!Double.isFinite(baseStep) || baseStep < 0.0) {
            throw new InvalidInputException("baseStep", "must be finite and non-negative, is " + baseStep);
        }
        if (!Double.isFinite(kappaEff) || kappaEff < 0.0) {
            throw new InvalidInputException("kappaEff", "must be finite and non-negative, is " + kappaEff);
        }
        return baseStep * kappaEff / KAPPA_STAR;
    }

    private static void checkLevel(String field, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new InvalidInputException(field, "must be in [0, 1], is " + v);
        }
    }
}
