package dev.basin.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Fisher–Rao distance, geodesics, exponential and logarithm maps and parallel transport on the simplex Δ⁶³.
 *
 * <p>Convention: d(p,q) = 2·arccos(BC(p,q)) ∈ [0, π], BC = Σ√(pᵢqᵢ). This is the textbook Rao distance between
 * categorical distributions, twice the arccos(BC) of the previous system (carry thresholds over doubled). With s = √p
 * and t = √q on the unit sphere S⁶³, θ is the sphere angle between them and d = 2θ.
 *
 * <p>Numerics: θ is computed as 2·asin(‖s − t‖/2), never as arccos(⟨s,t⟩), because arccos near 1 loses all precision
 * below θ ≈ 1e-8. The differences are taken as sᵢ − tᵢ = (pᵢ − qᵢ)/(sᵢ + tᵢ), which is accurate to a few ulps even when
 * p and q agree in their leading digits (a plain √pᵢ − √qᵢ would cancel); pairs further apart than a chord of 1e-2 use
 * the plain differences, which are accurate there and need no division. Every term is the exact negation of the term
 * with the arguments swapped, so the distance is symmetric bit for bit. Disjoint supports give exactly π.
 */
public final class FisherRao {
    /** Below this sphere angle geodesics use normalised linear interpolation instead of the slerp formula. */
    public static final double SMALL_ANGLE = 1e-9;
    /** A step that overshoots the boundary by at most this relative amount is treated as rounding, not a departure. */
    static final double BOUNDARY_SLACK = 1e-12;
    /** Chords ‖s − t‖ at least this long are computed from direct differences; shorter ones in the division form. */
    static final double CHORD_DIRECT_MIN = 1e-2;
    /**
     * {@value #CHORD_DIRECT_MIN}²: from this chord² on (and below 2 − {@value #DISJOINT_CHECK}) the distance is
     * {@link #distanceFromChordSquared} of {@link VectorMath#squaredDistance}(√p, √q), bit for bit; indexes that keep the
     * √-coordinates contiguous use this to compute the same answer from their own copy.
     */
    public static final double CHORD_DIRECT_SQ = CHORD_DIRECT_MIN * CHORD_DIRECT_MIN;
    /**
     * Disjoint supports give chord² = Σp + Σq = 2 up to the basin sum tolerance; only chords this close to 2 are
     * checked for disjointness.
     */
    public static final double DISJOINT_CHECK = 1e-8;

    private static final int D = Basin.DIM;

    private FisherRao() {}

    /** BC(p,q) = Σ√(pᵢqᵢ) = ⟨s,t⟩, clamped to [0, 1]. Symmetric bit for bit. */
    public static double bhattacharyya(Basin p, Basin q) {
        double bc = Tangent.dot(p.s(), q.s());
        return Math.min(1.0, Math.max(0.0, bc));
    }

    /**
     * Fisher–Rao distance d(p,q) = 2·arccos(BC) ∈ [0, π], computed as 4·asin(‖√p − √q‖/2). Exactly 0 for equal
     * arguments, exactly π for disjoint supports, symmetric bit for bit, relative error ≈ 1e-15.
     */
    public static double distance(Basin p, Basin q) {
        double sq = VectorMath.squaredDistance(p.s(), 0, q.s(), 0);
        if (sq >= CHORD_DIRECT_SQ && sq < 1.0) {
            return 4.0 * asinSqrtBelowHalf(0.25 * sq);
        }
        return 2.0 * angleFromFirstPass(p, q, sq);
    }

    /** The sphere angle θ = d/2 ∈ [0, π/2] between √p and √q, in the stable form 2·asin(‖s − t‖/2). */
    public static double angle(Basin p, Basin q) {
        return angleFromFirstPass(p, q, VectorMath.squaredDistance(p.s(), 0, q.s(), 0));
    }

    /**
     * θ from the first pass's chord² {@code first} (recomputed in the division form below {@value #CHORD_DIRECT_SQ}).
     * {@link #distance} answers chord² in [{@value #CHORD_DIRECT_SQ}, 1) without coming here: there no clamp binds
     * (¼·chord² &lt; ¼, θ &lt; π/6) and the disjointness check cannot apply, so 4·asinSqrt(¼·chord²) is the same double
     * as 2·θ computed here.
     */
    private static double angleFromFirstPass(Basin p, Basin q, double first) {
        double sq = chordSquared(p, q, first);
        if (Double.isNaN(sq)) {
            return Math.PI / 2;
        }
        return Math.min(Math.PI / 2, 2.0 * asinSqrt(Math.min(1.0, 0.25 * sq)));
    }

