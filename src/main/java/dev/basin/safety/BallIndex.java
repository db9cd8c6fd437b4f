package dev.basin.safety;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact "which balls contain p" over up to millions of balls, in memory.
 *
 * <p>With s = √p and c = √centre on the unit sphere, d(p, centre) &lt; r ⟺ ⟨s, c⟩ &gt; cos(r/2). Each ball keeps the
 * projection Pc of c onto {@value #K} fixed orthonormal directions (the first is u = (1/8, …, 1/8), the mean
 * direction of the simplex; the others are seeded random directions orthogonal to it) and the norm of the rest,
 * ‖Rc‖ = ‖c − PᵀPc‖. By Cauchy–Schwarz ⟨s, c⟩ ≤ ⟨Ps, Pc⟩ + ‖Rs‖·‖Rc‖, so a ball whose bound is ≤ cos(r/2) −
 * {@value #MARGIN} cannot contain p. The bound is evaluated in float32 over a column-major layout (one array per
 * direction, so the loop vectorises); {@value #MARGIN} exceeds its rounding error (≲ 3·10⁻⁶) by a wide margin. The
 * balls that pass go to a second filter, the full double-precision dot product ⟨s, c⟩ (four accumulators; its
 * rounding error is below 64·2⁻⁵³ ≈ 7·10⁻¹⁵, far inside {@value #DOT_MARGIN}): below cos(r/2) − {@value #DOT_MARGIN}
 * the ball is out; above cos(r/2) + {@value #DOT_MARGIN} it is a hit, reported with the distance 4·asin(‖s − c‖/2);
 * within that band the Fisher–Rao distance itself (the stable asin form) decides. Answers are exactly those of a linear
 * scan with the Fisher–Rao distance.
 *
 * <p>Thread-safe: many concurrent queries, writes exclusive.
 */
public final class BallIndex {
    /** Number of projection directions. */
    public static final int K = 16;
    /** Slack added to the float32 bound so that rounding can never drop a true hit. */
    public static final float MARGIN = 1e-5f;

    /** A ball whose double dot product is below cos(r/2) by more than this cannot contain the query. */
    public static final double DOT_MARGIN = 1e-12;

    private static final int D = Basin.DIM;
    private static final int BLOCK = 512;

    private final double[][] directions = new double[K][D];
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private float[][] proj = new float[K][16];
    private float[] rest = new float[16];
    private float[] threshold = new float[16];
    private double[] cosHalf = new double[16];
    private double[] sqrt = new double[16 * D];
    private Ball[] balls = new Ball[16];
    private int size;

    /** An index whose random projection directions come from {@code seed}. */
    public BallIndex(long seed) {
        Arrays.fill(directions[0], 1.0 / 8.0);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int j = 1; j < K; j++) {
            double[] v = directions[j];
            for (int i = 0; i < D; i++) {
                v[i] = gaussian(rnd);
            }
            for (int k = 0; k < j; k++) {
                double dot = dot(v, directions[k]);
                for (int i = 0; i < D; i++) {
                    v[i] -= dot * directions[k][i];
                }
            }
            double n = Math.sqrt(dot(v, v));
            for (int i = 0; i < D; i++) {
                v[i] /= n;
            }
        }
    }

    /** A hit: the ball and the exact Fisher–Rao distance from the query to its centre (&lt; radius). */
    public record Hit(Ball ball, double distance) {}

    /** Adds {@code ball}, replacing any ball with the same id. */
    public void put(Ball ball) {
        double[] c = ball.center().toSqrtArray();
        float[] pc = new float[K];
        float restNorm = restNorm(c, pc);
        float thr = (float) Math.cos(ball.radius() / 2.0) - MARGIN;
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(ball.id());
            int i = slot != null ? slot : size++;
            if (i >= balls.length) {
                grow();
            }
            for (int j = 0; j < K; j++) {
                proj[j][i] = pc[j];
            }
            rest[i] = restNorm;
            threshold[i] = thr;
            cosHalf[i] = Math.cos(ball.radius() / 2.0);
            System.arraycopy(c, 0, sqrt, i * D, D);
            balls[i] = ball;
            slotOf.put(ball.id(), i);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the ball {@code id}; returns whether it was present. */
    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.remove(id);
            if (slot == null) {
                return false;
            }
            int i = slot;
            int last = --size;
            if (i != last) {
                for (int j = 0; j < K; j++) {
                    proj[j][i] = proj[j][last];
                }
                rest[i] = rest[last];
                threshold[i] = threshold[last];
                cosHalf[i] = cosHalf[last];
                System.arraycopy(sqrt, last * D, sqrt, i * D, D);
                balls[i] = balls[last];
                slotOf.put(balls[i].id(), i);
            }
            balls[last] = null;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The ball {@code id}, or null. */
    public Ball get(String id) {
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(id);
            return slot == null ? null : balls[slot];
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A snapshot of every ball. */
    public List<Ball> all() {
        lock.readLock().lock();
        try {
            return List.of(Arrays.copyOf(balls, size));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every ball that contains {@code p} (d &lt; radius), exactly, whatever its scope. */
    public List<Hit> containing(Basin p) {
        double[] s = p.toSqrtArray();
        float[] q = new float[K];
        float qRest = restNorm(s, q);
        float[] acc = new float[BLOCK];
        List<Hit> hits = new ArrayList<>(2);
        lock.readLock().lock();
        try {
            for (int base = 0; base < size; base += BLOCK) {
                int n = Math.min(BLOCK, size - base);
                bound(q, qRest, base, n, acc);
                float[] thr = threshold;
                for (int b = 0; b < n; b++) {
                    if (acc[b] <= thr[base + b]) {
                        continue;
                    }
                    int i = base + b;
                    double dot = dot(s, sqrt, i * D);
                    if (dot <= cosHalf[i] - DOT_MARGIN) {
                        continue;
                    }
                    Ball ball = balls[i];
                    if (dot > cosHalf[i] + DOT_MARGIN) {
                        hits.add(new Hit(ball, distance(p, s, i, ball)));
                    } else {
                        double d = FisherRao.distance(p, ball.center());
                        if (d < ball.radius()) {
                            hits.add(new Hit(ball, d));
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
    }

    /** The reference answer: every ball tested by the double-precision Fisher–Rao distance, no pre-filter. */
    public List<Hit> containingByLinearScan(Basin p) {
        List<Hit> hits = new ArrayList<>(2);
        lock.readLock().lock();
        try {
            for (int i = 0; i < size; i++) {
                double d = FisherRao.distance(p, balls[i].center());
                if (d < balls[i].radius()) {
                    hits.add(new Hit(balls[i], d));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
    }

    /** acc[b] = ⟨Ps, Pc⟩ + ‖Rs‖·‖Rc‖ for balls base..base+n, in float32 (vectorisable loops). */
    private void bound(float[] q, float qRest, int base, int n, float[] acc) {
        float[] r = rest;
        for (int b = 0; b < n; b++) {
            acc[b] = qRest * r[base + b];
        }
        for (int j = 0; j < K; j++) {
            float qj = q[j];
            float[] col = proj[j];
            for (int b = 0; b < n; b++) {
                acc[b] += qj * col[base + b];
            }
        }
    }

    /** Fills pc with the K projections of the unit vector c and returns ‖Rc‖ rounded up to float. */
    private float restNorm(double[] c, float[] pc) {
        double[] r = c.clone();
        for (int j = 0; j < K; j++) {
            double a = dot(c, directions[j]);
            pc[j] = (float) a;
            for (int i = 0; i < D; i++) {
                r[i] -= a * directions[j][i];
            }
        }
        double norm = Math.sqrt(dot(r, r));
        return Math.nextUp((float) norm);
    }

    private void grow() {
        int cap = balls.length * 2;
        for (int j = 0; j < K; j++) {
            proj[j] = Arrays.copyOf(proj[j], cap);
        }
        rest = Arrays.copyOf(rest, cap);
        threshold = Arrays.copyOf(threshold, cap);
        cosHalf = Arrays.copyOf(cosHalf, cap);
        sqrt = Arrays.copyOf(sqrt, cap * D);
        balls = Arrays.copyOf(balls, cap);
    }

    /**
     * The Fisher–Rao distance of a certain hit: 4·asin(‖s − c‖/2) from the stored √-coordinates (absolute error
     * ≈ 10⁻¹⁶/‖s − c‖), or {@link FisherRao#distance} itself when the chord is below 10⁻³.
     */
    private double distance(Basin p, double[] s, int i, Ball ball) {
        int off = i * D;
        double a0 = 0.0;
        double a1 = 0.0;
        double a2 = 0.0;
        double a3 = 0.0;
        for (int k = 0; k < D; k += 4) {
            double x0 = s[k] - sqrt[off + k];
            double x1 = s[k + 1] - sqrt[off + k + 1];
            double x2 = s[k + 2] - sqrt[off + k + 2];
            double x3 = s[k + 3] - sqrt[off + k + 3];
            a0 += x0 * x0;
            a1 += x1 * x1;
            a2 += x2 * x2;
            a3 += x3 * x3;
        }
        double chord = Math.sqrt((a0 + a1) + (a2 + a3));
        if (chord < 1e-3) {
            return FisherRao.distance(p, ball.center());
        }
        return 4.0 * Math.asin(Math.min(1.0, chord / 2.0));
    }

    /** ⟨s, c⟩ with c at {@code off} in {@code all}, with four independent accumulators. */
    private static double dot(double[] s, double[] all, int off) {
        double a0 = 0.0;
        double a1 = 0.0;
        double a2 = 0.0;
        double a3 = 0.0;
        for (int i = 0; i < D; i += 4) {
            a0 += s[i] * all[off + i];
            a1 += s[i + 1] * all[off + i + 1];
            a2 += s[i + 2] * all[off + i + 2];
            a3 += s[i + 3] * all[off + i + 3];
        }
        return (a0 + a1) + (a2 + a3);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
