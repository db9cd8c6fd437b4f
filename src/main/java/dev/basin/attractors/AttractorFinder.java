package dev.basin.attractors;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Finds and classifies the critical points of a {@link Potential}.
 *
 * <ul>
 *   <li>{@link #findMinima}: gradient descent (Armijo backtracking) from every well centre and from
 *       {@code randomStarts} seeded Dirichlet(1) points, keeping descents that reach ‖grad U‖ < tolerance; ends closer
 *       than the merge tolerance are one attractor (the one with the smallest gradient norm represents it). Each is
 *       classified by its Hessian, and basin volumes are estimated by Monte Carlo.
 *   <li>{@link #findSaddles}: Newton's method on the gradient from the geodesic midpoint of every pair of wells
 *       (discovery method {@code region_search}); critical points that are not minima are returned.
 *   <li>{@link #classify}: the Hessian classification of any point.
 * </ul>
 * Deterministic for a given seed (parallel flows are independent of each other and of thread order).
 */
public final class AttractorFinder {
    private final FinderConfig config;

    public AttractorFinder(FinderConfig config) {
        requirePresent("config", config);
        this.config = config;
    }

    public FinderConfig config() {
        return config;
    }

    /** Stable attractors (minima) of {@code u}, strongest (lowest U) first, with basin volumes. */
    public List<FoundAttractor> findMinima(Potential u, long seed) {
        requirePotential(u);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> starts = new ArrayList<>();
        for (Well w : u.wells()) {
            starts.add(Sphere.sqrt(w.basin()));
        }
        for (int i = 0; i < config.randomStarts(); i++) {
            starts.add(dirichletSqrt(rnd));
        }
        GradientFlow.Result[] ends = starts.parallelStream()
                .map(s -> GradientFlow.descend(u, s, config.gradientTolerance(), config.maxIterations(),
                        config.maxStep()))
                .toArray(GradientFlow.Result[]::new);
        List<Cluster> clusters = new ArrayList<>();
        for (GradientFlow.Result r : ends) {
            if (!r.converged()) {
                continue;
            }
            Cluster home = null;
            for (Cluster c : clusters) {
                if (Sphere.distance(c.best.s(), r.s()) < config.mergeTolerance()) {
                    home = c;
                    break;
                }
            }
            if (home == null) {
                clusters.add(new Cluster(r));
            } else {
                home.add(r);
            }
        }
        List<double[]> minima = clusters.stream().map(c -> c.best.s()).toList();
        double[] lowest = new double[minima.size()];
        double[] values = new double[minima.size()];
        for (int i = 0; i < minima.size(); i++) {
            lowest[i] = HessianSpectrum.valuesAt(u, minima.get(i)).values()[0];
            values[i] = u.value(minima.get(i));
        }
        int[] hits = volumeHits(u, minima, lowest, values, rnd.split());
        List<FoundAttractor> out = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            FoundAttractor a = classifyAt(u, c.best.s(), c.members, c.maxIterations, DiscoveryMethod.GRADIENT_DESCENT,
                    VolumeEstimate.of(hits[i], config.volumeSamples()));
            if (a.type() == AttractorType.STABLE) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingDouble(FoundAttractor::potential));
        return List.copyOf(out);
    }

    /**
     * Saddles (and maxima) found by Newton's method from the geodesic midpoint of each well and each of its
     * {@code saddleNeighbours} nearest wells (a pair once, in index order), merged within the merge tolerance. Their
     * basin volume is 0 (no open set flows to a saddle) with N = 0 in the estimate.
     */
    public List<FoundAttractor> findSaddles(Potential u) {
        requirePotential(u);
        List<double[]> starts = new ArrayList<>();
        List<Well> wells = u.wells();
        double[][] centres = new double[wells.size()][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = Sphere.sqrt(wells.get(i).basin());
        }
        for (int[] pair : neighbourPairs(centres, config.saddleNeighbours())) {
            starts.add(midpoint(centres[pair[0]], centres[pair[1]]));
        }
        GradientFlow.Result[] ends = starts.parallelStream()
                .map(start -> GradientFlow.newton(u, start, config.gradientTolerance(), 100, config.maxStep()))
                .toArray(GradientFlow.Result[]::new);
        List<FoundAttractor> out = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        for (GradientFlow.Result r : ends) {
            if (!r.converged() || seen.stream().anyMatch(x -> Sphere.distance(x, r.s()) < config.mergeTolerance())) {
                continue;
            }
            seen.add(r.s());
            FoundAttractor a = classifyAt(u, r.s(), 1, r.iterations(), DiscoveryMethod.REGION_SEARCH,
                    VolumeEstimate.of(0, 0));
            if (a.type() != AttractorType.STABLE) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The pairs (i &lt; j) such that j is among the {@code k} nearest wells of i or i among those of j (ties by index),
     * in lexicographic order; all pairs when k ≥ W − 1.
     */
    static List<int[]> neighbourPairs(double[][] centres, int k) {
        int w = centres.length;
        boolean[][] paired = new boolean[w][w];
        for (int i = 0; i < w; i++) {
            Integer[] others = new Integer[w - 1];
            double[] dist = new double[w];
            int n = 0;
            for (int j = 0; j < w; j++) {
                if (j != i) {
                    dist[j] = Sphere.distance(centres[i], centres[j]);
                    others[n++] = j;
                }
            }
            java.util.Arrays.sort(others, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b])
                    : Integer.compare(a, b));
            for (int r = 0; r < Math.min(k, others.length); r++) {
                int j = others[r];
                paired[Math.min(i, j)][Math.max(i, j)] = true;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < w; i++) {
            for (int j = i + 1; j < w; j++) {
                if (paired[i][j]) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    /** Classifies {@code p} by the eigenvalues of the Riemannian Hessian of {@code u} there. */
    public FoundAttractor classify(Potential u, Basin p, DiscoveryMethod method) {
        requirePotential(u);
        requirePresent("basin", p);
        return classifyAt(u, Sphere.sqrt(p), 1, 0, method, VolumeEstimate.of(0, 0));
    }

    /** Eigenvalues (ascending) of the Riemannian Hessian of {@code u} at {@code p}. */
    public static double[] hessianEigenvalues(Potential u, Basin p) {
        double[] s = Sphere.sqrt(p);
        return HessianSpectrum.valuesAt(u, s).values();
    }

    private FoundAttractor classifyAt(Potential u, double[] s, int merged, int iterations, DiscoveryMethod method,
            VolumeEstimate volume) {
        double[] eig = HessianSpectrum.valuesAt(u, s).values();
        int negative = 0;
        int positive = 0;
        for (double l : eig) {
            if (l < 0) {
                negative++;
            } else if (l > 0) {
                positive++;
            }
        }
        AttractorType type = positive == eig.length ? AttractorType.STABLE
                : negative == eig.length ? AttractorType.UNSTABLE : AttractorType.SADDLE;
        double[] g = new double[Sphere.DIM];
        double value = u.gradient(s, g, new double[Sphere.DIM]);
        return new FoundAttractor(Sphere.toBasin(s), type, eig[0], eig[eig.length - 1], negative, value,
                Sphere.norm(g), volume, merged, iterations, method);
    }

    /**
     * For each minimum, how many of the Monte Carlo samples flow to within the assign tolerance of it. A flow stops
     * early once it is captured by a minimum m (smallest Hessian eigenvalue λ₁ > 0, potential U(m)): within ε/2 of m
     * (ε the assign tolerance) with U − U(m) &lt; λ₁ε²/8. Descent never raises U, and to second order the part of the
     * sublevel set {U ≤ U(m) + λ₁ε²/8} around m lies within √(2·λ₁ε²/8 / λ₁) = ε/2 of m, so the flow would end there
     * and be counted for m anyway.
     */
    private int[] volumeHits(Potential u, List<double[]> minima, double[] lowest, double[] values,
            SplittableRandom rnd) {
        int n = config.volumeSamples();
        double[][] samples = new double[n][];
        for (int i = 0; i < n; i++) {
            samples[i] = landscapeSample(u, rnd);
        }
        double eps = config.assignTolerance();
        GradientFlow.Capture capture = (s, value) -> {
            for (int m = 0; m < minima.size(); m++) {
                if (lowest[m] > 0 && value - values[m] < lowest[m] * eps * eps / 8.0
                        && Sphere.distance(minima.get(m), s) < eps / 2.0) {
                    return true;
                }
            }
            return false;
        };
        int[] owner = IntStream.range(0, n).parallel().map(i -> {
            GradientFlow.Result r = GradientFlow.descend(u, samples[i], config.volumeGradientTolerance(),
                    config.maxIterations(), config.maxStep(), capture);
            int best = -1;
            double bestD = config.assignTolerance();
            for (int m = 0; m < minima.size(); m++) {
                double d = Sphere.distance(minima.get(m), r.s());
                if (d < bestD) {
                    bestD = d;
                    best = m;
                }
            }
            return best;
        }).toArray();
        int[] hits = new int[minima.size()];
        for (int o : owner) {
            if (o >= 0) {
                hits[o]++;
            }
        }
        return hits;
    }

    /**
     * √ of a draw from the landscape's own measure: a well j with probability wⱼ/Σw, a direction uniform on the unit
     * sphere of the tangent space at its centre, a distance σ·|Z| (Z standard normal: the radial profile
     * exp(−d²/(2σ²)) of the well), and the point exp_{mⱼ}(d·direction); a step that would leave the simplex is halved
     * until it stays inside, as descent steps are. Uniform samples over the simplex do not serve: in 63 dimensions
     * the region within a few σ of any well is a vanishing share of the simplex, so nearly every uniform flow ends on
     * the flat far field and every volume reads 0.
     */
    static double[] landscapeSample(Potential u, SplittableRandom rnd) {
        List<Well> wells = u.wells();
        double total = 0.0;
        for (Well w : wells) {
            total += w.weight();
        }
        double pick = rnd.nextDouble() * total;
        int j = 0;
        while (j < wells.size() - 1 && pick >= wells.get(j).weight()) {
            pick -= wells.get(j).weight();
            j++;
        }
        double[] centre = Sphere.sqrt(wells.get(j).basin());
        double[] direction = new double[Sphere.DIM];
        double length;
        do {
            for (int i = 0; i < Sphere.DIM; i++) {
                direction[i] = rnd.nextGaussian();
            }
            Sphere.project(centre, direction);
            length = Sphere.norm(direction);
        } while (length == 0.0);
        double d = u.sigma() * Math.abs(rnd.nextGaussian());
        double[] step = new double[Sphere.DIM];
        double[] out = new double[Sphere.DIM];
        while (true) {
            for (int i = 0; i < Sphere.DIM; i++) {
                step[i] = direction[i] * (d / length);
            }
            if (Sphere.exp(centre, step, out)) {
                return out;
            }
            d /= 2.0;
        }
    }

    /** √ of a uniform Dirichlet(1) sample: pᵢ = Eᵢ/ΣE with Eᵢ ~ Exp(1). */
    static double[] dirichletSqrt(SplittableRandom rnd) {
        double[] e = new double[Sphere.DIM];
        double sum = 0.0;
        for (int i = 0; i < Sphere.DIM; i++) {
            e[i] = -Math.log(1.0 - rnd.nextDouble());
            sum += e[i];
        }
        for (int i = 0; i < Sphere.DIM; i++) {
            e[i] = Math.sqrt(e[i] / sum);
        }
        return e;
    }

    /** The geodesic midpoint in √-coordinates: (s + t)/‖s + t‖. */
    static double[] midpoint(double[] s, double[] t) {
        double[] m = new double[Sphere.DIM];
        for (int i = 0; i < Sphere.DIM; i++) {
            m[i] = s[i] + t[i];
        }
        double n = Sphere.norm(m);
        for (int i = 0; i < Sphere.DIM; i++) {
            m[i] /= n;
        }
        return m;
    }

    private static void requirePotential(Potential u) {
        requirePresent("potential", u);
    }

    private static final class Cluster {
        GradientFlow.Result best;
        int members = 1;
        int maxIterations;

        Cluster(GradientFlow.Result r) {
            best = r;
            maxIterations = r.iterations();
        }

        void add(GradientFlow.Result r) {
            members++;
            maxIterations = Math.max(maxIterations, r.iterations());
            if (r.gradNorm() < best.gradNorm()) {
                best = r;
            }
        }
    }
}
