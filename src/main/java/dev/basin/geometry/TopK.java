package dev.basin.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scan state of {@link SqrtIndex}: the k largest inner products seen (a min-heap), plus every other index whose inner
 * product came within 2·err of the heap minimum when it was rejected (err bounds the rounding error of the inner
 * products): those may still be among the nearest once distances are computed exactly. Not thread-safe; one per
 * chunk, merged at the end.
 */
final class TopK {
    private final int k;
    private final double err;
    private final double[] dots;
    private final int[] idx;
    private int n;
    private int[] near = new int[8];
    private double[] nearDots = new double[8];
    private int nearCount;

    TopK(int k, double err) {
        this.k = k;
        this.err = err;
        this.dots = new double[k];
        this.idx = new int[k];
    }

    void offer(double dot, int index) {
        if (n < k) {
            dots[n] = dot;
            idx[n] = index;
            siftUp(n++);
            return;
        }
        if (dot > dots[0]) {
            double outDot = dots[0];
            int out = idx[0];
            dots[0] = dot;
            idx[0] = index;
            siftDown(0);
            keepIfNear(outDot, out);
        } else {
            keepIfNear(dot, index);
        }
    }

    private void keepIfNear(double dot, int index) {
        if (dot < dots[0] - 2 * err) {
            return;
        }
        if (nearCount == near.length) {
            prune();
            if (nearCount == near.length) {
                near = Arrays.copyOf(near, nearCount * 2);
                nearDots = Arrays.copyOf(nearDots, nearCount * 2);
            }
        }
        near[nearCount] = index;
        nearDots[nearCount++] = dot;
    }

    private void prune() {
        double t = dots[0] - 2 * err;
        int m = 0;
        for (int i = 0; i < nearCount; i++) {
            if (nearDots[i] >= t) {
                near[m] = near[i];
                nearDots[m++] = nearDots[i];
            }
        }
        nearCount = m;
    }

    double minDot() {
        return n < k ? Double.NEGATIVE_INFINITY : dots[0];
    }

    TopK merge(TopK other) {
        for (int i = 0; i < other.n; i++) {
            offer(other.dots[i], other.idx[i]);
        }
        for (int i = 0; i < other.nearCount; i++) {
            keepIfNear(other.nearDots[i], other.near[i]);
        }
        return this;
    }

    int[] candidatesAbove(double threshold) {
        List<Integer> r = new ArrayList<>(n + nearCount);
        for (int i = 0; i < n; i++) {
            r.add(idx[i]);
        }
        for (int i = 0; i < nearCount; i++) {
            if (nearDots[i] >= threshold) {
                r.add(near[i]);
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < n && less(l, m)) {
                m = l;
            }
            if (r < n && less(r, m)) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    /** Heap order: smaller dot first; among equal dots the larger index is "smaller" so lower indices survive. */
    private boolean less(int a, int b) {
        return dots[a] < dots[b] || (dots[a] == dots[b] && idx[a] > idx[b]);
    }

    private void swap(int a, int b) {
        double d = dots[a];
        dots[a] = dots[b];
        dots[b] = d;
        int t = idx[a];
        idx[a] = idx[b];
        idx[b] = t;
    }
}
