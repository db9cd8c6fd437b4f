package dev.basin.attractors;

/**
 * An orthonormal basis of the 63-dimensional tangent space T_s = s⊥ (√-chart), from the Householder reflection
 * H = I − uuᵀ/(1 + s_k) with u = s + e_k (k = argmax sᵢ): the columns H e_j, j ≠ k, are orthonormal and orthogonal to s.
 */
final class TangentBasis {
    private TangentBasis() {}

    /** 63 rows, each a unit tangent vector of 64 components. */
    static double[][] at(double[] s) {
        int n = s.length;
        int k = 0;
        for (int i = 1; i < n; i++) {
            if (s[i] > s[k]) {
                k = i;
            }
        }
        double[] u = s.clone();
        u[k] += 1.0;
        double denom = 1.0 + s[k];
        double[][] basis = new double[n - 1][];
        int row = 0;
        for (int j = 0; j < n; j++) {
            if (j == k) {
                continue;
            }
            double[] b = new double[n];
            double f = u[j] / denom;
            for (int i = 0; i < n; i++) {
                b[i] = (i == j ? 1.0 : 0.0) - f * u[i];
            }
            basis[row++] = b;
        }
        return basis;
    }
}
