package dev.basin.geometry;

/**
 * Integration Φ of a basin: the 64 entries read as the joint distribution of two 8-valued variables A, B with
 * pᵢ = P(A = a, B = b) for i = 8a + b. Φ = I(A;B) / ln 8 ∈ [0, 1], the mutual information between the halves,
 * normalised by its maximum. Uniform basin → 0; mass spread evenly on the diagonal → 1; a point mass → 0.
 * (The previous system's Φ was an entropy score on which the uniform basin scored highest.)
 *
 * <p>Computed as Σ pᵢ·(ln pᵢ − ln P(a) − ln P(b)) over pᵢ &gt; 0, with logarithms taken separately so products of tiny
 * marginals cannot underflow; the result is clamped to [0, 1] against rounding.
 */
public final class Integration {
    /** Size of each half. */
    public static final int SIDE = 8;
    private static final double LN_SIDE = Math.log(SIDE);

    private Integration() {}

    /** Φ(p) = I(A;B)/ln 8. */
    public static double phi(Basin basin) {
        double[] p = basin.p();
        double[] pa = new double[SIDE];
        double[] pb = new double[SIDE];
        double total = 0.0;
        for (int a = 0; a < SIDE; a++) {
            for (int b = 0; b < SIDE; b++) {
                double v = p[SIDE * a + b];
                pa[a] += v;
                pb[b] += v;
                total += v;
            }
        }
        double mi = 0.0;
        for (int a = 0; a < SIDE; a++) {
            for (int b = 0; b < SIDE; b++) {
                double v = p[SIDE * a + b];
                if (v > 0.0) {
                    mi += v * (Math.log(v) - Math.log(pa[a]) - Math.log(pb[b]) + Math.log(total));
                }
            }
        }
        return Math.min(1.0, Math.max(0.0, mi / total / LN_SIDE));
    }
}
