package dev.basin.session;

import dev.basin.geometry.InvalidInputException;
import java.nio.file.Path;

/**
 * What a session runs: the number of root kernels, cycles each kernel lives, the seed of every random choice, and
 * the corpus directory ({@code null}: the corpus shipped in the program).
 */
public record SessionConfig(int kernels, int cycles, long seed, Path corpus) {
    public static final int DEFAULT_KERNELS = 8;
    public static final int DEFAULT_CYCLES = 17;
    public static final long DEFAULT_SEED = 42L;
    public static final int MAX_KERNELS = 32;
    public static final int MAX_CYCLES = 1000;

    public SessionConfig {
        if (kernels < 2 || kernels > MAX_KERNELS) {
            throw new InvalidInputException("kernels", "must be in [2, " + MAX_KERNELS + "] (resonance needs two), is "
                    + kernels);
        }
        if (cycles < 1 || cycles > MAX_CYCLES) {
            throw new InvalidInputException("cycles", "must be in [1, " + MAX_CYCLES + "], is " + cycles);
        }
    }

    public static SessionConfig defaults() {
        return new SessionConfig(DEFAULT_KERNELS, DEFAULT_CYCLES, DEFAULT_SEED, null);
    }
}
