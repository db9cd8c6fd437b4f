package dev.basin.geometry;

import java.util.Locale;

/**
 * The one regime classifier, by effective coupling κ_eff: &lt; 40 linear, ≤ 70 geometric, &lt; 100 hierarchical, else
 * breakdown.
 */
public enum Regime {
    LINEAR,
    GEOMETRIC,
    HIERARCHICAL,
    BREAKDOWN;

    /** Classifies a finite κ_eff. */
    public static Regime of(double kappaEff) {
        if (Double.isNaN(kappaEff)) {
            throw new InvalidInputException("kappaEff", "is not a number");
        }
        if (kappaEff < 40.0) {
            return LINEAR;
        }
        if (kappaEff <= 70.0) {
            return GEOMETRIC;
        }
        if (kappaEff < 100.0) {
            return HIERARCHICAL;
        }
        return BREAKDOWN;
    }

    /** The name stored in SQL columns: "linear", "geometric", "hierarchical", "breakdown". */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