    /**
     * The Fisher–Rao distance 4·asin(c/2) of two basins whose √-coordinates are a chord c = √sq apart, capped at π.
     * One formula for every index that computes ‖s − t‖² itself (it cannot tell disjoint supports, which are exactly π,
     * from a chord² rounded just below 2: callers check supports when sq is within {@value #DISJOINT_CHECK} of 2).
     */
    public static double distanceFromChordSquared(double sq) {
        if (sq < 1.0) {
            return 4.0 * asinSqrtBelowHalf(0.25 * sq);
        }
        return Math.min(Math.PI, 4.0 * asinSqrt(Math.min(1.0, 0.25 * sq)));
    }

    // fdlibm's (e_asin.c) rational approximation of asin on [0, 0.5]: asin(x) = x + x·P(x²)/Q(x²), error < 1 ulp.
    private static final double PS0 = 1.66666666666666657415e-01;
    private static final double PS1 = -3.25565818622400915405e-01;
    private static final double PS2 = 2.01212532134862925881e-01;
    private static final double PS3 = -4.00555345006794114027e-02;
    private static final double PS4 = 7.91534994289814532176e-04;
    private static final double PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00;
    private static final double QS2 = 2.02094576023350569471e+00;
    private static final double QS3 = -6.88283971605453293030e-01;
    private static final double QS4 = 7.70381505559019352791e-02;

    /**
     * asin(√y) for y ∈ [0, 1]. Below y = 1/4 (x = √y &lt; 1/2, i.e. d &lt; 2π/3) it evaluates fdlibm's rational
     * approximation in y itself, so the polynomial does not wait for the square root (both run at once); above, it is
     * {@link Math#asin}.
     */
    static double asinSqrt(double y) {
        if (y < 0.25) {
            return asinSqrtBelowHalf(y);
        }
        return Math.asin(Math.sqrt(y));
    }

    /** asin(√y) for y ∈ [0, 1/4): fdlibm's rational approximation in y, no branch and no clamp (x = √y &lt; 1/2). */
    private static double asinSqrtBelowHalf(double y) {
        double x = Math.sqrt(y);
        double p = y * (PS0 + y * (PS1 + y * (PS2 + y * (PS3 + y * (PS4 + y * PS5)))));
        double q = 1.0 + y * (QS1 + y * (QS2 + y * (QS3 + y * QS4)));
        return x + x * (p / q);
    }

    /**
     * ‖√p − √q‖², or NaN when the supports are disjoint (no i with pᵢ &gt; 0 and qᵢ &gt; 0; the caller maps that to the
     * exact maximum angle π/2).
     *
     * <p>First pass: Σ(sᵢ − tᵢ)² by {@link VectorMath#squaredDistance} (eight partial sums, SIMD when available). The
     * direct differences carry an absolute error of about 2⁻⁵³·(sᵢ + tᵢ), a relative error of at most ~1.1e-16/‖s − t‖ on the chord, which is below 1e-14 for
     * ‖s − t‖ ≥ {@value #CHORD_DIRECT_MIN}. Closer pairs are recomputed with sᵢ − tᵢ = (pᵢ − qᵢ)/(sᵢ + tᵢ), accurate to
     * a few ulps at any distance. Only a chord² within {@value #DISJOINT_CHECK} of its maximum 2 can come from disjoint
     * supports, and only then are the supports compared. Both passes are symmetric bit for bit: (sᵢ − tᵢ)² = (tᵢ − sᵢ)²
     * exactly, summed in the same order.
     */
    private static double chordSquared(Basin p, Basin q, double first) {
        double[] s = p.s();
        double[] t = q.s();
        double sq = first;
        if (sq >= CHORD_DIRECT_SQ) {
            if (sq >= 2.0 - DISJOINT_CHECK && disjoint(s, t)) {
                return Double.NaN;
            }
            return sq;
        }
        double[] a = p.p();
        double[] b = q.p();
        sq = 0.0;
        for (int i = 0; i < D; i++) {
            double sum = s[i] + t[i];
            if (sum > 0.0) {
                double diff = (a[i] - b[i]) / sum;
                sq += diff * diff;
            }
        }
        return sq;
    }

