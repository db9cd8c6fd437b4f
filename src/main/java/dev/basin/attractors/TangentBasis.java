package dev.basin.attractors;

/**
 * An orthonormal basis of the 63-dimensional tangent space T_s = s⊥ (√-chart), from the Householder reflection
 * H = I − uuᵀ/(1 + s_k) with u = s + e_k (k = argmax sᵢ): the columns H e_j, j ≠ k, are orthonormal and orthogonal to s.
 */
final class TangentBasis {
    private TangentBasis() {}

    /** The index k = argmax sᵢ of the reflection (first of equal maxima), as in {@link #at}. */
    static int pivot(double[] s) {
        int k = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[k]) {
                k = i;
            }
        }
        return k;
    }

    /** The 63 coordinates ⟨b_j, x⟩ (j ≠ k, in order) of x in the basis {@link #at}(s), in O(64): x_j − u_j·⟨u,x⟩/(1 + s_k). */
    static double[] coordinates(double[] s, double[] x) {
        int k = pivot(s);
        double denom = 1.0 + s[k];
        double ux = Sphere.dot(s, x) + x[k];
        double[] c = new double[s.length - 1];
        int row = 0;
        for (int j = 0; j < s.length; j++) {
            if (j != k) {
                c[row++] = x[j] - s[j] * ux / denom;
            }
        }
        return c;
    }

    /** The vector Σ_j c_j·b_j (64 components) for coordinates c in the basis {@link #at}(s), in O(64). */
    static double[] vector(double[] s, double[] c) {
        int k = pivot(s);
        double denom = 1.0 + s[k];
        double[] x = new double[s.length];
        double uc = 0.0;
        int row = 0;
        for (int j = 0; j < s.length; j++) {
            if (j != k) {
                x[j] = c[row];
                uc += s[j] * c[row];
                row++;
            }
        }
        double f = uc / denom;
        for (int i = 0; i < s.length; i++) {
            x[i] -= f * (s[i] + (i == k ? 1.0 : 0.0));
        }
        return x;
    }

    /** 63 rows, each a unit tangent vector of 64 components. */
    static double[][] at(double[] s) {
        int n = s.length;
        int k = pivot(s);
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
