package dev.basin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.BasinEngine;
import dev.basin.attractors.AttractorRow;
import dev.basin.attractors.AttractorService;
import dev.basin.coordizer.BasinTopics;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.ThoughtService;
import dev.basin.knowledge.CrossPatternRow;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.geometry.Basin;
import dev.basin.kernel.EmotionMix;
import dev.basin.kernel.KernelHistory;
import dev.basin.kernel.PhiHistory;
import dev.basin.navigation.NavigationQueries;
import dev.basin.navigation.PhiSample;
import dev.basin.navigation.TrajectoryRow;
import dev.basin.safety.SafetyQueries;
import dev.basin.store.DatabaseProbe;
import dev.basin.tools.InsightRow;
import dev.basin.tools.InsightService;
import dev.basin.tools.OutcomeRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboard panels, each composed from what the features answer (no SQL here): row counts of every table from the
 * store's probe, Φ and κ_eff over time and the emotional mix from the kernel feature, trajectories from navigation,
 * forbidden balls from safety, the latest thoughts and insights, the kernels' and cross patterns' topics. Every
 * read is bounded.
 */
final class DashboardPanels {
    static final int KERNELS = 12;
    static final int POINTS_PER_KERNEL = 400;
    static final int TRAJECTORIES = 40;
    static final int POINTS_PER_TRAJECTORY = 120;
    static final int RECENT = 20;
    static final int EMOTION_RECORDS = 500;
    static final int BARRIERS = 200;
    static final int REGIONS = 100;
    /** A cross pattern found over members of no known model (not over the documents) carries no topics. */
    static final String NOT_NAMED = "topics not named (members of no known coordizer model)";

    private final DatabaseProbe probe;
    private final KernelHistory kernels;
    private final NavigationQueries navigation;
    private final SafetyQueries safety;
    private final InsightService insights;
    private final ThoughtService thoughts;
    private final AttractorService attractors;
    private final CrossPatternService crossPatterns;

    DashboardPanels(BasinEngine engine) {
        this.thoughts = engine.thoughts();
        this.attractors = engine.attractors();
        this.crossPatterns = engine.crossPatterns();
        this.probe = new DatabaseProbe(engine.store());
        this.kernels = engine.kernelFeature().history();
        this.navigation = engine.ocean().queries();
        this.safety = engine.safety().queries();
        this.insights = engine.insights();
    }

    /** Exact row counts of every table of the schema. */
    Map<String, Long> rowCounts() {
        return probe.rowCounts();
    }

