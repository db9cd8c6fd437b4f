package dev.basin.kernel;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;
import static dev.basin.store.Rows.json;

import dev.basin.navigation.NavigationQueries;
import dev.basin.navigation.PhiSample;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Kernels and what they recorded, for readers (REST listings, the dashboard): pages of kernels and of a kernel's
 * emotions and thoughts, the latest thoughts, the emotional mix, and Φ/κ_eff over time. Every read is bounded (a page
 * is {@code limit} in [1, 10000] rows from {@code offset} ≥ 0) and runs on an index.
 */
public final class KernelHistory {
    private static final String EMOTION_COLUMNS = "emotion_id, kernel_id, " + String.join(", ", emotionNames())
            + ", phi, kappa_eff, trigger, recorded_at, metadata";
    private static final String THOUGHT_COLUMNS = KernelTables.THOUGHTS.columnList();

    private final Store store;
    private final NavigationQueries navigation;

    public KernelHistory(Store store) {
        this.store = store;
        this.navigation = new NavigationQueries(store.jdbi());
    }

    /** Kernels, newest first. */
    public List<KernelRow> kernels(int limit, int offset) {
        return store.jdbi().withHandle(h -> kernels(h, limit, offset));
    }

    /** A kernel's emotion rows, newest first. */
    public List<EmotionRow> emotions(String kernelId, int limit, int offset) {
        return store.jdbi().withHandle(h -> emotions(h, kernelId, limit, offset));
    }

    /** A kernel's thoughts, newest first. */
    public List<ThoughtRow> thoughts(String kernelId, int limit, int offset) {
        return store.jdbi().withHandle(h -> thoughts(h, kernelId, limit, offset));
    }

    /** The latest {@code n} thoughts of every kernel, newest first. */
    public List<ThoughtRow> latestThoughts(int n) {
        return store.jdbi().withHandle(h -> latestThoughts(h, n));
    }

    /** Mean intensities and dominance counts over the latest {@code n} emotion rows of every kernel. */
    public EmotionMix emotionMix(int n) {
        return store.jdbi().withHandle(h -> mix(h, n));
    }

    /**
     * Φ and κ_eff over time of the {@code kernels} most recently updated kernels: per kernel its latest
     * {@code perKernel} samples from waypoints, emotion rows and checkpoints together, oldest first, or its current
     * state when it has none.
     */
    public List<PhiHistory> phiHistories(int kernels, int perKernel) {
        List<KernelRow> recent = store.jdbi().withHandle(h -> recentlyUpdated(h, kernels));
        List<String> ids = recent.stream().map(KernelRow::kernelId).toList();
        Map<String, List<PhiSample>> byKernel = new LinkedHashMap<>();
        ids.forEach(id -> byKernel.put(id, new ArrayList<>()));
        if (!ids.isEmpty()) {
            navigation.phiSamples(ids, perKernel).forEach(s -> byKernel.get(s.kernelId()).add(s));
            store.jdbi().withHandle(h -> phiSamples(h, ids, perKernel)).forEach(s -> byKernel.get(s.kernelId()).add(s));
        }
        List<PhiHistory> out = new ArrayList<>();
        for (KernelRow k : recent) {
            List<PhiSample> all = byKernel.get(k.kernelId());
            all.sort(Comparator.comparing(PhiSample::at).reversed());
            List<PhiSample> kept = new ArrayList<>(all.subList(0, Math.min(perKernel, all.size())));
            if (kept.isEmpty()) {
                kept.add(new PhiSample(k.kernelId(), k.updatedAt(), k.state().phi(), k.state().kappaEff()));
            }
            Collections.reverse(kept);
            out.add(new PhiHistory(k.kernelId(), k.name(), kept));
        }
        out.sort(Comparator.comparing(PhiHistory::kernelId));
        return out;
    }

