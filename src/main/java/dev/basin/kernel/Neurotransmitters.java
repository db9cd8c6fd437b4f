package dev.basin.kernel;

import dev.basin.geometry.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's neurotransmitter levels, each in [0, 1]. Norepinephrine and GABA set the effective coupling
 * (κ_eff = κ·(1 + 0.2·NE)·(1 − 0.15·GABA)); dopamine, serotonin and acetylcholine are carried as state and move with
 * reward, stability and attention (see docs/kernel.md).
 */
public record Neurotransmitters(double dopamine, double serotonin, double norepinephrine, double gaba,
        double acetylcholine) {
    public Neurotransmitters {
        check("dopamine", dopamine);
        check("serotonin", serotonin);
        check("norepinephrine", norepinephrine);
        check("gaba", gaba);
        check("acetylcholine", acetylcholine);
        dopamine += 0.0;
        serotonin += 0.0;
        norepinephrine += 0.0;
        gaba += 0.0;
        acetylcholine += 0.0;
    }

    /** Resting levels: 0.5 each. */
    public static Neurotransmitters resting() {
        return new Neurotransmitters(0.5, 0.5, 0.5, 0.5, 0.5);
    }

    /** The five levels by name, in a fixed order (the JSON of the {@code neurotransmitters} column). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("dopamine", dopamine);
        m.put("serotonin", serotonin);
        m.put("norepinephrine", norepinephrine);
        m.put("gaba", gaba);
        m.put("acetylcholine", acetylcholine);
        return m;
    }

    private static void check(String field, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new InvalidInputException("neurotransmitters." + field, "must be in [0, 1], is " + v);
        }
    }
}
