package dev.basin.rag;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact Fisher–Rao k-nearest chunks in memory. Since d = 4·asin(‖s−t‖/2) is decreasing in ⟨s,t⟩ on the sphere of
 * square-root coordinates, the nearest chunks are those with the largest inner product ⟨√p, √q⟩; the scan runs over
 * one flat array of √-coordinates and the k winners get their distance in double precision. Thread-safe; adding a
 * chunk id twice is a no-op (a reload may race with an ingest that adds its own chunks).
 */
final class ChunkIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<IndexedChunk> entries = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private double[] sqrt = new double[Basin.DIM * 64];

    void add(List<IndexedChunk> chunks) {
        lock.writeLock().lock();
        try {
            for (IndexedChunk c : chunks) {
                if (!ids.add(c.chunkId())) {
                    continue;
                }
                int n = entries.size();
                if ((n + 1) * Basin.DIM > sqrt.length) {
                    sqrt = Arrays.copyOf(sqrt, sqrt.length * 2);
                }
                c.basin().copySqrtTo(sqrt, n * Basin.DIM);
                entries.add(c);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            entries.clear();
            ids.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    List<IndexedChunk> snapshot() {
        lock.readLock().lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The models whose chunks the index holds, in name order. */
    java.util.SortedSet<String> models() {
        lock.readLock().lock();
        try {
            java.util.SortedSet<String> out = new java.util.TreeSet<>();
            for (IndexedChunk c : entries) {
                out.add(c.embeddingModel());
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The {@code k} nearest chunks coordized by {@code model}, nearest first; ties broken by chunk id so the answer is
     * deterministic. Chunks of other models are never compared with the query.
     */
    List<ChunkHit> nearest(Basin query, String model, int k) {
        double[] q = query.toSqrtArray();
        lock.readLock().lock();
        try {
            int n = entries.size();
            // min-heap on (dot, then reverse id) keeps the k best
            PriorityQueue<double[]> heap = new PriorityQueue<>(Math.min(k, Math.max(n, 1)) + 1, (a, b) -> {
                int c = Double.compare(a[0], b[0]);
                return c != 0 ? c : entries.get((int) b[1]).chunkId().compareTo(entries.get((int) a[1]).chunkId());
            });
            for (int i = 0; i < n; i++) {
                if (!entries.get(i).embeddingModel().equals(model)) {
                    continue;
                }
                int o = i * Basin.DIM;
                double dot = 0.0;
                for (int j = 0; j < Basin.DIM; j++) {
                    dot += q[j] * sqrt[o + j];
                }
                heap.add(new double[] {dot, i});
                if (heap.size() > k) {
                    heap.poll();
                }
            }
            List<ChunkHit> hits = new ArrayList<>(heap.size());
            for (double[] e : heap) {
                IndexedChunk c = entries.get((int) e[1]);
                hits.add(new ChunkHit(c.chunkId(), c.uploadId(), c.ordinal(), c.content(), c.basin(),
                        FisherRao.distance(query, c.basin())));
            }
            hits.sort((a, b) -> {
                int c = Double.compare(a.distance(), b.distance());
                return c != 0 ? c : a.chunkId().compareTo(b.chunkId());
            });
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }
}
