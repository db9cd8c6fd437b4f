package dev.basin.attractors;

/**
 * Test oracle for {@link Potential#hessian}: the Riemannian Hessian of the potential at a point, in an orthonormal
 * basis {bᵢ} of the 63-dim tangent space, by central finite differences of the analytic gradient: Hᵢⱼ = ⟨bᵢ, P_s(g(exp_s(h·bⱼ)) − g(exp_s(−h·bⱼ)))⟩/(2h),
 * symmetrised. P_s projects onto T_s; for the sphere embedded in ℝ⁶⁴ the tangential projection of the ambient
 * derivative is the Levi-Civita derivative, so this is the Riemannian Hessian to O(h²).
 */
final class FiniteDifferenceHessian {
    /** Default finite-difference step (Fisher–Rao length). */
    static final double STEP = 1e-5;

    private FiniteDifferenceHessian() {}

    static double[][] at(Potential u, double[] s, double[][] basis) {
        int n = basis.length;
        double[][] h = new double[n][n];
        double[] plus = new double[Sphere.DIM];
        double[] minus = new double[Sphere.DIM];
        double[] gp = new double[Sphere.DIM];
        double[] gm = new double[Sphere.DIM];
        double[] scratch = new double[Sphere.DIM];
        double[] v = new double[Sphere.DIM];
        for (int j = 0; j < n; j++) {
            double step = STEP;
            while (true) {
                for (int i = 0; i < Sphere.DIM; i++) {
                    v[i] = step * basis[j][i];
                }
                boolean ok = Sphere.exp(s, v, plus);
                for (int i = 0; i < Sphere.DIM; i++) {
                    v[i] = -v[i];
                }
                ok &= Sphere.exp(s, v, minus);
                if (ok || step < 1e-12) {
                    break;
                }
                step /= 2.0;
            }
            u.gradient(plus, gp, scratch);
            u.gradient(minus, gm, scratch);
            for (int i = 0; i < Sphere.DIM; i++) {
                gp[i] -= gm[i];
            }
            Sphere.project(s, gp);
            for (int i = 0; i < n; i++) {
                h[i][j] = Sphere.dot(basis[i], gp) / (2.0 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double m = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        return h;
    }
}