    /**
     * Φ and κ_eff over time for the most recently updated kernels, from their waypoints, emotions, checkpoints and
     * current state, aligned on one time axis (seconds since the epoch; null where a kernel has no sample).
     */
    Map<String, Object> kernelSeries() {
        List<PhiHistory> histories = kernels.phiHistories(KERNELS, POINTS_PER_KERNEL);
        List<PhiSample> rows = histories.stream().flatMap(h -> h.samples().stream()).toList();
        TreeMap<Double, Integer> axis = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        histories.forEach(h -> names.put(h.kernelId(), h.name()));
        for (PhiSample s : rows) {
            axis.put(seconds(s.at()), 0);
        }
        int i = 0;
        for (Map.Entry<Double, Integer> e : axis.entrySet()) {
            e.setValue(i++);
        }
        Map<String, Double[]> phi = new LinkedHashMap<>();
        Map<String, Double[]> kappa = new LinkedHashMap<>();
        for (PhiSample s : rows) {
            int at = axis.get(seconds(s.at()));
            phi.computeIfAbsent(s.kernelId(), k -> new Double[axis.size()])[at] = s.phi();
            kappa.computeIfAbsent(s.kernelId(), k -> new Double[axis.size()])[at] = s.kappaEff();
        }
        List<Map<String, Object>> kernels = new ArrayList<>();
        for (String id : names.keySet()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("kernelId", id);
            k.put("name", names.get(id));
            k.put("phi", phi.get(id));
            k.put("kappaEff", kappa.get(id));
            kernels.add(k);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", new ArrayList<>(axis.keySet()));
        out.put("kernels", kernels);
        out.put("samples", rows.size());
        return out;
    }

    /** Mean intensity of the nine emotions over the latest 500 records, and how often each dominated. */
    Map<String, Object> emotionMix() {
        EmotionMix mix = kernels.emotionMix(EMOTION_RECORDS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", mix.records());
        out.put("mean", mix.mean());
        out.put("dominant", mix.dominant());
        return out;
    }

    /** The latest trajectories projected to 2-D, and the active forbidden balls drawn as disks. */
    Map<String, Object> trajectories() {
        List<Map<String, Object>> paths = new ArrayList<>();
        for (TrajectoryRow t : navigation.listTrajectories(null, TRAJECTORIES, 0)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trajectoryId", t.trajectoryId());
            m.put("agentId", t.agentId());
            m.put("status", t.status().sqlName());
            m.put("points", project(t.path() == null ? List.of(t.start()) : t.path()));
            m.put("target", Projection.of(t.target()));
            paths.add(m);
        }
        List<Map<String, Object>> balls = new ArrayList<>();
        safety.listBarriers(true, BARRIERS, 0).forEach(b -> balls.add(ball("geometric_barriers", b.barrierId(),
                b.type().sqlName(), b.center(), b.radius())));
        safety.listRegions(null, true, REGIONS, 0).forEach(x -> balls.add(ball("ocean_excluded_regions", x.regionId(),
                x.reason().sqlName(), x.center(), x.radius())));
        safety.listEras(true, REGIONS, 0).forEach(e -> balls.add(ball("era_exclusions", e.exclusionId(), "era",
                e.center(), e.radius())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("projection", "x = <sqrt(p), u1>, y = <sqrt(p), u2>, u1_i = cos(2 pi i/64)/sqrt(32), u2_i = sin(2 pi i/64)/sqrt(32)");
        out.put("trajectories", paths);
        out.put("barriers", balls);
        return out;
    }

    /** The latest thoughts and lightning insights (with their outcome when measured), shaped as their REST resources. */
    Map<String, Object> recent() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("thoughts", kernels.latestThoughts(RECENT).stream().map(KernelRoutes::thought).toList());
        List<InsightRow> latest = insights.insights(RECENT, 0);
        Map<String, OutcomeRow> outcomes = insights.outcomes(latest);
        out.put("insights", latest.stream().map(i -> ToolRoutes.insight(i, outcomes.get(i.insightId()))).toList());
        return out;
    }

    /**
     * Where the newest kernels are, in words: each kernel's basin and its strongest stable attractor named by their
     * strongest topics under the kernel's own coordizer model (docs/coordizer.md), and the latest cross patterns with
     * the topics of their signature as stored when they were found.
     */
    Map<String, Object> topics() {
        List<Map<String, Object>> ks = new ArrayList<>();
        for (KernelRow k : kernels.kernels(KERNELS, 0)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kernelId", k.kernelId());
            m.put("name", k.name());
            m.put("phi", k.state().phi());
            m.put("topics", named(k, k.state().basin()));
            Optional<AttractorRow> strongest = attractors.strongest(k.kernelId());
            m.put("attractorId", strongest.map(AttractorRow::attractorId).orElse(null));
            m.put("attractorTopics", strongest.map(a -> named(k, a.basin())).orElse(null));
            ks.add(m);
        }
        List<Map<String, Object>> ps = new ArrayList<>();
        for (CrossPatternRow p : crossPatterns.patterns(RECENT, 0)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("patternId", p.patternId());
            m.put("patternType", p.patternType());
            m.put("domains", p.involvedDomains());
            m.put("confidence", p.confidence());
            JsonNode t = p.metadata() == null ? null : p.metadata().get("topics");
            m.put("topics", t == null ? NOT_NAMED : t.get("text").asText());
            ps.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kernels", ks);
        out.put("crossPatterns", ps);
        return out;
    }

    private String named(KernelRow k, Basin b) {
        return thoughts.topics(k, b).map(BasinTopics::text).orElse(ThoughtService.UNRECORDED);
    }

    private static Map<String, Object> ball(String table, String id, String kind, Basin centre, double radius) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("table", table);
        b.put("id", id);
        b.put("kind", kind);
        b.put("center", Projection.of(centre));
        b.put("radiusFr", radius);
        b.put("radius2d", Projection.shadowRadius(radius));
        return b;
    }

    private static List<double[]> project(List<Basin> path) {
        int n = path.size();
        int stride = Math.max(1, (n + POINTS_PER_TRAJECTORY - 1) / POINTS_PER_TRAJECTORY);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            out.add(Projection.of(path.get(i)));
        }
        if ((n - 1) % stride != 0) {
            out.add(Projection.of(path.get(n - 1)));
        }
        return out;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
