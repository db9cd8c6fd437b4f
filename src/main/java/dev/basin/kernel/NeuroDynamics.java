package dev.basin.kernel;

/**
 * One step of neurotransmitter dynamics; every level relaxes toward 0.5 at rate 0.1 and is clamped to [0, 1]:
 * <ul>
 *   <li>dopamine += 2·ΔΦ (reward is integration gained);</li>
 *   <li>norepinephrine += 0.2 when the step was blocked (arousal);</li>
 *   <li>GABA += 0.1 on arrival (inhibition: settle at the goal);</li>
 *   <li>serotonin += 0.1·(1 − |ΔΦ|/0.05) clipped to ±0.1 (steadiness of Φ);</li>
 *   <li>acetylcholine += 0.1·(u − 0.5), u ~ U[0,1) from the kernel's RNG (attention noise).</li>
 * </ul>
 */
final class NeuroDynamics {
    static final double RELAX = 0.1;

    private NeuroDynamics() {}

    static Neurotransmitters next(Neurotransmitters n, double deltaPhi, boolean blocked, boolean arrived, double u) {
        double serotoninPush = Math.max(-0.1, Math.min(0.1, 0.1 * (1.0 - Math.abs(deltaPhi) / 0.05)));
        return new Neurotransmitters(
                level(relax(n.dopamine()) + 2.0 * deltaPhi),
                level(relax(n.serotonin()) + serotoninPush),
                level(relax(n.norepinephrine()) + (blocked ? 0.2 : 0.0)),
                level(relax(n.gaba()) + (arrived ? 0.1 : 0.0)),
                level(relax(n.acetylcholine()) + 0.1 * (u - 0.5)));
    }

    private static double relax(double v) {
        return v + RELAX * (0.5 - v);
    }

    private static double level(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
