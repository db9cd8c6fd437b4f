package dev.basin.geometry;

import java.util.List;

/**
 * The request shapes of the geometry operations, validated in one place for every entry point: {@code basin geometry
 * <op>} (one JSON request on stdin) and {@code POST /api/v1/geometry/<op>} read their JSON each in their own way and
 * then build these records, so both accept exactly the same values under one set of limits (docs/api.md, "Limits"):
 * {@code steps} in [1, {@value #MAX_STEPS}], 1 to {@value #MAX_POINTS} mean points with optional weights (one per
 * point), coordize text of at most {@value #MAX_TEXT_CHARS} characters. A broken rule raises
 * {@link InvalidInputException} naming the field.
 */
public final class GeometryRequest {
    /** Most steps a geodesic request may ask for (the answer holds steps + 1 basins); also the planner's limit. */
    public static final int MAX_STEPS = 10_000;
    /** Most points a mean request may hold. */
    public static final int MAX_POINTS = 10_000;
    /** Longest text a coordize request may hold, in UTF-16 code units. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** Most words a decode request may ask for. */
    public static final int MAX_DECODE_K = 1_000;

    private GeometryRequest() {}

    /** {@code {"p":[64],"q":[64]}}. */
    public record Distance(Basin p, Basin q) {
        public Distance {
            InvalidInputException.requirePresent("p", p);
            InvalidInputException.requirePresent("q", q);
        }
    }

    /** {@code {"from":[64],"to":[64],"steps":n}}. */
    public record Geodesic(Basin from, Basin to, int steps) {
        public Geodesic {
            InvalidInputException.requirePresent("from", from);
            InvalidInputException.requirePresent("to", to);
            GeometryRequest.steps(steps);
        }
    }

    /** {@code {"points":[[64],...],"weights":[...]}}; {@code weights} null when absent. */
    public record Mean(List<Basin> points, double[] weights) {
        public Mean {
            InvalidInputException.requirePresent("points", points);
            pointCount(points.size());
            if (weights != null && weights.length != points.size()) {
                throw new InvalidInputException("weights",
                        "must have one entry per point (" + points.size() + "), has " + weights.length);
            }
            points = List.copyOf(points);
            weights = weights == null ? null : weights.clone();
        }
    }

    /** {@code {"text":"..."}}. */
    public record Coordize(String text) {
        public Coordize {
            InvalidInputException.requirePresent("text", text);
            if (text.length() > MAX_TEXT_CHARS) {
                throw new InvalidInputException("text",
                        "must have at most " + MAX_TEXT_CHARS + " characters, has " + text.length());
            }
        }
    }

    /** {@code {"basin":[64],"k":n}}: the k vocabulary words nearest to a basin. */
    public record Decode(Basin basin, int k) {
        public Decode {
            InvalidInputException.requirePresent("basin", basin);
            if (k < 1 || k > MAX_DECODE_K) {
                throw new InvalidInputException("k", "must be in [1, " + MAX_DECODE_K + "], is " + k);
            }
        }
    }

    /** Checks a number of geodesic steps (before it is narrowed to an int): an integer in [1, {@value #MAX_STEPS}]. */
    public static int steps(long steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new InvalidInputException("steps", "must be in [1, " + MAX_STEPS + "], is " + steps);
        }
        return (int) steps;
    }

    /** Checks the number of mean points, before any of them is read: 1 to {@value #MAX_POINTS}. */
    public static void pointCount(int n) {
        if (n < 1) {
            throw new InvalidInputException("points", "must not be empty");
        }
        if (n > MAX_POINTS) {
            throw new InvalidInputException("points", "must have at most " + MAX_POINTS + " entries, has " + n);
        }
    }
}
