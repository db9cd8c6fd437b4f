package dev.basin.safety;

import dev.basin.geometry.Basin;
import dev.basin.geometry.BallCodes;
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
 * <p>The balls are kept as {@link BallCodes} (80 bytes per ball: 8-bit codes of √centre and three proven chord limits,
 * scanned with SIMD), which rule out every ball whose centre is provably at least its radius away from p, most of them
 * after their first 16 coordinates (docs/safety.md). Each remaining ball is decided by the double-precision
 * Fisher–Rao distance itself, the same call a linear scan makes, so the answers (and the distances reported) are
 * exactly those of the scan.
 *
 * <p>Thread-safe: many concurrent queries, writes exclusive.
 */
public final class BallIndex {
    private static final int D = Basin.DIM;
    /** Balls per parallel chunk (a multiple of {@link BallCodes#BLOCK}). */
    private static final int CHUNK = 1 << 14;
    /** Checks over at least this many balls run in parallel chunks on the common fork-join pool. */
    public static final int PARALLEL_THRESHOLD = 1 << 15;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final BallCodes codes = new BallCodes(16);
    private Ball[] balls = new Ball[16];
    /** The centres' √-coordinates, 64 per slot, contiguous (the candidates' distances read them in slot order). */
    private double[] sqrt = new double[16 * D];
    private double[] radius = new double[16];
    private int size;

    /** A hit: the ball and the exact Fisher–Rao distance from the query to its centre (&lt; radius). */
    public record Hit(Ball ball, double distance) {}

    /** Adds {@code ball}, replacing any ball with the same id. */
    public void put(Ball ball) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(ball.id());
            int i = slot != null ? slot : size++;
            if (i >= balls.length) {
                grow();
            }
            codes.set(i, ball.center(), ball.radius());
            ball.center().copySqrtTo(sqrt, i * D);
            radius[i] = ball.radius();
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
                System.arraycopy(sqrt, last * D, sqrt, i * D, D);
                radius[i] = radius[last];
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
     * {@value #PARALLEL_THRESHOLD} balls on, the balls are split into chunks checked in
     * parallel on the common fork-join pool.
     */
    public List<Hit> containing(Basin p) {
        BallCodes.Query q = BallCodes.query(p);
        lock.readLock().lock();
        try {
            int n = size;
            if (n < PARALLEL_THRESHOLD) {
                return containing(p, q, 0, n);
            }
            int chunks = (n + CHUNK - 1) / CHUNK;
            List<List<Hit>> parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> containing(p, q, c * CHUNK, Math.min(n, (c + 1) * CHUNK)))
                    .toList();
            List<Hit> hits = new ArrayList<>(parts.stream().mapToInt(List::size).sum());
            parts.forEach(hits::addAll);
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The balls in slots [from, to) that contain p; the caller holds the read lock. */
    private List<Hit> containing(Basin p, BallCodes.Query q, int from, int to) {
        List<Hit> hits = new ArrayList<>(2);
        double[] s = p.toSqrtArray();
        for (int i : codes.candidates(q, from, to)) {
            double d = distance(p, s, i);
            if (d < radius[i]) {
                hits.add(new Hit(balls[i], d));
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
        balls = Arrays.copyOf(balls, cap);
        sqrt = Arrays.copyOf(sqrt, cap * D);
        radius = Arrays.copyOf(radius, cap);
    }

    /**
     * {@link FisherRao#distance}(p, centre of slot i), bit for bit, read from the contiguous copy of the centres: where
     * that method takes its first pass (chord² ≥ 10⁻⁴ and not near 2) its value is 4·asin(‖s − c‖/2) from the same
     * {@link VectorMath#squaredDistance} of the same numbers, i.e. {@link FisherRao#distanceFromChordSquared}; otherwise
     * the method itself is called.
     */
    private double distance(Basin p, double[] s, int i) {
        double sq = VectorMath.squaredDistance(s, 0, sqrt, i * D);
        if (sq >= FisherRao.CHORD_DIRECT_SQ && sq < 2.0 - FisherRao.DISJOINT_CHECK) {
            return FisherRao.distanceFromChordSquared(sq);
        }
        return FisherRao.distance(p, balls[i].center());
    }
}
