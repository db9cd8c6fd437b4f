package dev.basin.attractors;

/**
 * Riemannian descent on the potential: gradient descent with Armijo backtracking, and Newton's method on the gradient
 * (for critical points of any index, used by the saddle search).
 */
final class GradientFlow {
    /** Armijo sufficient-decrease constant c₁ in U(exp(−αg)) ≤ U − c₁·α‖g‖². */
    static final double ARMIJO_C1 = 1e-4;
    /** Halvings before a line search gives up. */
    static final int MAX_HALVINGS = 60;

    /** Where a flow stopped. */
    record Result(double[] s, double value, double gradNorm, int iterations, boolean converged) {}

    /** Whether a flow at √-point s with potential value may stop early (its end is already decided). */
    interface Capture {
        Capture NEVER = (s, value) -> false;

        boolean captured(double[] s, double value);
    }

    private GradientFlow() {}

    /**
     * Gradient descent from {@code start} until ‖grad U‖ < {@code tolerance}. Step p ← exp_p(−α·g); the trial α starts
     * at twice the last accepted one (capped so the step is at most {@code maxStep} long) and halves until the Armijo
     * condition holds and the step stays in the simplex. When U no longer changes beyond rounding (|ΔU| ≤ 1e-15·|U|),
     * a trial is accepted if it reduces ‖g‖ instead, so the flow can reach gradient norms of 1e-8 and below.
     */
    static Result descend(Potential u, double[] start, double tolerance, int maxIterations, double maxStep) {
        return descend(u, start, tolerance, maxIterations, maxStep, Capture.NEVER);
    }

    /** {@link #descend} that also stops (converged) as soon as {@code capture} says the flow's end is decided. */
    static Result descend(Potential u, double[] start, double tolerance, int maxIterations, double maxStep,
            Capture capture) {
        double[] s = start.clone();
        double[] g = new double[Sphere.DIM];
        double[] gTrial = new double[Sphere.DIM];
        double[] trial = new double[Sphere.DIM];
        double[] v = new double[Sphere.DIM];
        double[] scratch = new double[Sphere.DIM];
        double value = u.gradient(s, g, scratch);
        double gn = Sphere.norm(g);
        double alpha = gn > 0 ? maxStep / gn : 0.0;
        int it = 0;
        boolean captured = capture.captured(s, value);
        while (!captured && gn >= tolerance && it < maxIterations) {
            it++;
            double a = Math.min(2.0 * alpha, maxStep / gn);
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS; h++, a /= 2.0) {
                for (int i = 0; i < Sphere.DIM; i++) {
                    v[i] = -a * g[i];
                }
                if (!Sphere.exp(s, v, trial)) {
                    continue;
                }
                double tv = u.gradient(trial, gTrial, scratch);
                double decrease = value - tv;
                boolean armijo = decrease >= ARMIJO_C1 * a * gn * gn;
                boolean flat = Math.abs(decrease) <= 1e-15 * Math.abs(value) + Double.MIN_NORMAL;
                double tgn = Sphere.norm(gTrial);
                if (armijo || (flat && tgn < gn)) {
                    System.arraycopy(trial, 0, s, 0, Sphere.DIM);
                    System.arraycopy(gTrial, 0, g, 0, Sphere.DIM);
                    value = tv;
                    gn = tgn;
                    alpha = a;
                    accepted = true;
                    break;
                }
            }
            if (!accepted) {
                break;
            }
            captured = capture.captured(s, value);
        }
        return new Result(s, value, gn, it, captured || gn < tolerance);
    }

    /**
     * Newton's method on the gradient field: the step δ = −Σₖ ⟨eₖ, g⟩/λₖ · eₖ over the Hessian's eigenpairs (λₖ, eₖ)
     * (eigenvalues of magnitude below {@value #SINGULAR} are skipped), projected onto the current tangent space, capped
     * at {@code maxStep} and halved until ‖g‖ decreases. Converges to the nearby critical point whatever its index.
     *
     * <p>The Hessian is decomposed only when the step needs a fresh one (a chord method): at the start, and whenever
     * the last step taken with the current decomposition reduced ‖g‖ by less than the factor {@value #CONTRACTION}, or
     * no halving of its step reduced ‖g‖ at all. Near a non-degenerate critical point one decomposition then serves
     * several steps; the fixed point (grad U = 0) is the same as with a decomposition per step.
     */
    static Result newton(Potential u, double[] start, double tolerance, int maxIterations, double maxStep) {
        double[] s = start.clone();
        double[] g = new double[Sphere.DIM];
        double[] gTrial = new double[Sphere.DIM];
        double[] trial = new double[Sphere.DIM];
        double[] scratch = new double[Sphere.DIM];
        double[] step = new double[Sphere.DIM];
        double[] v = new double[Sphere.DIM];
        double value = u.gradient(s, g, scratch);
        double gn = Sphere.norm(g);
        HessianSpectrum spectrum = null;
        boolean fresh = false;
        int it = 0;
        while (gn >= tolerance && it < maxIterations) {
            if (spectrum == null) {
                spectrum = HessianSpectrum.at(u, s);
                fresh = true;
            }
            spectrum.newtonStep(s, g, SINGULAR, step);
            double len = Sphere.norm(step);
            double scale = len > maxStep ? maxStep / len : 1.0;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS; h++, scale /= 2.0) {
                for (int d = 0; d < Sphere.DIM; d++) {
                    v[d] = scale * step[d];
                }
                if (!Sphere.exp(s, v, trial)) {
                    continue;
                }
                double tv = u.gradient(trial, gTrial, scratch);
                double tgn = Sphere.norm(gTrial);
                if (tgn < gn) {
                    boolean contracted = tgn <= CONTRACTION * gn;
                    System.arraycopy(trial, 0, s, 0, Sphere.DIM);
                    System.arraycopy(gTrial, 0, g, 0, Sphere.DIM);
                    value = tv;
                    gn = tgn;
                    accepted = true;
                    if (!contracted) {
                        spectrum = null;
                    }
                    break;
                }
            }
            if (accepted) {
                it++;
                fresh = false;
            } else if (fresh) {
                break;
            } else {
                spectrum = null;
            }
        }
        return new Result(s, value, gn, it, gn < tolerance);
    }

    /** Eigenvalues of smaller magnitude are treated as zero by the Newton step. */
    static final double SINGULAR = 1e-10;
    /** A kept decomposition must reduce ‖g‖ at least by this factor per step, else the Hessian is decomposed anew. */
    static final double CONTRACTION = 0.5;
}
