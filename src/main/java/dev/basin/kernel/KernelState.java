package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;

/**
 * Everything that defines a kernel at a moment and that a checkpoint restores: position, Φ, κ, κ_eff and regime,
 * neurotransmitters, the last emotion vector, life status, step counter and RNG state. Immutable.
 */
public record KernelState(
        Basin basin,
        double phi,
        double kappa,
        double kappaEff,
        Regime regime,
        Neurotransmitters neurotransmitters,
        EmotionVector emotions,
        KernelStatus status,
        long stepCount,
        long rngState) {

    public KernelState {
        requirePresent("basin", basin);
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
        if (!Double.isFinite(kappa) || kappa < 0.0) {
            throw new InvalidInputException("kappa", "must be finite and ≥ 0, is " + kappa);
        }
        if (!Double.isFinite(kappaEff) || kappaEff < 0.0) {
            throw new InvalidInputException("kappa_eff", "must be finite and ≥ 0, is " + kappaEff);
        }
        if (regime == null || neurotransmitters == null || emotions == null || status == null) {
            throw new InvalidInputException("state", "regime, neurotransmitters, emotions and status are required");
        }
        if (stepCount < 0) {
            throw new InvalidInputException("step_count", "must be ≥ 0, is " + stepCount);
        }
        phi += 0.0;
        kappa += 0.0;
        kappaEff += 0.0;
    }

    /** A copy at another place and step, with Φ, κ_eff, regime derived from the inputs. */
    public KernelState with(Basin newBasin, double newPhi, double newKappa, Neurotransmitters nt, double newKappaEff,
            EmotionVector e, long steps, long rng) {
        return new KernelState(newBasin, newPhi, newKappa, newKappaEff, Regime.of(newKappaEff), nt, e, status, steps,
                rng);
    }

    public KernelState withStatus(KernelStatus s) {
        return new KernelState(basin, phi, kappa, kappaEff, regime, neurotransmitters, emotions, s, stepCount,
                rngState);
    }

    public KernelState withEmotions(EmotionVector e) {
        return new KernelState(basin, phi, kappa, kappaEff, regime, neurotransmitters, e, status, stepCount, rngState);
    }
}
