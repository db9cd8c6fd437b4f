package dev.basin.session.rules;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.util.List;

/**
 * The importance a kernel gives a memory fragment, from measured quantities only (no random draw). Each available term
 * lies in [0, 1] and the importance is their mean:
 * <ul>
 *   <li>novelty = d_FR(basin, nearest fragment the kernel stored) / (π/2), 1 when it has stored none;</li>
 *   <li>change = |ΔΦ| / (|ΔΦ| + {@value #PHI_SCALE}), the Φ change the fragment records (saturating);</li>
 *   <li>relevance = 1 − d_FR(query, hit) / (π/2), for fragments that answer a query.</li>
 * </ul>
 * Recency is 1 for every fragment at the moment it is written; its decay belongs to recall, not to this value.
 */
public record Importance(double novelty, double change, double relevance, double value) {

    /** |ΔΦ| at which the change term is one half. */
    public static final double PHI_SCALE = 0.05;
    private static final double D_MAX = Math.PI / 2;

    /** Novelty of {@code basin} against the basins the kernel has stored. */
    public static double novelty(Basin basin, List<Basin> stored) {
        double nearest = D_MAX;
        for (Basin s : stored) {
            nearest = Math.min(nearest, FisherRao.distance(basin, s));
        }
        return nearest / D_MAX;
    }

    /** Importance of a fragment recording a Φ change (no query). */
    public static Importance ofChange(Basin basin, List<Basin> stored, double dPhi) {
        double n = novelty(basin, stored);
        double c = change(dPhi);
        return new Importance(n, c, Double.NaN, (n + c) / 2.0);
    }

    /** Importance of a fragment answering a query at Fisher–Rao distance {@code queryDistance}. */
    public static Importance ofQuery(Basin basin, List<Basin> stored, double queryDistance) {
        double n = novelty(basin, stored);
        double r = Math.max(0.0, 1.0 - queryDistance / D_MAX);
        return new Importance(n, Double.NaN, r, (n + r) / 2.0);
    }

    public static double change(double dPhi) {
        if (!Double.isFinite(dPhi)) {
            throw new IllegalArgumentException("dPhi must be finite, was " + dPhi);
        }
        double a = Math.abs(dPhi);
        return a / (a + PHI_SCALE);
    }
}
