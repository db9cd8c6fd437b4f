package dev.basin.attractors;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The spectrum of the Riemannian Hessian of a potential at a point: its 63 eigenvalues ascending and, when asked for,
 * the unit eigenvectors as ambient tangent vectors (64 √-chart components each, orthogonal to the point). The
 * symmetric eigen decomposition is EJML's (Householder tridiagonalisation, then implicit symmetric QR); the Hessian
 * is {@link Potential#hessian}'s (analytic) in the {@link TangentBasis} at the point. Ties in the eigenvalues keep EJML's order,
 * so the result is a function of the matrix alone.
 */
record HessianSpectrum(double[] values, double[][] vectors) {

    /** Eigenvalues only: classification needs no eigenvectors (cheaper: no accumulated rotations). */
    static HessianSpectrum valuesAt(Potential u, double[] s) {
        return decompose(u.hessian(s, TangentBasis.at(s)), null);
    }

    /** Eigenvalues and ambient eigenvectors (for a Newton step). */
    static HessianSpectrum at(Potential u, double[] s) {
        double[][] basis = TangentBasis.at(s);
        return decompose(u.hessian(s, basis), basis);
    }

    /**
     * Decomposes the symmetric {@code h} (n×n, in the coordinates of {@code basis}); with {@code basis} null only the
     * eigenvalues are computed and {@code vectors} is null.
     */
    static HessianSpectrum decompose(double[][] h, double[][] basis) {
        int n = h.length;
        boolean withVectors = basis != null;
        DMatrixRMaj m = new DMatrixRMaj(h);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(m)) {
            throw new ArithmeticException("the symmetric eigen decomposition of a " + n + "×" + n
                    + " Hessian did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).real;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
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
        return new HessianSpectrum(values, vectors);
    }
}
