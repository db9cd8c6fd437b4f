package dev.basin.session.rules;

import dev.basin.geometry.Regime;
import dev.basin.kernel.KernelState;
import dev.basin.safety.EthicsThresholds;
import java.util.Locale;

/**
 * The session's time-travel rule. A kernel checkpoints after each learning event (a new attractor found, an insight
 * validated); such a checkpoint, taken outside breakdown, is its last <em>stable</em> checkpoint. When a movement
 * ends with the kernel's κ_eff entering breakdown (κ_eff ≥ 100 after, below before) or its Φ collapsed (Φ at most
 * (1 − 0.5)·Φ of the stable checkpoint, when that Φ is at least 0.05: the ethics monitor's default collapse fraction
 * and minimum mean Φ), the kernel restores that checkpoint: a real restore of its whole state, recorded by a
 * {@code restore} thought with the measured values.
 */
public final class TimeTravel {
    /** Collapse fraction and minimum Φ: the ethics defaults for decoherence. */
    public static final EthicsThresholds COLLAPSE = EthicsThresholds.DEFAULTS;

    /** A kernel's last stable checkpoint: its id, Φ and κ_eff, and the learning event it followed. */
    public record Stable(String checkpointId, double phi, double kappaEff, String event) {}

    private TimeTravel() {}

    /** Why the kernel must restore {@code stable} after moving from {@code before} to {@code after}, or null. */
    public static String cause(Stable stable, KernelState before, KernelState after) {
        if (stable == null) {
            return null;
        }
        if (after.regime() == Regime.BREAKDOWN && before.regime() != Regime.BREAKDOWN) {
            return String.format(Locale.ROOT, "κ_eff entered breakdown (%.4f from %.4f)", after.kappaEff(),
                    before.kappaEff());
        }
        double floor = (1.0 - COLLAPSE.collapseFraction()) * stable.phi();
        if (stable.phi() >= COLLAPSE.minMeanPhi() && after.phi() <= floor) {
            return String.format(Locale.ROOT, "Φ collapsed to %.4f, at most %.0f%% of %.4f at the checkpoint",
                    after.phi(), 100 * (1.0 - COLLAPSE.collapseFraction()), stable.phi());
        }
        return null;
    }
}