    /** Kernels, newest first. */
    private List<KernelRow> kernels(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + KernelQueries.KERNEL_COLUMNS + " FROM kernels ORDER BY created_at DESC, kernel_id", limit, offset)
                .map(KernelQueries::kernelRow).list();
    }

    /** The {@code n} most recently updated kernels. */
    private List<KernelRow> recentlyUpdated(Handle h, int n) {
        Rows.checkPage(n, 0);
        return h.createQuery("SELECT " + KernelQueries.KERNEL_COLUMNS + " FROM kernels ORDER BY updated_at DESC, kernel_id"
                        + " LIMIT :n")
                .bind("n", n).map(KernelQueries::kernelRow).list();
    }

    /** A kernel's emotion rows, newest first. */
    private List<EmotionRow> emotions(Handle h, String kernelId, int limit, int offset) {
        return Rows.page(h, "SELECT " + EMOTION_COLUMNS + " FROM kernel_emotions WHERE kernel_id = :k"
                        + " ORDER BY recorded_at DESC, emotion_id", limit, offset)
                .bind("k", kernelId).map((rs, ctx) -> emotion(rs)).list();
    }

    /** A kernel's thoughts, newest first. */
    private List<ThoughtRow> thoughts(Handle h, String kernelId, int limit, int offset) {
        return Rows.page(h, "SELECT " + THOUGHT_COLUMNS + " FROM kernel_thoughts WHERE kernel_id = :k"
                        + " ORDER BY created_at DESC, thought_id", limit, offset)
                .bind("k", kernelId).map((rs, ctx) -> thought(rs)).list();
    }

    /** The latest {@code n} thoughts of every kernel, newest first. */
    private List<ThoughtRow> latestThoughts(Handle h, int n) {
        Rows.checkPage(n, 0);
        return h.createQuery("SELECT " + THOUGHT_COLUMNS + " FROM kernel_thoughts ORDER BY created_at DESC, thought_id"
                        + " LIMIT :n")
                .bind("n", n).map((rs, ctx) -> thought(rs)).list();
    }

    /** Mean intensities and dominance counts over the latest {@code n} emotion rows of every kernel. */
    private EmotionMix mix(Handle h, int n) {
        Rows.checkPage(n, 0);
        StringBuilder cols = new StringBuilder("count(*)");
        for (String e : emotionNames()) {
            cols.append(", coalesce(avg(").append(e).append("), 0)");
        }
        String latest = "(SELECT * FROM kernel_emotions ORDER BY recorded_at DESC LIMIT :n) e";
        Map<String, Double> mean = new LinkedHashMap<>();
        long records = h.createQuery("SELECT " + cols + " FROM " + latest).bind("n", n).map((rs, c) -> {
            List<String> names = emotionNames();
            for (int i = 0; i < names.size(); i++) {
                mean.put(names.get(i), rs.getDouble(i + 2));
            }
            return rs.getLong(1);
        }).one();
        Map<String, Long> dominant = new LinkedHashMap<>();
        emotionNames().forEach(e -> dominant.put(e, 0L));
        h.createQuery("SELECT dominant_emotion, count(*) FROM " + latest + " GROUP BY 1").bind("n", n)
                .map((rs, c) -> dominant.put(rs.getString(1), rs.getLong(2))).list();
        return new EmotionMix(records, mean, dominant);
    }

    /** Φ and κ_eff of the latest {@code perKernel} emotion rows and checkpoints of each of {@code kernelIds}. */
    private List<PhiSample> phiSamples(Handle h, List<String> kernelIds, int perKernel) {
        Rows.checkPage(perKernel, 0);
        return h.createQuery("SELECT k.id, s.t, s.phi, s.kappa_eff FROM unnest(:ids) AS k(id) CROSS JOIN LATERAL ("
                        + " (SELECT recorded_at AS t, phi, kappa_eff FROM kernel_emotions WHERE kernel_id = k.id"
                        + " ORDER BY recorded_at DESC LIMIT :n) UNION ALL"
                        + " (SELECT created_at, phi, kappa_eff FROM kernel_checkpoints WHERE kernel_id = k.id"
                        + " ORDER BY created_at DESC LIMIT :n)) s")
                .bindArray("ids", String.class, kernelIds).bind("n", perKernel)
                .map((rs, ctx) -> new PhiSample(rs.getString(1), instant(rs, "t"), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    private EmotionRow emotion(ResultSet rs) throws SQLException {
        List<String> names = emotionNames();
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getDouble(names.get(i));
        }
        return new EmotionRow(rs.getString("emotion_id"), rs.getString("kernel_id"), new EmotionVector(v),
                rs.getDouble("phi"), rs.getDouble("kappa_eff"), Rows.stored(rs, "trigger", EmotionTrigger.class),
                instant(rs, "recorded_at"), json(rs, "metadata"));
    }

    private ThoughtRow thought(ResultSet rs) throws SQLException {
        return new ThoughtRow(rs.getString("thought_id"), rs.getString("kernel_id"), rs.getString("thought_content"),
                Rows.stored(rs, "thought_type", ThoughtType.class),
                Rows.stored(rs, "event", ThoughtEvent.class),
                rs.getDouble("phi"), rs.getDouble("kappa_eff"), basin(rs, "basin_coordinates"),
                KernelQueries.emotions(json(rs, "emotional_context")), rs.getString("related_id"),
                instant(rs, "created_at"), json(rs, "metadata"));
    }

    private static List<String> emotionNames() {
        return java.util.Arrays.stream(Emotion.values()).map(Emotion::sqlName).toList();
    }
}
