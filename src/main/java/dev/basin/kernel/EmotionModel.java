package dev.basin.kernel;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Curvature;
import dev.basin.geometry.FisherRao;
import java.util.List;

/**
 * The nine emotions as continuous functions of trajectory features (every one can dominate; no rule chain).
 *
 * <p>Features of a window x₀…xₙ with Φ and κ_eff at each point (pos(x) = max(0, x)):
 * <ul>
 *   <li>approach a = (d(x₀,target) − d(xₙ,target)) / L ∈ [−1, 1], L the path length Σd(xᵢ,xᵢ₊₁) (0 when L = 0 or no
 *       target);</li>
 *   <li>motion m = 1 − exp(−(L/n)/{@value #STEP_SCALE});</li>
 *   <li>curvature C = 1 − exp(−κ̄/{@value #CURVATURE_SCALE}), κ̄ the mean discrete trajectory curvature;</li>
 *   <li>spike S = 1 − exp(−pos(κₙ₋₁ − μ)/({@value #SPIKE_SCALE} + 2μ)), κₙ₋₁ the curvature at the last interior
 *       point and μ the mean of the earlier ones;</li>
 *   <li>stability st = exp(−(sd(Φ)/{@value #PHI_SD_SCALE} + sd(κ_eff)/{@value #KAPPA_SD_SCALE}));</li>
 *   <li>rise r = tanh((Φₙ − Φ₀)/{@value #PHI_RISE_SCALE});</li>
 *   <li>efficiency e = d(x₀,xₙ)/L (1 when L = 0); blocked b ∈ {0, 1}.</li>
 * </ul>
 * Emotions: joy = pos(a)·pos(r)·(1−b); anticipation = pos(a)·(1−C)·(1−pos(r))·(1−b);
 * sadness = pos(−r)·(1−C)·(1−pos(a)); fear = max(pos(−a)·(C + 1 − st)/2, b·(1 − st));
 * anger = b·(0.4 + 0.6·st); surprise = S; disgust = pos(−a)·(1−C)·st; confusion = m·(1−e)·(1−|a|);
 * trust = st·(1−m)·(1−b).
 */
public final class EmotionModel {
    static final double STEP_SCALE = 0.02;
    static final double CURVATURE_SCALE = 5.0;
    static final double SPIKE_SCALE = 5.0;
    static final double PHI_SD_SCALE = 0.05;
    static final double KAPPA_SD_SCALE = 5.0;
    static final double PHI_RISE_SCALE = 0.05;

    /** The measured features, kept with each emotion row. */
    public record Features(double approach, double pathLength, double motion, double meanCurvature,
            double curvature, double spike, double phiSd, double kappaSd, double stability, double phiChange,
            double rise, double efficiency, boolean blocked) {}

    /** Emotions and the features they came from. */
    public record Reading(EmotionVector emotions, Features features) {}

    private EmotionModel() {}

    public static Reading read(TrajectoryWindow w) {
        List<Basin> x = w.points();
        int n = x.size() - 1;
        double length = 0.0;
        for (int i = 0; i < n; i++) {
            length += FisherRao.distance(x.get(i), x.get(i + 1));
        }
        double approach = 0.0;
        if (w.target() != null && length > 0.0) {
            approach = clamp((FisherRao.distance(x.get(0), w.target()) - FisherRao.distance(x.get(n), w.target()))
                    / length, -1.0, 1.0);
        }
        double motion = n == 0 ? 0.0 : 1.0 - Math.exp(-(length / n) / STEP_SCALE);
        double[] k = Curvature.of(x);
        double meanK = mean(k, 0, k.length);
        double curvature = 1.0 - Math.exp(-meanK / CURVATURE_SCALE);
        double spike = 0.0;
        if (k.length >= 2) {
            double mu = mean(k, 0, k.length - 1);
            spike = 1.0 - Math.exp(-Math.max(0.0, k[k.length - 1] - mu) / (SPIKE_SCALE + 2.0 * mu));
        }
        double[] phis = w.phis();
        double phiSd = sd(phis);
        double kappaSd = sd(w.kappaEffs());
        double stability = Math.exp(-(phiSd / PHI_SD_SCALE + kappaSd / KAPPA_SD_SCALE));
        double phiChange = phis[n] - phis[0];
        double rise = Math.tanh(phiChange / PHI_RISE_SCALE);
        double efficiency = length > 0.0 ? clamp(FisherRao.distance(x.get(0), x.get(n)) / length, 0.0, 1.0) : 1.0;
        double b = w.blocked() ? 1.0 : 0.0;

        double[] e = new double[9];
        e[Emotion.JOY.ordinal()] = pos(approach) * pos(rise) * (1 - b);
        e[Emotion.ANTICIPATION.ordinal()] = pos(approach) * (1 - curvature) * (1 - pos(rise)) * (1 - b);
        e[Emotion.SADNESS.ordinal()] = pos(-rise) * (1 - curvature) * (1 - pos(approach));
        e[Emotion.FEAR.ordinal()] = Math.max(pos(-approach) * (curvature + 1 - stability) / 2, b * (1 - stability));
        e[Emotion.ANGER.ordinal()] = b * (0.4 + 0.6 * stability);
        e[Emotion.SURPRISE.ordinal()] = spike;
        e[Emotion.DISGUST.ordinal()] = pos(-approach) * (1 - curvature) * stability;
        e[Emotion.CONFUSION.ordinal()] = motion * (1 - efficiency) * (1 - Math.abs(approach));
        e[Emotion.TRUST.ordinal()] = stability * (1 - motion) * (1 - b);
        for (int i = 0; i < e.length; i++) {
            e[i] = clamp(e[i], 0.0, 1.0);
        }
        return new Reading(new EmotionVector(e), new Features(approach, length, motion, meanK, curvature, spike,
                phiSd, kappaSd, stability, phiChange, rise, efficiency, w.blocked()));
    }

    private static double pos(double v) {
        return Math.max(0.0, v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double mean(double[] a, int from, int to) {
        if (to <= from) {
            return 0.0;
        }
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s / (to - from);
    }

    private static double sd(double[] a) {
        double m = mean(a, 0, a.length);
        double s = 0.0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / a.length);
    }
}
