package dev.basin.kernel;

import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.Regime;
import java.util.SplittableRandom;

/** Random kernel states covering awkward doubles (exact zeros, subnormals, values near 1). */
final class RandomStates {
    private RandomStates() {}

    static double unit(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            case 2 -> Double.MIN_VALUE;
            case 3 -> Math.nextDown(1.0);
            case 4 -> r.nextDouble() * 1e-300;
            default -> r.nextDouble();
        };
    }

    static Basin basin(SplittableRandom r) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextInt(8) == 0 ? 0.0 : -Math.log(1.0 - r.nextDouble()) * (r.nextInt(10) == 0 ? 1e-12 : 1.0);
        }
        w[r.nextInt(Basin.DIM)] += 1.0;
        return Basin.normalize(w);
    }

    static KernelState state(SplittableRandom r) {
        Neurotransmitters nt = new Neurotransmitters(unit(r), unit(r), unit(r), unit(r), unit(r));
        double kappa = r.nextDouble() * 150.0;
        double kEff = Coupling.kappaEff(kappa, nt.norepinephrine(), nt.gaba());
        double[] e = new double[9];
        for (int i = 0; i < 9; i++) {
            e[i] = unit(r);
        }
        return new KernelState(basin(r), unit(r), kappa, kEff, Regime.of(kEff), nt, new EmotionVector(e),
                KernelStatus.values()[r.nextInt(3)], r.nextLong(Long.MAX_VALUE), r.nextLong());
    }

    /** Every number of the state as raw bits, for bit-for-bit comparison. */
    static long[] bits(KernelState s) {
        long[] out = new long[64 + 3 + 5 + 9 + 2 + 2];
        int o = 0;
        for (double v : s.basin().toArray()) {
            out[o++] = Double.doubleToRawLongBits(v);
        }
        out[o++] = Double.doubleToRawLongBits(s.phi());
        out[o++] = Double.doubleToRawLongBits(s.kappa());
        out[o++] = Double.doubleToRawLongBits(s.kappaEff());
        for (double v : s.neurotransmitters().asMap().values()) {
            out[o++] = Double.doubleToRawLongBits(v);
        }
        for (double v : s.emotions().values()) {
            out[o++] = Double.doubleToRawLongBits(v);
        }
        out[o++] = s.stepCount();
        out[o++] = s.rngState();
        out[o++] = s.regime().ordinal();
        out[o++] = s.status().ordinal();
        return out;
    }
}
