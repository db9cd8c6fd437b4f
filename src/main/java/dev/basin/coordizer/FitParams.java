package dev.basin.coordizer;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;

/**
 * The hyper-parameters of a fit (docs/coordizer.md explains each).
 *
 * @param topics number of topics; a basin has {@value Basin#DIM} entries, so it must be {@value Basin#DIM}
 * @param seed seed of the SplitMix64 stream that initialises the factorisation
 * @param iterations HALS iterations (each updates W then H once)
 * @param minDf a word enters the vocabulary if it occurs in at least this many training texts
 * @param maxDfFraction ... and in at most this fraction of them
 * @param maxVocabulary at most this many words, the most frequent by document frequency (ties by word)
 * @param unitWords training texts are cut into units of at most this many words before fitting (0: whole texts)
 * @param smoothing ε of the √-map p = (1 − ε)·(w/‖w‖)² + ε/64
 */
public record FitParams(int topics, long seed, int iterations, int minDf, double maxDfFraction, int maxVocabulary,
        int unitWords, double smoothing) {
    public static final long DEFAULT_SEED = 20_260_101L;

    public FitParams {
        if (topics != Basin.DIM) {
            throw new InvalidInputException("topics", "must be " + Basin.DIM + " (a basin has " + Basin.DIM
                    + " entries), is " + topics);
        }
        if (iterations < 1 || iterations > 10_000) {
            throw new InvalidInputException("iterations", "must be in [1, 10000], is " + iterations);
        }
        if (minDf < 1) {
            throw new InvalidInputException("minDf", "must be ≥ 1, is " + minDf);
        }
        if (!(maxDfFraction > 0.0 && maxDfFraction <= 1.0)) {
            throw new InvalidInputException("maxDfFraction", "must be in (0, 1], is " + maxDfFraction);
        }
        if (maxVocabulary < Basin.DIM) {
            throw new InvalidInputException("maxVocabulary", "must be ≥ " + Basin.DIM + ", is " + maxVocabulary);
        }
        if (unitWords < 0) {
            throw new InvalidInputException("unitWords", "must be ≥ 0, is " + unitWords);
        }
        if (!(smoothing > 0.0 && smoothing < 1.0)) {
            throw new InvalidInputException("smoothing", "must be in (0, 1), is " + smoothing);
        }
    }

    /** The defaults, chosen by the benchmark in docs/coordizer.md. */
    public static FitParams defaults() {
        return new FitParams(Basin.DIM, DEFAULT_SEED, 100, 2, 0.5, 12_000, 0, 1e-3);
    }

    public FitParams withSeed(long s) {
        return new FitParams(topics, s, iterations, minDf, maxDfFraction, maxVocabulary, unitWords, smoothing);
    }

    public FitParams withTopics(int t) {
        return new FitParams(t, seed, iterations, minDf, maxDfFraction, maxVocabulary, unitWords, smoothing);
    }
}
