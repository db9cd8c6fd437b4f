package dev.basin.attractors;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import java.util.List;

/**
 * The learned potential of a kernel, U(p) = −Σⱼ wⱼ·exp(−d(p,mⱼ)²/(2σ²)), over its memory wells mⱼ with weights wⱼ.
 *
 * <p>Its Riemannian gradient is analytic: grad d(p,m)² = −2·log_p(m), hence
 * grad U(p) = −Σⱼ (wⱼ/σ²)·exp(−d(p,mⱼ)²/(2σ²))·log_p(mⱼ), a tangent vector in the √-chart whose norm is a Fisher–Rao
 * rate. Immutable.
 */
public final class Potential {
    /** Default well width σ in Fisher–Rao units. */
    public static final double DEFAULT_SIGMA = 0.3;

    private final List<Well> wells;
    private final double sigma;
    private final double[][] centres;
    private final double[] weights;

    public Potential(List<Well> wells, double sigma) {
        if (wells == null || wells.isEmpty()) {
            throw new InvalidInputException("wells", "must contain at least one well");
        }
        if (!Double.isFinite(sigma) || sigma <= 0.0) {
            throw new InvalidInputException("sigma", "must be finite and > 0, is " + sigma);
        }
        for (int j = 0; j < wells.size(); j++) {
            requirePresent("wells[" + j + "]", wells.get(j));
        }
        this.wells = List.copyOf(wells);
        this.sigma = sigma;
        this.centres = new double[wells.size()][];
        this.weights = new double[wells.size()];
        for (int j = 0; j < wells.size(); j++) {
            centres[j] = Sphere.sqrt(wells.get(j).basin());
            weights[j] = wells.get(j).weight();
        }
    }

    public Potential(List<Well> wells) {
        this(wells, DEFAULT_SIGMA);
    }

    public List<Well> wells() {
        return wells;
    }

    public double sigma() {
        return sigma;
    }

    /** U(p). */
    public double value(Basin p) {
        requirePresent("basin", p);
        return value(Sphere.sqrt(p));
    }

    /** ‖grad U(p)‖, the Fisher–Rao norm of the analytic Riemannian gradient. */
    public double gradientNorm(Basin p) {
        requirePresent("basin", p);
        double[] g = new double[Sphere.DIM];
        gradient(Sphere.sqrt(p), g, new double[Sphere.DIM]);
        return Sphere.norm(g);
    }

    /** The analytic gradient at p as 64 √-chart components (tangent: orthogonal to √p). */
    public double[] gradientComponents(Basin p) {
        requirePresent("basin", p);
        double[] g = new double[Sphere.DIM];
        gradient(Sphere.sqrt(p), g, new double[Sphere.DIM]);
        return g;
    }

    double value(double[] s) {
        double u = 0.0;
        double twoSigma2 = 2.0 * sigma * sigma;
        for (int j = 0; j < centres.length; j++) {
            double d = Sphere.distance(s, centres[j]);
            u -= weights[j] * Math.exp(-d * d / twoSigma2);
        }
        return u;
    }

    /** Writes grad U(s) into {@code g} (overwritten) and returns U(s). */
    double gradient(double[] s, double[] g, double[] scratch) {
        java.util.Arrays.fill(g, 0.0);
        double u = 0.0;
        double sigma2 = sigma * sigma;
        for (int j = 0; j < centres.length; j++) {
            double[] m = centres[j];
            double theta = Sphere.angle(s, m);
            double d = 2.0 * theta;
            double e = weights[j] * Math.exp(-d * d / (2.0 * sigma2));
            u -= e;
            Sphere.addLog(s, m, theta, -e / sigma2, g, scratch);
        }
        return u;
    }

    /**
     * The Hessian's value on every tangent direction orthogonal to all directions uⱼ toward the wells: Σⱼ cⱼ. There the
     * rank-one terms vanish, so such a direction is an eigenvector with this eigenvalue.
     */
    double isotropicCurvature(double[] s) {
        double sigma2 = sigma * sigma;
        double iso = 0.0;
        for (int j = 0; j < centres.length; j++) {
            double theta = Sphere.angle(s, centres[j]);
            double d = 2.0 * theta;
            iso += isotropic(weights[j] * Math.exp(-d * d / (2.0 * sigma2)) / sigma2, theta);
        }
        return iso;
    }

    /** Unit tangent directions at s toward each well centre not at s (rows; fewer rows when s is a centre). */
    double[][] wellDirections(double[] s) {
        double[][] out = new double[centres.length][];
        int n = 0;
        for (double[] m : centres) {
            double theta = Sphere.angle(s, m);
            double[] dir = new double[Sphere.DIM];
            if (theta > 0.0 && Sphere.direction(s, m, theta, dir)) {
                out[n++] = dir;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** cⱼ = (wⱼEⱼ/σ²)·θⱼcot θⱼ from e = wⱼEⱼ/σ², with θcot θ → 1 at θ = 0. */
    private static double isotropic(double e, double theta) {
        return theta == 0.0 ? e : e * theta * Math.cos(theta) / Math.sin(theta);
    }

    /**
     * The Riemannian Hessian of U at s in the orthonormal tangent basis {@code basis} (rows), analytic. The √-chart
     * with the Fisher–Rao metric is the sphere of radius 2, where a function φ(d) of the distance to a point m has
     * Hess φ = φ″(d)·u⊗u + φ′(d)·½cot(d/2)·(I − u⊗u), u the unit tangent pointing away from m. For a well
     * φ(d) = −w·exp(−d²/(2σ²)): φ′ = (w/σ²)·d·E and φ″ = (w/σ²)(1 − d²/σ²)·E with E = exp(−d²/(2σ²)), so
     * H = Σⱼ cⱼ·I + Σⱼ (φⱼ″ − cⱼ)·uⱼ⊗uⱼ with cⱼ = (wⱼEⱼ/σ²)·θⱼcot θⱼ (θ = d/2 the sphere angle; θcot θ → 1 at a
     * centre, where the rank-one term vanishes). {@code basis} may also be an orthonormal basis of an invariant
     * subspace (see {@link HessianSpectrum}): the result is then the Hessian restricted to it.
     */
    double[][] hessian(double[] s, double[][] basis) {
        int n = basis.length;
        double[][] h = new double[n][n];
        double[] dir = new double[Sphere.DIM];
        double[] proj = new double[n];
        double sigma2 = sigma * sigma;
        double iso = 0.0;
        for (int j = 0; j < centres.length; j++) {
            double[] m = centres[j];
            double theta = Sphere.angle(s, m);
            double d = 2.0 * theta;
            double e = weights[j] * Math.exp(-d * d / (2.0 * sigma2)) / sigma2;
            double c = isotropic(e, theta);
            iso += c;
            if (theta == 0.0 || !Sphere.direction(s, m, theta, dir)) {
                continue;
            }
            double k = e * (1.0 - d * d / sigma2) - c;
            for (int a = 0; a < n; a++) {
                proj[a] = Sphere.dot(basis[a], dir);
            }
            for (int a = 0; a < n; a++) {
                double ka = k * proj[a];
                double[] row = h[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ka * proj[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            h[a][a] += iso;
            for (int b = 0; b < a; b++) {
                h[b][a] = h[a][b];
            }
        }
        return h;
    }
}
