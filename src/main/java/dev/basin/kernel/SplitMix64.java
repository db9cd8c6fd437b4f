package dev.basin.kernel;

/**
 * The kernel's seeded random generator: SplitMix64 (Steele, Lea, Flood 2014), whose entire state is one {@code long}
 * so it fits the {@code rng_state} column and checkpoints and resumes exactly. Each call advances
 * state += 0x9E3779B97F4A7C15 and returns the mixed state. Not thread-safe; a value type would allocate per draw.
 */
public final class SplitMix64 {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long state) {
        this.state = state;
    }

    /** The state to store; {@code new SplitMix64(state())} continues the same sequence. */
    public long state() {
        return state;
    }

    public long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0: " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }
}
