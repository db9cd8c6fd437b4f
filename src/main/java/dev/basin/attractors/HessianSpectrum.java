package dev.basin.attractors;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;

/**
 * The spectrum of the Riemannian Hessian of a potential at a point: its 63 eigenvalues ascending, and the eigenpairs
 * a Newton step needs. The symmetric eigen decompositions are EJML's (Householder tridiagonalisation, then implicit
 * symmetric QR) of {@link Potential#hessian} (analytic).
 *
 * <p>H = (Σⱼcⱼ)·I + Σⱼ kⱼ·uⱼ⊗uⱼ acts as the multiple Σⱼcⱼ of the identity on every tangent direction orthogonal to the
 * directions uⱼ toward the W wells, and maps the span of the uⱼ into itself. With W &lt; 63 the Hessian is
 * therefore decomposed on W orthonormal tangent vectors whose span contains every uⱼ (see {@link #invariantBasis});
 * that span is invariant too, and its W eigenpairs, plus the eigenvalue Σⱼcⱼ with multiplicity 63 − W on the rest,
 * are the spectrum of the full 63×63 Hessian (a W×W instead of a 63×63 decomposition). Otherwise the full Hessian in the {@link TangentBasis} is decomposed. Ties keep EJML's order, so
 * the result is a function of the point and the potential alone.
 *
 * @param values all 63 eigenvalues, ascending
 * @param pairValues eigenvalues of the decomposed part, ascending (null if only {@code values} were asked for)
 * @param pairVectors their unit eigenvectors as ambient tangent vectors (64 √-chart components, orthogonal to s)
 * @param complement the eigenvalue on the orthogonal complement of {@code span} (unused when {@code span} is null)
 * @param span orthonormal rows spanning the decomposed subspace, or null when it is the whole tangent space
 */
record HessianSpectrum(double[] values, double[] pairValues, double[][] pairVectors, double complement,
        double[][] span) {

    /** Eigenvalues only: classification needs no eigenvectors (cheaper: no accumulated rotations). */
    static HessianSpectrum valuesAt(Potential u, double[] s) {
        return of(u, s, false);
    }

    /** Eigenvalues and eigenvectors (for a Newton step). */
    static HessianSpectrum at(Potential u, double[] s) {
        return of(u, s, true);
    }

    private static HessianSpectrum of(Potential u, double[] s, boolean withVectors) {
        double[][] dirs = u.wellDirections(s);
        int n = Sphere.DIM - 1;
        if (dirs.length >= n) {
            double[][] basis = TangentBasis.at(s);
            Decomposed d = decompose(u.hessian(s, basis), basis, withVectors);
            return new HessianSpectrum(d.values, withVectors ? d.values : null, d.vectors, 0.0, null);
        }
        double[][] q = invariantBasis(s, dirs);
        Decomposed d = decompose(u.hessian(s, q), q, withVectors);
        double iso = u.isotropicCurvature(s);
        double[] all = Arrays.copyOf(d.values, n);
        Arrays.fill(all, d.values.length, n, iso);
        Arrays.sort(all);
        return new HessianSpectrum(all, withVectors ? d.values : null, d.vectors, iso, q);
    }

    /**
     * The pseudo-inverse Newton step −H⁺g for the tangent gradient g at s, into {@code out} (tangent at s): eigenvalues of
     * magnitude below {@code singular} are skipped. Uses the decomposed eigenpairs and, on the complement of their
     * span, the complement eigenvalue.
     */
    void newtonStep(double[] s, double[] g, double singular, double[] out) {
        Arrays.fill(out, 0.0);
        for (int k = 0; k < pairValues.length; k++) {
            double lambda = pairValues[k];
            if (Math.abs(lambda) < singular) {
                continue;
            }
            double[] e = pairVectors[k];
            double coef = -Sphere.dot(e, g) / lambda;
            for (int d = 0; d < Sphere.DIM; d++) {
                out[d] += coef * e[d];
            }
        }
        if (span != null && Math.abs(complement) >= singular) {
            double[] rest = g.clone();
            for (double[] q : span) {
                double a = Sphere.dot(q, g);
                for (int d = 0; d < Sphere.DIM; d++) {
                    rest[d] -= a * q[d];
                }
            }
            Sphere.project(s, rest);
            for (int d = 0; d < Sphere.DIM; d++) {
                out[d] -= rest[d] / complement;
            }
        }
        Sphere.project(s, out);
    }

    /**
     * W = dirs.length orthonormal tangent rows whose span contains every row of {@code dirs} (tangent at s). The
     * directions are written in the {@link TangentBasis} B at s (C = B·[u₁ … u_W], 63×W) and factored by EJML's
     * Householder QR with column pivoting; the W columns of its Q are orthonormal and span a space containing the
     * columns of C also when directions coincide (two wells at one basin) or are opposite (s between two wells), and
     * mapped back through B they are tangent at s by construction.
     */
    static double[][] invariantBasis(double[] s, double[][] dirs) {
        int m = dirs.length;
        int n = Sphere.DIM - 1;
        DMatrixRMaj c = new DMatrixRMaj(n, m);
        for (int j = 0; j < m; j++) {
            double[] x = TangentBasis.coordinates(s, dirs[j]);
            for (int i = 0; i < n; i++) {
                c.set(i, j, x[i]);
            }
        }
        QRPDecomposition_F64<DMatrixRMaj> qr = DecompositionFactory_DDRM.qrp(n, m);
        if (!qr.decompose(c)) {
            throw new ArithmeticException("the QR decomposition of " + m + " well directions failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        double[][] out = new double[m][];
        double[] col = new double[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = q.get(i, j);
            }
            out[j] = TangentBasis.vector(s, col);
        }
        return out;
    }

    private record Decomposed(double[] values, double[][] vectors) {}

    /**
     * Decomposes the symmetric {@code h} (n×n, in the coordinates of the orthonormal rows {@code basis}); eigenvalues
     * ascending, and with {@code withVectors} the eigenvectors as ambient vectors Σᵢ yᵢ·basisᵢ.
     */
    private static Decomposed decompose(double[][] h, double[][] basis, boolean withVectors) {
        int n = h.length;
        if (n == 0) {
            return new Decomposed(new double[0], new double[0][]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(new DMatrixRMaj(h))) {
            throw new ArithmeticException("the symmetric eigen decomposition of a " + n + "×" + n
                    + " Hessian did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
        double[] values = new double[n];
        double[][] vectors = withVectors ? new double[n][] : null;
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            if (withVectors) {
                DMatrixRMaj v = eig.getEigenVector(order[k]);
                double[] e = new double[Sphere.DIM];
                for (int i = 0; i < n; i++) {
                    double c = v.get(i, 0);
                    double[] b = basis[i];
                    for (int d = 0; d < Sphere.DIM; d++) {
                        e[d] += c * b[d];
                    }
                }
                vectors[k] = e;
            }
        }
        return new Decomposed(values, vectors);
    }
}
