package dev.basin.navigation;

import dev.basin.geometry.Basin;
import dev.basin.geometry.ExpResult;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Tangent;
import dev.basin.safety.Ball;
import dev.basin.safety.SafetyService;
import dev.basin.safety.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds a detour point around a forbidden ball B (centre c, radius r) between the current basin x and the goal g:
 * candidates w = exp_c(m·r·v̂) for margins m ∈ {1.3, 1.7, 2.2, 3.0} and directions v̂ in the tangent space at c,
 * first ±(the component of log_c(x) orthogonal to log_c(g)), then the coordinate axes projected orthogonally to
 * log_c(g) (largest first), so that a target straight behind the ball still gets a side to pass on. A candidate is
 * accepted when walking to it step by step enters no ball, and walking on from it to g enters none of the balls that
 * blocked the step. Walking means the same stepping as the agent ({@link FisherRao#stepToward}), so what is checked
 * is exactly what would be stored.
 */
final class DetourFinder {
    static final double[] MARGINS = {1.3, 1.7, 2.2, 3.0};
    private static final int AXES = 6;
    private static final int MAX_WALK = 20_000;

    private final SafetyService safety;

    DetourFinder(SafetyService safety) {
        this.safety = safety;
    }

    /** A detour point, or null when none of the candidates works. */
    Basin find(Basin x, Basin goal, Ball ball, Set<String> blocking, double stepLength, Instant at, String agentId) {
        Basin c = ball.center();
        for (double[] dir : directions(c, x, goal)) {
            for (double m : MARGINS) {
                double len = Math.min(Math.PI, m * ball.radius());
                double[] v = dir.clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] *= len;
                }
                ExpResult e = FisherRao.exp(c, Tangent.of(c, v));
                Basin w = e.basin();
                if (FisherRao.distance(w, c) <= ball.radius()) {
                    continue;
                }
                if (walkIsClear(x, w, stepLength, at, agentId, null) && walkIsClear(w, goal, stepLength, at, agentId, blocking)) {
                    return w;
                }
            }
        }
        return null;
    }

    /** Whether stepping from a to b enters no applicable ball (only those in {@code onlyIds} when non-null). */
    boolean walkIsClear(Basin a, Basin b, double stepLength, Instant at, String agentId, Set<String> onlyIds) {
        Basin pos = a;
        for (int k = 0; k < MAX_WALK && !pos.equals(b); k++) {
            Basin next = FisherRao.stepToward(pos, b, stepLength);
            for (Violation v : entering(pos, next, at, agentId)) {
                if (onlyIds == null || onlyIds.contains(v.id())) {
                    return false;
                }
            }
            pos = next;
        }
        return pos.equals(b);
    }

    /**
     * The violations a step from {@code from} to {@code to} commits: balls containing {@code to} that either did not
     * contain {@code from} or whose centre {@code to} is closer to (moving out of a ball one stands in is allowed).
     */
    List<Violation> entering(Basin from, Basin to, Instant at, String agentId) {
        List<Violation> out = new ArrayList<>(1);
        for (Violation v : safety.check(to, at, agentId).violations()) {
            Ball b = safety.ball(v.id());
            if (b == null) {
                out.add(v);
                continue;
            }
            double before = FisherRao.distance(from, b.center());
            if (before >= b.radius() || v.distance() < before) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<double[]> directions(Basin c, Basin x, Basin goal) {
        double[] s = c.toSqrtArray();
        double[] g = unit(FisherRao.log(c, goal).components());
        double[] a = FisherRao.log(c, x).components();
        List<double[]> out = new ArrayList<>();
        double[] perp = orthogonal(a, g, s);
        if (perp != null) {
            out.add(perp);
            out.add(negate(perp));
        }
        // Coordinate axes, most room first: the larger the part of e_i orthogonal to s and to the goal direction,
        // the further a step along it moves away from the line c→goal.
        List<double[]> axes = new ArrayList<>();
        List<Double> room = new ArrayList<>();
        for (int i = 0; i < Basin.DIM; i++) {
            double[] e = new double[Basin.DIM];
            e[i] = 1.0;
            double[] o = orthogonal(e, g, s);
            if (o != null) {
                axes.add(o);
                room.add(1.0 - s[i] * s[i] - (g == null ? 0.0 : g[i] * g[i]));
            }
        }
        Integer[] order = new Integer[axes.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -room.get(k)));
        List<double[]> sorted = new ArrayList<>();
        for (Integer k : order) {
            sorted.add(axes.get(k));
        }
        axes = sorted;
        for (int k = 0; k < Math.min(AXES, axes.size()); k++) {
            out.add(axes.get(k));
            out.add(negate(axes.get(k)));
        }
        return out;
    }

    /** The unit vector of v minus its components along s and along the unit vector g, or null if that is ~0. */
    private static double[] orthogonal(double[] v, double[] g, double[] s) {
        double[] r = v.clone();
        double ks = dot(r, s);
        for (int i = 0; i < r.length; i++) {
            r[i] -= ks * s[i];
        }
        if (g != null) {
            double kg = dot(r, g);
            for (int i = 0; i < r.length; i++) {
                r[i] -= kg * g[i];
            }
        }
        double n = Math.sqrt(dot(r, r));
        if (n < 1e-9) {
            return null;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] /= n;
        }
        return r;
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n == 0.0) {
            return null;
        }
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] /= n;
        }
        return r;
    }

    private static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