    private static boolean disjoint(double[] s, double[] t) {
        for (int i = 0; i < D; i++) {
            if (s[i] > 0.0 && t[i] > 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The geodesic from {@code from} to {@code to} in {@code steps} equal steps: steps+1 points, the first and last
     * being the arguments themselves, consecutive points d/steps apart. See {@link #pointAt(Basin, Basin, double)}.
     */
    public static List<Basin> geodesic(Basin from, Basin to, int steps) {
        if (steps < 1) {
            throw new InvalidInputException("steps", "must be at least 1, is " + steps);
        }
        double theta = angle(from, to);
        List<Basin> path = new ArrayList<>(steps + 1);
        path.add(from);
        for (int k = 1; k < steps; k++) {
            path.add(interpolate(from, to, theta, (double) k / steps));
        }
        path.add(to);
        return path;
    }

    /**
     * The point at fraction τ ∈ [0,1] of the geodesic: s(τ) = [sin((1−τ)θ)·s + sin(τθ)·t] / sin θ, p(τ) = s(τ)²
     * (renormalised to remove rounding drift). For θ &lt; {@value #SMALL_ANGLE} it uses the normalised linear
     * interpolation of s and t. τ = 0 and τ = 1 return the endpoints themselves.
     */
    public static Basin pointAt(Basin from, Basin to, double tau) {
        if (!(tau >= 0.0 && tau <= 1.0)) {
            throw new InvalidInputException("tau", "must be in [0, 1], is " + tau);
        }
        if (tau == 0.0) {
            return from;
        }
        if (tau == 1.0) {
            return to;
        }
        return interpolate(from, to, angle(from, to), tau);
    }

    /**
     * Moves from {@code from} toward {@code target} by Fisher–Rao length {@code length}, never past the target
     * (navigation steps: length = base_step·κ_eff/κ*, see {@link Coupling#stepLength(double, double)}).
     */
    public static Basin stepToward(Basin from, Basin target, double length) {
        if (!(length >= 0.0) || Double.isInfinite(length)) {
            throw new InvalidInputException("length", "must be finite and non-negative, is " + length);
        }
        double d = distance(from, target);
        if (length >= d) {
            return target;
        }
        return pointAt(from, target, length / d);
    }

    private static Basin interpolate(Basin from, Basin to, double theta, double tau) {
        double[] s = from.s();
        double[] t = to.s();
        double[] r = new double[D];
        if (theta < SMALL_ANGLE) {
            double sq = 0.0;
            for (int i = 0; i < D; i++) {
                r[i] = (1.0 - tau) * s[i] + tau * t[i];
                sq += r[i] * r[i];
            }
            double norm = Math.sqrt(sq);
            for (int i = 0; i < D; i++) {
                r[i] /= norm;
            }
        } else {
            double sinTheta = Math.sin(theta);
            double a = Math.sin((1.0 - tau) * theta) / sinTheta;
            double b = Math.sin(tau * theta) / sinTheta;
            for (int i = 0; i < D; i++) {
                r[i] = a * s[i] + b * t[i];
            }
        }
        return Basin.fromSqrtTrusted(r);
    }

    /**
     * The logarithm map log_p(q) = d·(t − cos θ·s)/‖t − cos θ·s‖, the tangent vector at p pointing along the geodesic
     * to q with length d(p,q); the zero vector when q = p. Computed as (t − s) + (‖t − s‖²/2)·s, which equals
     * t − cos θ·s for unit s, t without the cancellation of the plain form, then projected onto the tangent space.
     */
    public static Tangent log(Basin p, Basin q) {
        double[] u = unitDirection(p, q);
        if (u == null) {
            return Tangent.zero(p);
        }
        double d = distance(p, q);
        for (int i = 0; i < D; i++) {
            u[i] *= d;
        }
        return Tangent.trusted(p, u);
    }

    /** The unit vector u at p toward q (null when q = p). */
    private static double[] unitDirection(Basin p, Basin q) {
        double[] a = p.p();
        double[] b = q.p();
        double[] s = p.s();
        double[] t = q.s();
        double[] u = new double[D];
        double chordSq = 0.0;
        for (int i = 0; i < D; i++) {
            double sum = s[i] + t[i];
            u[i] = sum > 0.0 ? (b[i] - a[i]) / sum : 0.0;
            chordSq += u[i] * u[i];
        }
        if (chordSq == 0.0) {
            return null;
        }
        double half = chordSq / 2.0;
        for (int i = 0; i < D; i++) {
            u[i] += half * s[i];
        }
        projectOut(u, s);
        double norm = Math.sqrt(Tangent.dot(u, u));
        for (int i = 0; i < D; i++) {
            u[i] /= norm;
        }
        return u;
    }

    /**
     * The exponential map: s' = cos(‖v‖/2)·s + sin(‖v‖/2)·v/‖v‖, p' = s'².
     *
     * <p>Boundary rule: the simplex is the closed positive orthant of the sphere, and a long enough step leaves it (some
     * s'ᵢ would become negative). exp never folds such a step back. It stops at the boundary instead: it moves the
     * largest sphere angle φ ≤ ‖v‖/2 for which every coordinate stays ≥ 0 (φᵢ = atan2(sᵢ, −uᵢ) is where coordinate i
     * reaches 0), and reports φ/(‖v‖/2) as {@link ExpResult#fraction()}. A coordinate that reaches 0 is set to exactly
     * 0; overshoots within a relative {@value #BOUNDARY_SLACK} of the full step are rounding and count as a full step.
     */
    public static ExpResult exp(Basin p, Tangent v) {
        if (!v.base().equals(p)) {
            throw new InvalidInputException("tangent", "is not based at the given point");
        }
        double[] w = v.raw();
        double len = v.norm();
        if (len == 0.0) {
            return new ExpResult(p, 1.0);
        }
        double[] s = p.s();
        double phi = len / 2.0;
        double stop = phi;
        double[] zeroAt = new double[D];
        for (int i = 0; i < D; i++) {
            double ui = w[i] / len;
            zeroAt[i] = s[i] == 0.0 && ui == 0.0 ? Double.POSITIVE_INFINITY : Math.atan2(s[i], -ui);
            stop = Math.min(stop, zeroAt[i]);
        }
        double fraction = 1.0;
        if (stop < phi * (1.0 - BOUNDARY_SLACK)) {
            fraction = stop / phi;
            phi = stop;
        }
        double c = Math.cos(phi);
        double sn = Math.sin(phi) / len;
        double reached = phi * (1.0 + BOUNDARY_SLACK);
        double[] r = new double[D];
        for (int i = 0; i < D; i++) {
            r[i] = zeroAt[i] <= reached ? 0.0 : Math.max(0.0, c * s[i] + sn * w[i]);
        }
        return new ExpResult(Basin.fromSqrtTrusted(r), fraction);
    }

    /**
     * Parallel transport of w ∈ T_p along the geodesic from p = w.base() to q:
     * w' = w + (cos θ − 1)⟨u,w⟩u − sin θ⟨u,w⟩s, with u the unit log direction at p and θ the sphere angle. Norms are
     * preserved; the result is projected onto T_q to remove rounding. cos θ − 1 is evaluated as −2·sin²(θ/2).
     */
    public static Tangent transport(Tangent w, Basin to) {
        Basin from = w.base();
        double[] u = unitDirection(from, to);
        if (u == null) {
            return Tangent.trusted(to, w.components());
        }
        double theta = angle(from, to);
        double half = Math.sin(theta / 2.0);
        double cosMinusOne = -2.0 * half * half;
        double sin = Math.sin(theta);
        double[] x = w.raw();
        double[] s = from.s();
        double uw = Tangent.dot(u, x);
        double[] r = new double[D];
        for (int i = 0; i < D; i++) {
            r[i] = x[i] + cosMinusOne * uw * u[i] - sin * uw * s[i];
        }
        projectOut(r, to.s());
        return Tangent.trusted(to, r);
    }

    /** cos(r/2): the ball test d(p,c) &lt; r is equivalent to ⟨√p, √c⟩ &gt; cos(r/2) (r ∈ [0, π]). */
    public static double cosHalf(double radius) {
        if (!(radius >= 0.0 && radius <= Math.PI)) {
            throw new InvalidInputException("radius", "must be in [0, pi], is " + radius);
        }
        return Math.cos(radius / 2.0);
    }

    /** Removes from v its component along the unit vector s. */
    private static void projectOut(double[] v, double[] s) {
        double k = Tangent.dot(v, s);
        for (int i = 0; i < D; i++) {
            v[i] -= k * s[i];
        }
    }
}
