package dev.basin.safety;

import dev.basin.geometry.Basin;
import dev.basin.geometry.ByteCodes;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Exact "which balls contain p" over up to millions of balls, in memory.
 *
 * <p>With s = √p and c = √centre on the unit sphere, d(p, centre) &lt; r ⟺ ⟨s, c⟩ &gt; cos(r/2). The centres are kept
 * twice: as {@link ByteCodes} (64 bytes per ball, scanned with SIMD), whose inner product a with the query satisfies
 * |⟨s, c⟩ − a| ≤ E (a proven per-ball bound, about 0.0025 for Dirichlet(1) centres), and in double precision. A ball
 * with a + E &lt; cos(r/2) cannot contain p, which rules out almost every ball in one pass; each remaining ball is
 * decided by the full double-precision dot product ⟨s, c⟩ (rounding error below 64·2⁻⁵³ ≈ 7·10⁻¹⁵, far inside
 * {@value #DOT_MARGIN}): below cos(r/2) − {@value #DOT_MARGIN} it is out; above cos(r/2) + {@value #DOT_MARGIN} it is a
 * hit, reported with the distance 4·asin(‖s − c‖/2); within that band the Fisher–Rao distance itself (the stable asin
 * form) decides. Answers are exactly those of a linear scan with the Fisher–Rao distance.
 *
 * <p>Thread-safe: many concurrent queries, writes exclusive.
 */
public final class BallIndex {
    /** A ball whose double dot product is below cos(r/2) by more than this cannot contain the query. */
    public static final double DOT_MARGIN = 1e-12;

    private static final int D = Basin.DIM;
    /** Balls per parallel chunk (a multiple of {@link ByteCodes#BLOCK}). */
    private static final int CHUNK = 1 << 14;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final ByteCodes codes = new ByteCodes(16);
    private double[] cosHalf = new double[16];
    private double[] sqrt = new double[16 * D];
    private Ball[] balls = new Ball[16];
    private int size;

    /** A hit: the ball and the exact Fisher–Rao distance from the query to its centre (&lt; radius). */
    public record Hit(Ball ball, double distance) {}

    /** Adds {@code ball}, replacing any ball with the same id. */
    public void put(Ball ball) {
        double[] c = ball.center().toSqrtArray();
        double cos = Math.cos(ball.radius() / 2.0);
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(ball.id());
            int i = slot != null ? slot : size++;
            if (i >= balls.length) {
                grow();
            }
            System.arraycopy(c, 0, sqrt, i * D, D);
            codes.set(i, sqrt, i * D, (float) cos);
            cosHalf[i] = cos;
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
                codes.move(last, i);
                cosHalf[i] = cosHalf[last];
                System.arraycopy(sqrt, last * D, sqrt, i * D, D);
                balls[i] = balls[last];
                slotOf.put(balls[i].id(), i);
            }
            codes.removeLast();
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

    /**
     * Every ball that contains {@code p} (d &lt; radius), exactly, whatever its scope. From
     * {@value dev.basin.geometry.ByteCodes#PARALLEL_THRESHOLD} balls on, the balls are split into chunks checked in
     * parallel on the common fork-join pool.
     */
    public List<Hit> containing(Basin p) {
        double[] s = p.toSqrtArray();
        float[] q = ByteCodes.query(s);
        lock.readLock().lock();
        try {
            int n = size;
            if (n < ByteCodes.PARALLEL_THRESHOLD) {
                return containing(p, s, q, 0, n);
            }
            int chunks = (n + CHUNK - 1) / CHUNK;
            List<List<Hit>> parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> containing(p, s, q, c * CHUNK, Math.min(n, (c + 1) * CHUNK)))
                    .toList();
            List<Hit> hits = new ArrayList<>(parts.stream().mapToInt(List::size).sum());
            parts.forEach(hits::addAll);
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The balls in slots [from, to) that contain p; the caller holds the read lock. */
    private List<Hit> containing(Basin p, double[] s, float[] q, int from, int to) {
        List<Hit> hits = new ArrayList<>(2);
        for (int i : codes.above(q, from, to)) {
            double dot = VectorMath.dot(s, 0, sqrt, i * D);
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

    private void grow() {
        int cap = balls.length * 2;
        cosHalf = Arrays.copyOf(cosHalf, cap);
        sqrt = Arrays.copyOf(sqrt, cap * D);
        balls = Arrays.copyOf(balls, cap);
    }

    /**
     * The Fisher–Rao distance of a certain hit: 4·asin(‖s − c‖/2) from the stored √-coordinates (absolute error
     * ≈ 10⁻¹⁶/‖s − c‖), or {@link FisherRao#distance} itself when the chord is below 10⁻³.
     */
    private double distance(Basin p, double[] s, int i, Ball ball) {
        double chord = Math.sqrt(VectorMath.squaredDistance(s, 0, sqrt, i * D));
        if (chord < 1e-3) {
            return FisherRao.distance(p, ball.center());
        }
        return 4.0 * Math.asin(Math.min(1.0, chord / 2.0));
    }
}
