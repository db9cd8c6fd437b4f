package dev.basin.safety;

import dev.basin.geometry.BallCodes;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact "which balls contain p" over up to millions of balls, in memory.
 *
 * <p>Two proven bounds rule balls out before any exact distance (docs/safety.md):
 * <ol>
 *   <li><b>Groups.</b> Balls are kept in at most {@value #MAX_GROUPS} groups, each around a pivot (the centre of its
 *       first ball; a ball joins the group of the nearest pivot within {@value #GROUP_RADIUS}, else opens a group while
 *       there is room, else joins the nearest). A group's reach is the largest d(pivot, centre) + radius of its balls.
 *       By the triangle inequality of the Fisher–Rao metric, d(p, pivot) ≥ reach means no ball of the group contains
 *       p, and the whole group is skipped after one distance.
 *   <li><b>Chord bounds on 8-bit codes</b> ({@link BallCodes}, 80 bytes per ball, SIMD): within a group every ball
 *       whose centre is provably at least its radius away from p is ruled out, most after their first 16 coordinates.
 * </ol>
 * Each remaining ball is decided by the double-precision Fisher–Rao distance itself (the same value a linear scan
 * computes, read from a contiguous copy of the centres), so the answers and the distances reported are exactly those
 * of the scan.
 *
 * <p>Thread-safe: many concurrent queries, writes exclusive.
 */
public final class BallIndex {
    /** Checks over at least this many balls (in groups not skipped) run in parallel on the common fork-join pool. */
    public static final int PARALLEL_THRESHOLD = 1 << 15;
    /** Most groups kept; a query computes one distance per group. */
    public static final int MAX_GROUPS = 32;
    /**
     * A ball joins the nearest group whose pivot is within this Fisher–Rao distance (a quarter of the diameter π of
     * the simplex, larger than the radii of the balls the benchmarks and the kernels' barriers use, so that balls
     * around one region share a group and far regions get their own).
     */
    public static final double GROUP_RADIUS = Math.PI / 4;
    /**
     * A group is skipped only when d(p, pivot) ≥ reach + this slack: each computed distance is within 10⁻¹² (relative,
     * so ≤ 3.2·10⁻¹² absolute) of the true one, so a skipped ball's computed distance is still ≥ its radius.
     */
    static final double PIVOT_SLACK = 1e-9;

    private static final int D = Basin.DIM;
    /** Balls per parallel task (a multiple of {@link BallCodes#BLOCK}). */
    private static final int CHUNK = 1 << 14;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Slot> slotOf = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private int size;

    /** A hit: the ball and the exact Fisher–Rao distance from the query to its centre (&lt; radius). */
    public record Hit(Ball ball, double distance) {}

    private record Slot(Group group, int index) {}

    /** Balls around one pivot, in slots 0..size-1 of parallel arrays. */
    private static final class Group {
        private Basin pivot;
        /** max over the group's balls (ever added since the pivot was set) of d(pivot, centre) + radius. */
        private double reach = Double.NEGATIVE_INFINITY;
        private final BallCodes codes = new BallCodes(16);
        private double[] sqrt = new double[16 * D];
        private double[] radius = new double[16];
        private Ball[] balls = new Ball[16];
        private int size;

        Group(Basin pivot) {
            this.pivot = pivot;
        }

        int add(Ball ball, double fromPivot) {
            int i = size++;
            if (i == balls.length) {
                int cap = balls.length * 2;
                balls = Arrays.copyOf(balls, cap);
                sqrt = Arrays.copyOf(sqrt, cap * D);
                radius = Arrays.copyOf(radius, cap);
            }
            codes.set(i, ball.center(), ball.radius());
            ball.center().copySqrtTo(sqrt, i * D);
            radius[i] = ball.radius();
            balls[i] = ball;
            reach = Math.max(reach, fromPivot + ball.radius());
            return i;
        }

        /** Removes slot i by moving the last ball into it; returns the ball moved (or null). */
        Ball remove(int i) {
            int last = --size;
            Ball moved = null;
            if (i != last) {
                codes.move(last, i);
                System.arraycopy(sqrt, last * D, sqrt, i * D, D);
                radius[i] = radius[last];
                balls[i] = balls[last];
                moved = balls[i];
            }
            codes.removeLast();
            balls[last] = null;
            if (size == 0) {
                reach = Double.NEGATIVE_INFINITY;
            }
            return moved;
        }
    }

    /** Adds {@code ball}, replacing any ball with the same id. */
    public void put(Ball ball) {
        Basin c = ball.center();
        lock.writeLock().lock();
        try {
            Slot old = slotOf.get(ball.id());
            if (old != null) {
                removeSlot(old);
            }
            Group best = null;
            double bestD = Double.POSITIVE_INFINITY;
            Group empty = null;
            for (Group g : groups) {
                if (g.size == 0) {
                    empty = empty == null ? g : empty;
                    continue;
                }
                double d = FisherRao.distance(c, g.pivot);
                if (d < bestD) {
                    bestD = d;
                    best = g;
                }
            }
            if (best == null || bestD > GROUP_RADIUS) {
                if (empty != null) {
                    empty.pivot = c;
                    best = empty;
                    bestD = 0.0;
                } else if (groups.size() < MAX_GROUPS) {
                    best = new Group(c);
                    groups.add(best);
                    bestD = 0.0;
                }
            }
            slotOf.put(ball.id(), new Slot(best, best.add(ball, bestD)));
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the ball {@code id}; returns whether it was present. */
    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            Slot slot = slotOf.get(id);
            if (slot == null) {
                return false;
            }
            removeSlot(slot);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeSlot(Slot slot) {
        Ball removed = slot.group().balls[slot.index()];
        Ball moved = slot.group().remove(slot.index());
        slotOf.remove(removed.id());
        if (moved != null) {
            slotOf.put(moved.id(), slot);
        }
        size--;
    }

    /** The ball {@code id}, or null. */
    public Ball get(String id) {
        lock.readLock().lock();
        try {
            Slot slot = slotOf.get(id);
            return slot == null ? null : slot.group().balls[slot.index()];
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
            List<Ball> out = new ArrayList<>(size);
            for (Group g : groups) {
                out.addAll(Arrays.asList(g.balls).subList(0, g.size));
            }
            return List.copyOf(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every ball that contains {@code p} (d &lt; radius), exactly, whatever its scope. When the groups not skipped hold
     * at least {@value #PARALLEL_THRESHOLD} balls, they are checked in chunks in parallel on the common fork-join pool.
     */
    public List<Hit> containing(Basin p) {
        BallCodes.Query q = BallCodes.query(p);
        double[] s = p.toSqrtArray();
        lock.readLock().lock();
        try {
            List<Group> near = new ArrayList<>(groups.size());
            int balls = 0;
            for (Group g : groups) {
                if (g.size > 0 && FisherRao.distance(p, g.pivot) < g.reach + PIVOT_SLACK) {
                    near.add(g);
                    balls += g.size;
                }
            }
            List<Hit> hits = new ArrayList<>(2);
            if (balls < PARALLEL_THRESHOLD) {
                for (Group g : near) {
                    containing(p, s, q, g, 0, g.size, hits);
                }
                return hits;
            }
            List<Runnable> tasks = new ArrayList<>();
            List<List<Hit>> parts = new ArrayList<>();
            for (Group g : near) {
                for (int from = 0; from < g.size; from += CHUNK) {
                    int a = from;
                    int b = Math.min(g.size, from + CHUNK);
                    List<Hit> part = new ArrayList<>(2);
                    parts.add(part);
                    tasks.add(() -> containing(p, s, q, g, a, b, part));
                }
            }
            tasks.parallelStream().forEach(Runnable::run);
            parts.forEach(hits::addAll);
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds to {@code hits} the balls in slots [from, to) of g that contain p; the caller holds the read lock. */
    private static void containing(Basin p, double[] s, BallCodes.Query q, Group g, int from, int to, List<Hit> hits) {
        for (int i : g.codes.candidates(q, from, to)) {
            double d = distance(p, s, g, i);
            if (d < g.radius[i]) {
                hits.add(new Hit(g.balls[i], d));
            }
        }
    }

    /** The reference answer: every ball tested by the double-precision Fisher–Rao distance, no pre-filter. */
    public List<Hit> containingByLinearScan(Basin p) {
        List<Hit> hits = new ArrayList<>(2);
        lock.readLock().lock();
        try {
            for (Group g : groups) {
                for (int i = 0; i < g.size; i++) {
                    Ball b = g.balls[i];
                    double d = FisherRao.distance(p, b.center());
                    if (d < b.radius()) {
                        hits.add(new Hit(b, d));
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return hits;
    }

    /**
     * {@link FisherRao#distance}(p, centre of slot i of g), bit for bit, read from the group's contiguous copy of the
     * centres: where that method takes its first pass (chord² ≥ 10⁻⁴ and not near 2) its value is 4·asin(‖s − c‖/2) from
     * the same {@link VectorMath#squaredDistance} of the same numbers, i.e. {@link FisherRao#distanceFromChordSquared};
     * otherwise the method itself is called.
     */
    private static double distance(Basin p, double[] s, Group g, int i) {
        double sq = VectorMath.squaredDistance(s, 0, g.sqrt, i * D);
        if (sq >= FisherRao.CHORD_DIRECT_SQ && sq < 2.0 - FisherRao.DISJOINT_CHECK) {
            return FisherRao.distanceFromChordSquared(sq);
        }
        return FisherRao.distance(p, g.balls[i].center());
    }
}
