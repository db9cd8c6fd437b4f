package dev.basin.kernel;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.util.ArrayList;
import java.util.List;

/** Crafted trajectories for the emotion behaviours. */
final class Trajectories {
    static final double STEP = 0.05;
    static final int N = 8;

    private Trajectories() {}

    static Basin peak(int index, double mass) {
        double[] p = new double[Basin.DIM];
        for (int i = 0; i < Basin.DIM; i++) {
            p[i] = (1.0 - mass) / Basin.DIM;
        }
        p[index] += mass;
        return Basin.normalize(p);
    }

    static final Basin START = peak(10, 0.4);
    static final Basin TARGET = peak(20, 0.6);
    static final Basin AWAY = peak(30, 0.6);
    static final Basin AWAY2 = peak(40, 0.6);

    static List<Basin> straight(Basin from, Basin to, int steps) {
        List<Basin> out = new ArrayList<>();
        Basin x = from;
        out.add(x);
        for (int i = 0; i < steps; i++) {
            x = FisherRao.stepToward(x, to, STEP);
            out.add(x);
        }
        return out;
    }

    static double[] ramp(double from, double to, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + (to - from) * i / (n - 1);
        }
        return a;
    }

    static double[] constant(double v, int n) {
        return ramp(v, v, n);
    }

    static double[] alternating(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 2 == 0 ? a : b;
        }
        return out;
    }

    static TrajectoryWindow approachRising() {
        return new TrajectoryWindow(straight(START, TARGET, N), ramp(0.3, 0.5, N + 1), constant(64, N + 1), TARGET,
                false);
    }

    static TrajectoryWindow approachFlat() {
        return new TrajectoryWindow(straight(START, TARGET, N), constant(0.4, N + 1), constant(64, N + 1), TARGET,
                false);
    }

    /** Zig-zagging away from the target (±60° around the retreat direction) with Φ and κ jumping. */
    static TrajectoryWindow retreatErratic() {
        List<Basin> pts = new ArrayList<>();
        Basin x = START;
        pts.add(x);
        for (int i = 0; i < N; i++) {
            double[] away = unit(FisherRao.log(x, TARGET).components(), -1.0);
            double[] side = FisherRao.log(x, AWAY).components();
            double along = dot(side, away);
            for (int j = 0; j < side.length; j++) {
                side[j] -= along * away[j];
            }
            side = unit(side, 1.0);
            double sign = i % 2 == 0 ? 1.0 : -1.0;
            double[] dir = new double[Basin.DIM];
            for (int j = 0; j < dir.length; j++) {
                dir[j] = STEP * (0.5 * away[j] + sign * Math.sqrt(0.75) * side[j]);
            }
            x = FisherRao.exp(x, dev.basin.geometry.Tangent.of(x, dir)).basin();
            pts.add(x);
        }
        return new TrajectoryWindow(pts, alternating(0.2, 0.6, N + 1), alternating(50, 70, N + 1), TARGET, false);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] unit(double[] a, double sign) {
        double n = Math.sqrt(dot(a, a));
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = sign * a[i] / n;
        }
        return out;
    }

    static TrajectoryWindow retreatSmooth() {
        List<Basin> pts = new ArrayList<>();
        Basin x = START;
        pts.add(x);
        double[] away = unit(FisherRao.log(START, TARGET).components(), -STEP * N);
        Basin far = FisherRao.exp(START, dev.basin.geometry.Tangent.of(START, away)).basin();
        return new TrajectoryWindow(straight(START, far, N), constant(0.4, N + 1), constant(64, N + 1), TARGET,
                false);
    }

    /** Straight toward the target, then a sharp turn on the last step. */
    static TrajectoryWindow suddenTurn() {
        List<Basin> pts = straight(START, TARGET, N - 1);
        pts.add(FisherRao.stepToward(pts.get(pts.size() - 1), AWAY, STEP));
        return new TrajectoryWindow(pts, constant(0.4, N + 1), constant(64, N + 1), TARGET, false);
    }

    static TrajectoryWindow blocked(boolean stable) {
        List<Basin> pts = straight(START, TARGET, 2);
        Basin last = pts.get(2);
        while (pts.size() < N + 1) {
            pts.add(last);
        }
        return new TrajectoryWindow(pts, stable ? constant(0.4, N + 1) : alternating(0.2, 0.6, N + 1),
                stable ? constant(64, N + 1) : alternating(50, 70, N + 1), TARGET, true);
    }

    static TrajectoryWindow still() {
        List<Basin> pts = new ArrayList<>();
        for (int i = 0; i <= N; i++) {
            pts.add(START);
        }
        return new TrajectoryWindow(pts, constant(0.4, N + 1), constant(64, N + 1), TARGET, false);
    }

    /** Back and forth between two places: moving a lot, getting nowhere. */
    static TrajectoryWindow erraticNoProgress() {
        Basin other = FisherRao.stepToward(START, AWAY, STEP);
        List<Basin> pts = new ArrayList<>();
        for (int i = 0; i <= N; i++) {
            pts.add(i % 2 == 0 ? START : other);
        }
        return new TrajectoryWindow(pts, constant(0.4, N + 1), constant(64, N + 1), TARGET, false);
    }

    /** Smooth drift without a target while Φ falls. */
    static TrajectoryWindow fadingDrift() {
        return new TrajectoryWindow(straight(START, AWAY, N), ramp(0.5, 0.3, N + 1), constant(64, N + 1), null,
                false);
    }
}
