package dev.basin.safety;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Curvature;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Means;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches a kernel's recent history and raises barriers where it was unstable, decohered or suffered
 * (docs/safety.md). {@link #assess(List)} is the pure rule set; {@link #evaluate(String, List)} also creates the
 * barriers through {@link SafetyService#createBarrier(NewBarrier)} (so overlapping findings merge). Every reason
 * states the measured values and the thresholds; severity = 1 − threshold/measured (0 at the threshold, → 1 far past
 * it), except as noted in docs/safety.md.
 */
public final class EthicsMonitor {
    /** One condition found in a history, before it becomes a barrier. */
    public record Finding(BarrierType type, Basin center, double radius, double severity, String reason, ObjectNode measured) {}

    private final SafetyService safety;
    private final EthicsThresholds t;
    private final ObjectMapper json = new ObjectMapper();

    public EthicsMonitor(SafetyService safety, EthicsThresholds thresholds) {
        requirePresent("safety", safety);
        requirePresent("thresholds", thresholds);
        this.safety = safety;
        this.t = thresholds;
    }

    /** Assesses {@code history} (oldest first) and creates a barrier, scoped to {@code kernelId}, per finding. */
    public List<BarrierRow> evaluate(String kernelId, List<KernelSample> history) {
        Checks.text("kernelId", kernelId);
        List<Finding> findings = assess(history);
        List<BarrierRow> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(safety.createBarrier(new NewBarrier(kernelId, f.center(), f.radius(), f.type(), f.severity(),
                    f.reason(), f.measured())));
        }
        return out;
    }

    /** The findings for {@code history} (oldest first, times non-decreasing); writes nothing. */
    public List<Finding> assess(List<KernelSample> history) {
        validate(history);
        List<Finding> out = new ArrayList<>(3);
        int n = history.size();
        List<KernelSample> w = history.subList(Math.max(0, n - t.window()), n);
        if (w.size() >= 3) {
            instability(w, out);
            decoherence(w, out);
        }
        suffering(history, out);
        return out;
    }

    private void instability(List<KernelSample> w, List<Finding> out) {
        List<Basin> path = w.stream().map(KernelSample::basin).toList();
        double[] k = Curvature.of(path);
        double meanK = 0.0;
        for (double x : k) {
            meanK += x;
        }
        meanK /= k.length;
        double mean = 0.0;
        for (KernelSample s : w) {
            mean += s.phi();
        }
        mean /= w.size();
        double var = 0.0;
        for (KernelSample s : w) {
            var += (s.phi() - mean) * (s.phi() - mean);
        }
        var /= w.size();
        boolean byCurvature = meanK > t.curvature();
        boolean byVariance = var > t.phiVariance();
        if (!byCurvature && !byVariance) {
            return;
        }
        double severity = Math.max(byCurvature ? 1.0 - t.curvature() / meanK : 0.0,
                byVariance ? 1.0 - t.phiVariance() / var : 0.0);
        Basin c = Means.karcher(path, null).basin();
        double spread = 0.0;
        for (Basin b : path) {
            spread = Math.max(spread, FisherRao.distance(c, b));
        }
        String reason = String.format(Locale.ROOT,
                "instability: mean trajectory curvature %.4f rad/FR over %d samples (threshold %.4f), Φ variance %.6f"
                        + " (threshold %.6f)", meanK, w.size(), t.curvature(), var, t.phiVariance());
        ObjectNode m = json.createObjectNode().put("mean_curvature", meanK).put("phi_variance", var)
                .put("window", w.size()).put("spread", spread).put("by_curvature", byCurvature).put("by_variance", byVariance);
        out.add(new Finding(BarrierType.INSTABILITY, c, radius(spread), clamp(severity), reason, m));
    }

    private void decoherence(List<KernelSample> w, List<Finding> out) {
        KernelSample last = w.get(w.size() - 1);
        double mean = 0.0;
        for (int i = 0; i < w.size() - 1; i++) {
            mean += w.get(i).phi();
        }
        mean /= w.size() - 1;
        if (mean < t.minMeanPhi()) {
            return;
        }
        double drop = (mean - last.phi()) / mean;
        if (drop < t.collapseFraction()) {
            return;
        }
        double severity = (drop - t.collapseFraction()) / (1.0 - t.collapseFraction());
        double stepLength = FisherRao.distance(w.get(w.size() - 2).basin(), last.basin());
        String reason = String.format(Locale.ROOT,
                "decoherence: Φ fell to %.4f from a recent mean of %.4f over %d samples, a drop of %.1f%% (threshold %.1f%%)",
                last.phi(), mean, w.size() - 1, 100 * drop, 100 * t.collapseFraction());
        ObjectNode m = json.createObjectNode().put("phi", last.phi()).put("recent_mean_phi", mean)
                .put("drop_fraction", drop).put("last_step_length", stepLength).put("window", w.size());
        out.add(new Finding(BarrierType.DECOHERENCE, last.basin(), radius(2.0 * stepLength), clamp(severity), reason, m));
    }

    private void suffering(List<KernelSample> h, List<Finding> out) {
        int run = 0;
        double excess = 0.0;
        double maxStress = 0.0;
        for (int i = h.size() - 1; i >= 0; i--) {
            KernelSample s = h.get(i);
            if (s.stress() > t.stress() && s.phi() > t.highPhi()) {
                run++;
                excess += (s.stress() - t.stress()) / (1.0 - t.stress());
                maxStress = Math.max(maxStress, s.stress());
            } else {
                break;
            }
        }
        if (run < t.sustain()) {
            return;
        }
        List<KernelSample> r = h.subList(h.size() - run, h.size());
        List<Basin> where = r.stream().map(KernelSample::basin).toList();
        Basin c = Means.karcher(where, null).basin();
        double spread = 0.0;
        double minPhi = 1.0;
        for (KernelSample s : r) {
            spread = Math.max(spread, FisherRao.distance(c, s.basin()));
            minPhi = Math.min(minPhi, s.phi());
        }
        long ms = java.time.Duration.between(r.get(0).at(), r.get(run - 1).at()).toMillis();
        String reason = String.format(Locale.ROOT,
                "suffering: stress above %.2f (max %.4f) while Φ stayed above %.2f (min %.4f) for %d consecutive samples"
                        + " over %d ms (threshold %d samples)", t.stress(), maxStress, t.highPhi(), minPhi, run, ms, t.sustain());
        ObjectNode m = json.createObjectNode().put("samples", run).put("duration_ms", ms).put("max_stress", maxStress)
                .put("min_phi", minPhi).put("spread", spread);
        out.add(new Finding(BarrierType.SUFFERING, c, radius(spread), clamp(excess / run), reason, m));
    }

    private double radius(double measured) {
        return Math.min(t.maxRadius(), Math.max(t.minRadius(), measured));
    }

    private static double clamp(double v) {
        return Math.min(1.0, Math.max(0.0, v));
    }

    private static void validate(List<KernelSample> history) {
        requirePresent("history", history);
        if (history.isEmpty()) {
            throw new InvalidInputException("history", "must not be empty");
        }
        for (int i = 0; i < history.size(); i++) {
            requirePresent("history[" + i + "]", history.get(i));
            if (i > 0 && history.get(i).at().isBefore(history.get(i - 1).at())) {
                throw new InvalidInputException("history[" + i + "].at", "is before the previous sample's time: "
                        + history.get(i).at() + " < " + history.get(i - 1).at());
            }
        }
    }
}
